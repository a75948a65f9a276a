/**
 * A link names a scenario this browser does not have (it was made in another browser, or
 * deleted here): the app says so instead of silently showing another scenario. (A team project
 * holds all its scenarios, so its links always find theirs.)
 */
import { store } from '../state/app-store.svelte.ts';

class LinkedScenario {
  /** The scenario a link named and this browser lacks: `looking` while a loader tries, `absent` when none found it. */
  missing = $state<{ id: string; name: string | null } | null>(null);

  dismiss(): void {
    this.missing = null;
  }
}

export const linkedScenario = new LinkedScenario();

/** Show the scenario a link names: make it active when the project has it; else say it is missing. */
export function openLinkedScenario(id: string, name: string | null): void {
  if (store.project.scenarios.some((s) => s.id === id)) {
    store.activeScenarioId = id;
    linkedScenario.missing = null;
    return;
  }
  linkedScenario.missing = { id, name };
}
