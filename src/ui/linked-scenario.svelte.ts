/**
 * A link names a scenario this browser does not have (it was made in another browser, or
 * deleted here): the app says so instead of silently showing another scenario, and — when a
 * loader is registered (the team server's client) — asks it to open the scenario from there.
 */
import { store } from '../state/app-store.svelte.ts';

/** Opens the scenario with this id into the project (e.g. from the team server); resolves true when it now is in `store.project`. */
export type ScenarioLoader = (id: string, name: string | null) => Promise<boolean>;

let loader: ScenarioLoader | null = null;

/** Register (or with null, remove) how to open a scenario this browser lacks. */
export function setScenarioLoader(l: ScenarioLoader | null): void {
  loader = l;
}

class LinkedScenario {
  /** The scenario a link named and this browser lacks: `looking` while a loader tries, `absent` when none found it. */
  missing = $state<{ id: string; name: string | null; state: 'looking' | 'absent' } | null>(null);

  dismiss(): void {
    this.missing = null;
  }
}

export const linkedScenario = new LinkedScenario();

/**
 * Show the scenario a link names: make it active when the project has it; else note it as
 * missing and, if a loader is registered, try to open it and then show it.
 */
export async function openLinkedScenario(id: string, name: string | null): Promise<void> {
  if (store.project.scenarios.some((s) => s.id === id)) {
    store.activeScenarioId = id;
    linkedScenario.missing = null;
    return;
  }
  linkedScenario.missing = { id, name, state: loader ? 'looking' : 'absent' };
  if (!loader) return;
  let found = false;
  try {
    found = await loader(id, name);
  } catch {
    found = false;
  }
  if (linkedScenario.missing?.id !== id) return; // another link was opened meanwhile
  if (found && store.project.scenarios.some((s) => s.id === id)) {
    store.activeScenarioId = id;
    linkedScenario.missing = null;
  } else linkedScenario.missing = { id, name, state: 'absent' };
}
