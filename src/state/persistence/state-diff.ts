/**
 * What to write to storage between two project states. State is immutable, so a scenario
 * that did not change is the same object: comparing references finds the edits in O(n).
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { ProjectState, Scenario } from '../scenario.ts';

export interface StateWrites {
  /** Scenarios to put (new or changed). */
  put: Scenario[];
  /** Ids of scenarios to delete. */
  remove: string[];
  /** Scenario ids in order, when the order or membership changed; else null. */
  order: string[] | null;
  /** New boards (null: remove), or `unchanged`. */
  boards: BoardCollection | null | 'unchanged';
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
  const boards = prev !== null && prev.boards === next.boards ? 'unchanged' : (next.boards ?? null);
  return { put, remove, order, boards };
}

export function isEmptyWrite(w: StateWrites): boolean {
  return w.put.length === 0 && w.remove.length === 0 && w.order === null && w.boards === 'unchanged';
}
