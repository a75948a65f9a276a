/**
 * A project file sent to the API, checked by the same validator as the app's "open file"
 * (src/state): 400 naming the first bad field, with every problem in Chinese and English.
 */
import type { IncomingMessage } from 'node:http';
import { checkProjectFile, type ProjectFile } from '../../state/scenario-file.ts';
import { formatProblem } from '../../i18n/problems.ts';
import { shippedBoardNames } from '../shipped-boards.ts';
import { HttpError } from './http-error.ts';
import { readJson } from './read-body.ts';
import { checkProjectName } from '../store/project-content.ts';

const MAX_PROBLEMS = 20;

export async function readProjectBody(req: IncomingMessage, limitBytes: number): Promise<ProjectFile> {
  const raw = await readJson(req, limitBytes);
  const r = checkProjectFile(raw, new Set(shippedBoardNames().keys()));
  if (r.ok) return r.value;
  const problems = r.problems.slice(0, MAX_PROBLEMS).map((p) => ({ code: p.code, field: p.field ?? null, params: p.params ?? {}, message: formatProblem(p, 'en'), messageZh: formatProblem(p, 'zh') }));
  throw new HttpError(400, 'invalid-project', problems[0].message, { field: problems[0].field, problems, problemCount: r.problems.length });
}

/** The `name` query parameter, checked; undefined when absent. */
export function nameParam(url: URL): string | undefined {
  const name = url.searchParams.get('name');
  if (name === null) return undefined;
  const bad = checkProjectName(name);
  if (bad) throw new HttpError(400, 'invalid-name', bad, { field: 'name' });
  return name;
}

/** The revision named by If-Match: `"3"` (or W/"3"); 428 when absent, 400 when not a revision. */
export function ifMatchRevision(req: IncomingMessage): number {
  const h = req.headers['if-match'];
  if (h === undefined) throw new HttpError(428, 'if-match-required', 'send If-Match: "<revision>" with the revision your change is based on (the ETag of GET /api/projects/:id)');
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(h));
  if (!m) throw new HttpError(400, 'invalid-if-match', 'If-Match must name one revision, e.g. "3"', { field: 'If-Match' });
  return Number(m[1]);
}
