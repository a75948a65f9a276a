/**
 * Changes made of two project states: apply "what changed from `from` to `to`" on top of any
 * state (a three-way merge with `to` winning where both touched the same thing), and the
 * inverse is the same patch backwards. Used to take the other side of a merge conflict as one
 * undoable change, whatever kind of thing the conflict is about (a cell, a site, a scenario's
 * name, a facility …).
 */
import type { Change } from '../change.ts';
import { mergeStates } from '../merge/project-states.ts';
import type { ProjectState } from '../project.ts';
import { shareUnchanged } from './share-unchanged.ts';
import type { Merge } from './replica.ts';

export function patchChange(from: ProjectState, to: ProjectState, label: Change<ProjectState>['label']): Change<ProjectState> {
  return {
    label,
    apply(state) {
      const next = shareUnchanged(state, mergeStates(from, state, to, { prefer: 'theirs' }).merged);
      return { state: next, inverse: patchChange(to, from, label) };
    },
  };
}

/** The change that replaces this replica's side of one conflict of `merge` by the other writer's. */
export function takeTheirs(merge: Merge, conflictId: string, label: Change<ProjectState>['label']): Change<ProjectState> {
  const kept = mergeStates(merge.base, merge.mine, merge.theirState).merged;
  const chosen = mergeStates(merge.base, merge.mine, merge.theirState, { choices: { [conflictId]: 'theirs' } }).merged;
  return patchChange(kept, chosen, label);
}
