/**
 * Meeting links: read-only access to one scenario of a project, for people without an
 * account (a coordination meeting's screen). The token is 32 random bytes, shown once at
 * creation; only its SHA-256 is stored. A link has an expiry and can be revoked at any time;
 * either ends it at once (every open checks both).
 */
import type { Db, Sql } from './db.ts';
import type { User } from './users.ts';
import type { LinkMode, ShareLinkInfo } from '../../state/review/review-types.ts';
import { newId, randomSecret, sha256Hex } from '../auth/secrets.ts';
import { audit } from './audit.ts';

/** The longest a link may live, in days. */
export const LINK_MAX_DAYS = 366;

export interface LinkActor {
  user: Pick<User, 'id' | 'name'>;
  ip?: string | null;
}

const COLUMNS = `l.id, l.scenario_id AS "scenarioId", l.mode, c.name AS "createdBy", l.created_at AS "createdAt", l.expires_at AS "expiresAt",
  l.revoked_at AS "revokedAt", r.name AS "revokedBy",
  CASE WHEN l.revoked_at IS NOT NULL THEN 'revoked' WHEN l.expires_at <= now() THEN 'expired' ELSE 'active' END AS state`;
const FROM = 'FROM share_links l JOIN users c ON c.id = l.created_by LEFT JOIN users r ON r.id = l.revoked_by';

/** A new link; the token is returned once and never stored. */
export async function createLink(db: Db, projectId: string, actor: LinkActor, l: { scenarioId: string; mode: LinkMode; expiresAt: string }): Promise<{ link: ShareLinkInfo; token: string }> {
  const id = newId();
  const token = `anjulink_${randomSecret(32)}`;
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO share_links (id, token_hash, project_id, scenario_id, mode, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [id, sha256Hex(token), projectId, l.scenarioId, l.mode, actor.user.id, l.expiresAt]);
    await audit(tx, { actorId: actor.user.id, action: 'link.create', projectId, ip: actor.ip, detail: { link: id, scenarioId: l.scenarioId, mode: l.mode, expiresAt: l.expiresAt } });
    const [link] = await tx.query<ShareLinkInfo>(`SELECT ${COLUMNS} ${FROM} WHERE l.id = $1`, [id]);
    return { link, token };
  });
}

export async function listLinks(db: Sql, projectId: string): Promise<ShareLinkInfo[]> {
  return db.query<ShareLinkInfo>(`SELECT ${COLUMNS} ${FROM} WHERE l.project_id = $1 ORDER BY l.created_at DESC, l.id`, [projectId]);
}

/** Revoke a link of the project; false when it has no such link. Revoking twice keeps the first time. */
export async function revokeLink(db: Db, projectId: string, linkId: string, actor: LinkActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ revoked: boolean }>('SELECT revoked_at IS NOT NULL AS revoked FROM share_links WHERE id = $1 AND project_id = $2 FOR UPDATE', [linkId, projectId]);
    if (!rows.length) return false;
    if (!rows[0].revoked) {
      await tx.query('UPDATE share_links SET revoked_at = now(), revoked_by = $2 WHERE id = $1', [linkId, actor.user.id]);
      await audit(tx, { actorId: actor.user.id, action: 'link.revoke', projectId, ip: actor.ip, detail: { link: linkId } });
    }
    return true;
  });
}

export type LinkLookup =
  | { ok: true; linkId: string; projectId: string; scenarioId: string; mode: LinkMode; expiresAt: string }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

/** What a token opens, checked now (revoked, expired, or its project deleted: refused). */
export async function lookupLink(db: Sql, token: string): Promise<LinkLookup> {
  if (!token || token.length > 200) return { ok: false, reason: 'unknown' };
  const [l] = await db.query<{ id: string; projectId: string; scenarioId: string; mode: LinkMode; expiresAt: string; revoked: boolean; expired: boolean; deleted: boolean }>(
    `SELECT l.id, l.project_id AS "projectId", l.scenario_id AS "scenarioId", l.mode, l.expires_at AS "expiresAt",
            l.revoked_at IS NOT NULL AS revoked, l.expires_at <= now() AS expired, p.deleted_at IS NOT NULL AS deleted
     FROM share_links l JOIN projects p ON p.id = l.project_id WHERE l.token_hash = $1`,
    [sha256Hex(token)],
  );
  if (!l) return { ok: false, reason: 'unknown' };
  if (l.revoked || l.deleted) return { ok: false, reason: 'revoked' };
  if (l.expired) return { ok: false, reason: 'expired' };
  return { ok: true, linkId: l.id, projectId: l.projectId, scenarioId: l.scenarioId, mode: l.mode, expiresAt: l.expiresAt };
}
