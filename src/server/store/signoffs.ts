/**
 * Reviewer sign-offs: a reviewer marks one scenario "reviewed" or "changes requested" at a
 * revision. Sign-offs are never changed (a new one supersedes the reviewer's previous one for
 * that scenario). Listing says, for each, whether the scenario has changed since the revision
 * it was given for, by comparing the scenario's content there and at the project's head.
 */
import type { Db, Sql } from './db.ts';
import type { User } from './users.ts';
import type { SignOff, Verdict } from '../../state/review/review-types.ts';
import type { Scenario } from '../../state/scenario.ts';
import { deepEqual } from '../../state/merge/deep-equal.ts';
import { newId } from '../auth/secrets.ts';
import { audit } from './audit.ts';

export interface SignOffActor {
  user: Pick<User, 'id' | 'name'>;
  ip?: string | null;
}

/** The scenarios of a revision, by id (null when the revision does not exist). */
export async function scenariosAt(db: Sql, projectId: string, revision: number): Promise<Map<string, Scenario> | null> {
  const [r] = await db.query<{ body: string | null }>(
    `SELECT b.body FROM revisions r LEFT JOIN blobs b ON b.hash = (r.slices::json ->> 'scenarios') WHERE r.project_id = $1 AND r.revision = $2`,
    [projectId, revision],
  );
  if (!r) return null;
  const list = r.body ? (JSON.parse(r.body) as Scenario[]) : [];
  return new Map(list.map((s) => [s.id, s]));
}

export async function addSignOff(db: Db, projectId: string, actor: SignOffActor, s: { scenarioId: string; revision: number; verdict: Verdict; note: string }): Promise<SignOff> {
  const id = newId();
  return db.transaction(async (tx) => {
    const [{ at }] = await tx.query<{ at: string }>(
      'INSERT INTO signoffs (id, project_id, scenario_id, reviewer_id, revision, verdict, note) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING at',
      [id, projectId, s.scenarioId, actor.user.id, s.revision, s.verdict, s.note],
    );
    await audit(tx, { actorId: actor.user.id, action: 'signoff', projectId, ip: actor.ip, detail: { scenarioId: s.scenarioId, revision: s.revision, verdict: s.verdict } });
    const [{ head }] = await tx.query<{ head: number }>('SELECT head_revision AS head FROM projects WHERE id = $1', [projectId]);
    return { id, scenarioId: s.scenarioId, reviewer: actor.user.name, verdict: s.verdict, revision: s.revision, at, note: s.note, latest: true, changedSince: await changedSince(tx, projectId, s.scenarioId, s.revision, head, new Map()) };
  });
}

async function changedSince(db: Sql, projectId: string, scenarioId: string, revision: number, head: number, cache: Map<number, Map<string, Scenario> | null>): Promise<boolean> {
  if (revision === head) return false;
  const at = async (r: number) => {
    if (!cache.has(r)) cache.set(r, await scenariosAt(db, projectId, r));
    return cache.get(r)?.get(scenarioId);
  };
  return !deepEqual(await at(revision), await at(head));
}

/** Every sign-off of the project, newest first, each marked latest (per scenario × reviewer) and changed-since. */
export async function listSignOffs(db: Sql, projectId: string): Promise<SignOff[]> {
  const rows = await db.query<Omit<SignOff, 'latest' | 'changedSince'>>(
    `SELECT s.id, s.scenario_id AS "scenarioId", u.name AS reviewer, s.verdict, s.revision, s.at, s.note
     FROM signoffs s JOIN users u ON u.id = s.reviewer_id WHERE s.project_id = $1 ORDER BY s.at DESC, s.id`,
    [projectId],
  );
  if (!rows.length) return [];
  const [{ head }] = await db.query<{ head: number }>('SELECT head_revision AS head FROM projects WHERE id = $1', [projectId]);
  const seen = new Set<string>();
  const cache = new Map<number, Map<string, Scenario> | null>();
  const out: SignOff[] = [];
  for (const r of rows) {
    const key = `${r.scenarioId}\u0000${r.reviewer}`;
    const latest = !seen.has(key);
    seen.add(key);
    out.push({ ...r, latest, changedSince: await changedSince(db, projectId, r.scenarioId, r.revision, head, cache) });
  }
  return out;
}
