/**
 * Browser sessions: a random id in an HttpOnly cookie, stored as its SHA-256; a CSRF token
 * per session that state-changing cookie requests must echo in a header. Sessions expire
 * after SESSION_HOURS without use; logout deletes the row, so a stolen cookie dies with it.
 */
import type { Sql } from './db.ts';
import type { User } from './users.ts';
import { randomSecret, sha256Hex } from '../auth/secrets.ts';

export const SESSION_HOURS = 12;

export interface Session {
  /** The secret for the cookie; only its hash is stored. */
  id: string;
  csrfToken: string;
}

export async function createSession(db: Sql, userId: string): Promise<Session> {
  const id = randomSecret(32);
  const csrfToken = randomSecret(32);
  await db.query(`INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '${SESSION_HOURS} hours')`, [sha256Hex(id), userId, csrfToken]);
  return { id, csrfToken };
}

/**
 * The session's enabled user and CSRF token; null when unknown, expired or the user is
 * disabled. The expiry slides, written at most every few minutes (not on every request).
 */
export async function sessionUser(db: Sql, id: string): Promise<{ user: User; csrfToken: string } | null> {
  const [row] = await db.query<User & { csrfToken: string; stale: boolean }>(
    `SELECT u.id, u.name, u.role, u.created_at AS "createdAt", u.disabled_at AS "disabledAt", s.csrf_token AS "csrfToken",
            s.expires_at < now() + interval '${SESSION_HOURS} hours' - interval '5 minutes' AS stale
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [sha256Hex(id)],
  );
  if (!row) return null;
  if (row.stale) await db.query(`UPDATE sessions SET expires_at = now() + interval '${SESSION_HOURS} hours' WHERE id_hash = $1`, [sha256Hex(id)]);
  const { csrfToken, stale: _stale, ...user } = row;
  return { user, csrfToken };
}

export async function deleteSession(db: Sql, id: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256Hex(id)]);
}

export async function deleteExpiredSessions(db: Sql): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= now()');
}
