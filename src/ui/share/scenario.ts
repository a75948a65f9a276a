/**
 * The scenario the exports and the presentation speak of: the active one (shared app state,
 * see src/state/active-scenario.svelte.ts). Every reader goes through this function.
 */
import type { Scenario } from '../../state/scenario.ts';
import { active } from '../../state/active-scenario.svelte.ts';

export function currentScenario(): Scenario | null {
  return active.scenario ?? null;
}
