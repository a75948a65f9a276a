/**
 * The three-way merge and the diff typed for the app's ProjectState (every slice present on
 * all sides). One pair of wrappers for every caller: tabs of this browser (sync/replica.ts), the
 * team server's client (team/project-sync.ts) and the history panel.
 */
import { mergeProjects } from './merge-projects.ts';
import { diffProjects, type ProjectChange } from './project-diff.ts';
import type { Conflict, MergeOptions, ProjectLike } from './merge-types.ts';
import type { ProjectState } from '../project.ts';

// ProjectState is a ProjectLike (scenarios plus known slices); TypeScript wants the index signature spelled out.
const like = (p: ProjectState): ProjectLike => p as unknown as ProjectLike;

/** mergeProjects over project states: `merged` takes both sides' changes; `conflicts` what both changed differently. */
export function mergeStates(base: ProjectState, mine: ProjectState, theirs: ProjectState, options?: MergeOptions): { merged: ProjectState; conflicts: Conflict[] } {
  const r = mergeProjects(like(base), like(mine), like(theirs), options);
  return { merged: r.merged as unknown as ProjectState, conflicts: r.conflicts };
}

/** diffProjects over project states: what changed from `a` to `b`, cell by cell, site by site. */
export function diffStates(a: ProjectState, b: ProjectState): ProjectChange[] {
  return diffProjects(like(a), like(b));
}
