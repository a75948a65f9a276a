/**
 * Reading the bodies of review requests: JSON objects within the review limit, the revision
 * a writer was looking at (1 … head), a scenario of that revision, and plain text.
 */
import type { Ctx } from './request-context.ts';
import type { Deps } from './deps.ts';
import { HttpError } from './http-error.ts';
import { readJson } from './read-body.ts';
import { projectHead } from '../store/projects.ts';
import { scenariosAt } from '../store/signoffs.ts';
import { checkPlainText } from '../../state/review/comment-text.ts';
import { isAnchorId } from '../../state/review/anchor.ts';
import type { Scenario } from '../../state/scenario.ts';
import { notFound } from './routes/project-routes.ts';

export async function readObject(ctx: Ctx, deps: Deps): Promise<Record<string, unknown>> {
  const body = await readJson(ctx.req, deps.limits.reviewBytes);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'invalid-body', 'send a JSON object');
  return body as Record<string, unknown>;
}

/** `body.revision`: a revision of the project (1 … head); the head when `optional` and absent. */
export async function revisionField(deps: Deps, projectId: string, body: Record<string, unknown>): Promise<number> {
  const head = await projectHead(deps.db, projectId);
  if (!head) throw notFound();
  const r = body.revision;
  if (!Number.isInteger(r) || (r as number) < 1 || (r as number) > head.revision) throw new HttpError(400, 'invalid-revision', `revision must be the project revision you were looking at (1 to ${head.revision})`, { field: 'revision' });
  return r as number;
}

/** `body.scenarioId`: a scenario present at `revision`. */
export async function scenarioField(deps: Deps, projectId: string, revision: number, body: Record<string, unknown>): Promise<Scenario> {
  const id = body.scenarioId;
  if (!isAnchorId(id)) throw new HttpError(400, 'invalid-scenario', 'scenarioId must name a scenario of the project', { field: 'scenarioId' });
  const s = (await scenariosAt(deps.db, projectId, revision))?.get(id);
  if (!s) throw new HttpError(400, 'unknown-scenario', `revision ${revision} has no scenario "${id}"`, { field: 'scenarioId' });
  return s;
}

/** Plain text of a field, or 400 saying why not (empty, too long, control characters). */
export function textField(body: Record<string, unknown>, field: string, maxChars: number, allowEmpty = false): string {
  const t = checkPlainText(body[field] ?? (allowEmpty ? '' : undefined), maxChars, allowEmpty);
  if (t.ok) return t.text;
  const why = t.reason === 'too-long' ? `at most ${maxChars} characters` : t.reason === 'empty' ? 'not empty' : 'plain text without control characters';
  throw new HttpError(400, `text-${t.reason}`, `${field} must be ${why}`, { field, maxChars });
}
