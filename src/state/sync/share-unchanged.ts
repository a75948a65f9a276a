/**
 * Structural sharing after a merge: the parts of `next` that are deep-equal to the same parts of
 * `prev` are replaced by `prev`'s objects. State is compared by reference everywhere downstream
 * (autosave writes only the scenarios and slices whose object changed; the map re-uploads only
 * a changed source; derived figures recompute only on a new object), so a merge must not hand
 * out new objects for what it did not change.
 */
import { deepEqual } from '../merge/deep-equal.ts';
import type { ProjectState } from '../project.ts';
import type { Scenario } from '../scenario.ts';

/** `next`, with every top-level slice and every scenario equal to `prev`'s taken from `prev`; `prev` itself when all are. */
export function shareUnchanged(prev: ProjectState, next: ProjectState): ProjectState {
  const out: Record<string, unknown> = {};
  let same = Object.keys(prev).length === Object.keys(next).length;
  for (const key of Object.keys(next) as (keyof ProjectState)[]) {
    const v = key === 'scenarios' ? shareScenarios(prev.scenarios, next.scenarios) : deepEqual(prev[key], next[key]) ? prev[key] : next[key];
    if (v !== prev[key]) same = false;
    out[key] = v;
  }
  return same ? prev : (out as unknown as ProjectState);
}

function shareScenarios(prev: readonly Scenario[] | undefined, next: Scenario[]): Scenario[] {
  if (!prev) return next;
  const byId = new Map(prev.map((s) => [s.id, s]));
  const shared = next.map((s) => {
    const p = byId.get(s.id);
    return p && (p === s || deepEqual(p, s)) ? p : s;
  });
  return shared.length === prev.length && shared.every((s, i) => s === prev[i]) ? (prev as Scenario[]) : shared;
}
