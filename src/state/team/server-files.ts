/**
 * Project content between the app and the team server: the server stores and returns a
 * project file (`*.anju.json` content); the app works on a ProjectState. Files from the
 * server pass the same checks as a file the planner opens.
 */
import type { ProjectState } from '../project.ts';
import { checkWholeProject, toWholeProjectFile } from '../project-file.ts';
import type { ProjectFile } from '../scenario-file.ts';

/** The project file to send (no `savedAt`: the server records when the revision was saved). */
export function fileForServer(state: ProjectState): ProjectFile {
  return toWholeProjectFile(state);
}

/** The state a server file describes; slices it lacks come from `defaults`. Throws when the file is not valid. */
export function stateFromServer(file: unknown, defaults: ProjectState): ProjectState {
  const r = checkWholeProject(file, defaults, 'server');
  if (!r.ok) throw new Error(`the server sent a project that does not pass the project checks: ${r.problems.map((p) => `${p.code} ${p.field ?? ''}`).slice(0, 3).join('; ')}`);
  return r.value;
}
