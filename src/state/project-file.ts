/**
 * The whole project (every slice of ProjectState) in one `*.anju.json` file and in IndexedDB:
 * write it, read it back with every problem named, and open it as ONE undoable change.
 * Reading is all-or-nothing: a file with any error yields no state, so the caller's
 * project stays untouched. Slices a file lacks (version-1 files, files written by the CLI)
 * come from `defaults` (the initial project).
 */
import type { Checked } from '../domain/problem.ts';
import type { Change } from './change.ts';
import type { ProjectState } from './project.ts';
import { checkProjectFile, FULL_CHECK, type ProjectFile } from './scenario-file.ts';
import type { IntegrityOptions } from './project-integrity.ts';
import { APP_ID, SCHEMA_VERSION } from './scenario-schema.ts';
import { problem } from '../domain/problem.ts';
import { planRef } from '../domain/plan-package.ts';
import { activePlan } from '../data/active-plan.ts';

/** The file content for the whole project. `savedAt` is ISO 8601, given by the caller. */
export function toWholeProjectFile(state: ProjectState, savedAt?: string): ProjectFile {
  return { app: APP_ID, schemaVersion: SCHEMA_VERSION, ...(savedAt ? { savedAt } : {}), plan: planRef(activePlan()), ...state };
}

/** The file's text: JSON, two-space indented, ending in a newline. */
export function serializeWholeProject(state: ProjectState, savedAt?: string): string {
  return JSON.stringify(toWholeProjectFile(state, savedAt), null, 2) + '\n';
}

/** The project a validated file describes; slices it lacks come from `defaults`. */
export function projectFromFile(f: ProjectFile, defaults: ProjectState): ProjectState {
  const { app: _app, schemaVersion: _v, savedAt: _s, plan: _p, ...slices } = f;
  const out = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(slices)) if (v !== undefined && k in defaults) out[k] = v;
  // A project always has a scenario: a file listing none gets the initial one.
  if (!(out.scenarios as unknown[]).length) out.scenarios = defaults.scenarios;
  return out as unknown as ProjectState;
}

/**
 * Validate an already-parsed project object (a file's JSON, or what IndexedDB holds). Board
 * ids in allocations must exist in the file's boards, or in `defaults.boards` if it has none.
 */
export function checkWholeProject(raw: unknown, defaults: ProjectState, file?: string, opts: IntegrityOptions = FULL_CHECK): Checked<ProjectState> {
  const known = new Set(defaults.boards.features.map((b) => b.properties.id));
  const r = checkProjectFile(raw, known, file, opts);
  if (!r.ok) return r;
  return { ok: true, value: projectFromFile(r.value, defaults), warnings: r.warnings };
}

/** Parse and validate a project file's text. */
export function parseWholeProject(text: string, defaults: ProjectState, file?: string): Checked<ProjectState> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem('not-json', { file, params: { detail: e instanceof Error ? e.message : String(e) } })] };
  }
  return checkWholeProject(raw, defaults, file);
}

/** Replace the whole project (opening a file) as one change; undo restores the previous project. */
export function replaceProject(next: ProjectState, label = { zh: '打开项目文件', en: 'Open project file' }): Change<ProjectState> {
  return {
    label,
    apply: (state) => ({ state: next, inverse: replaceProject(state, label) }),
  };
}
