/**
 * What autosave refuses to write: a project that the load on the next visit would refuse.
 * Only the slices that changed since the last write are checked (state is immutable, so an
 * unchanged slice is the same object), plus the scenarios (small; ids and board references
 * span them). The app's inputs and imports keep within the checks already; this is the net
 * under them, so storage never holds what cannot be opened again.
 */
import type { Problem } from '../../domain/problem.ts';
import type { ProjectState } from '../project.ts';
import { checkProjectFile } from '../scenario-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../scenario-schema.ts';

/** Problems of `next` in what differs from `prev` (everything when prev is null); [] when it may be written. */
export function unsavableProblems(prev: ProjectState | null, next: ProjectState): Problem[] {
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) if (k !== 'scenarios' && (!prev || prev[k as keyof ProjectState] !== v)) changed[k] = v;
  const known = new Set(next.boards.features.map((b) => b.properties.id));
  const r = checkProjectFile({ app: APP_ID, schemaVersion: SCHEMA_VERSION, ...changed, scenarios: next.scenarios }, known);
  return r.ok ? [] : r.problems;
}

/** A write refused because the project fails the checks. */
export class UnsavableProject extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the project fails ${problems.length} checks`);
    this.name = 'UnsavableProject';
  }
}
