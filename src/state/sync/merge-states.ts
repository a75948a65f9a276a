/** mergeProjects typed for the app's ProjectState (every slice present on all three sides). */
import { mergeProjects } from '../merge/merge-projects.ts';
import type { Conflict, MergeOptions, ProjectLike } from '../merge/merge-types.ts';
import type { ProjectState } from '../project.ts';

export function mergeStates(base: ProjectState, mine: ProjectState, theirs: ProjectState, options?: MergeOptions): { merged: ProjectState; conflicts: Conflict[] } {
  const like = (p: ProjectState) => p as unknown as ProjectLike;
  const r = mergeProjects(like(base), like(mine), like(theirs), options);
  return { merged: r.merged as unknown as ProjectState, conflicts: r.conflicts };
}
