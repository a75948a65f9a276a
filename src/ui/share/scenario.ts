/**
 * The scenario the exports and the presentation speak of. The allocation feature owns the
 * active scenario; until it exposes it to the shell, this is the project's first scenario.
 * Keep every reader on this one function so the switch happens in one place.
 */
import type { Scenario } from '../../state/scenario.ts';
import { store } from '../../state/app-store.svelte.ts';

export function currentScenario(): Scenario | null {
  return store.project.scenarios[0] ?? null;
}
