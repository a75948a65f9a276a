/**
 * What to write to storage between two project states. State is immutable, so a scenario or
 * slice that did not change is the same object: comparing references finds the edits in O(n).
 * Scenarios are one record each (an edit writes only its scenario); every other slice of
 * ProjectState (boards, nodes, facilities, population, streets, employment, dwellings,
 * renovationDone, and any slice added later) is one record, keyed by its name.
 */
import type { ProjectState } from '../project.ts';
import type { Scenario } from '../scenario.ts';

/** Names of the non-scenario slices. */
export type SliceName = Exclude<keyof ProjectState, 'scenarios'>;

export interface StateWrites {
  /** Scenarios to put (new or changed). */
  put: Scenario[];
  /** Ids of scenarios to delete. */
  remove: string[];
  /** Scenario ids in order, when the order or membership changed; else null. */
  order: string[] | null;
  /** Slices whose value changed (all of them when nothing is stored yet), as [name, value]. */
  slices: [SliceName, ProjectState[SliceName]][];
}

/** The non-scenario slice names of a state, in its key order. */
export function sliceNames(state: ProjectState): SliceName[] {
  return (Object.keys(state) as (keyof ProjectState)[]).filter((k): k is SliceName => k !== 'scenarios');
}

/** Writes that turn storage holding `prev` (null: nothing stored) into `next`. */
export function stateWrites(prev: ProjectState | null, next: ProjectState): StateWrites {
  const before = new Map((prev?.scenarios ?? []).map((s) => [s.id, s]));
  const put = next.scenarios.filter((s) => before.get(s.id) !== s);
  const nextIds = new Set(next.scenarios.map((s) => s.id));
  const remove = [...before.keys()].filter((id) => !nextIds.has(id));
  const prevOrder = (prev?.scenarios ?? []).map((s) => s.id).join('\u0000');
  const nextOrder = next.scenarios.map((s) => s.id);
  const order = prev === null || prevOrder !== nextOrder.join('\u0000') ? nextOrder : null;
  const slices = sliceNames(next)
    .filter((k) => prev === null || prev[k] !== next[k])
    .map((k): [SliceName, ProjectState[SliceName]] => [k, next[k]]);
  return { put, remove, order, slices };
}

export function isEmptyWrite(w: StateWrites): boolean {
  return w.put.length === 0 && w.remove.length === 0 && w.order === null && w.slices.length === 0;
}
