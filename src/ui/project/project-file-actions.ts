/**
 * Saving and opening the whole project as one `*.anju.json` file (src/state/project-file.ts
 * checks and writes it). Opening is one undoable change; a bad file changes nothing.
 */
import { store } from '../../state/app-store.svelte.ts';
import type { ProjectState } from '../../state/project.ts';
import { parseWholeProject, replaceProject, serializeWholeProject } from '../../state/project-file.ts';
import { initialProject } from '../../state/initial-project.ts';
import type { Checked } from '../../domain/problem.ts';
import { defaultBoards } from '../../data/default-boards.ts';
import { defaultEmploymentAreas } from '../../data/jobs-housing-defaults.ts';
import { activePlan, planRuleSettings } from '../../data/active-plan.ts';
import { planBoardCollection } from '../../data/plan-boards.ts';

/** The project a new user starts with (fills slices a file does not hold). */
export function defaults(): ProjectState {
  return initialProject(planBoardCollection(activePlan(), defaultBoards), defaultEmploymentAreas, planRuleSettings(), new Date().toISOString());
}

/** The whole project as `*.anju.json` text. */
export function projectFileText(): string {
  return serializeWholeProject(store.project, new Date().toISOString());
}

/** Start over from the initial project, as one undoable change (the current project is one undo away). */
export function startFresh(): void {
  store.apply(replaceProject(defaults(), { zh: '从初始项目开始', en: 'Start fresh' }));
}

/**
 * Open a project file: on any problem nothing changes and the problems are returned; a valid
 * file replaces the whole project as one undoable change.
 */
export function openProjectText(text: string, fileName: string): Checked<ProjectState> {
  const r = parseWholeProject(text, defaults(), fileName);
  if (r.ok) store.apply(replaceProject(r.value));
  return r;
}
