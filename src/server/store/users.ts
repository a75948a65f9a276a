/**
 * Accounts: users with a role, a scrypt password hash and any number of API tokens (stored
 * hashed). A user is never deleted (revisions name their author); `disable` locks them out
 * at once: their sessions are deleted and their tokens stop working.
 */
import type { Sql } from './db.ts';
import { sqlState } from './db.ts';
import type { Role } from './roles.ts';
import { hashPassword, PASSWORD_COST, type ScryptCost } from '../auth/passwords.ts';
import { newApiToken, newId, sha256Hex } from '../auth/secrets.ts';
import { audit } from './audit.ts';

export interface User {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

const USER_COLUMNS = 'id, name, role, created_at AS "createdAt", disabled_at AS "disabledAt"';

/** A user name: 1–64 characters, no control characters or surrounding spaces. */
export function checkUserName(name: string): string | null {
  if (!name || name.length > 64) return 'a user name has 1 to 64 characters';
  // eslint-disable-next-line no-control-regex -- control characters are stripped from user text on purpose
  if (name.trim() !== name || /[\u0000-\u001f\u007f]/.test(name)) return 'a user name has no control characters or surrounding spaces';
  return null;
}

export class UserExistsError extends Error {}
export class NoSuchUserError extends Error {}

/** `cost`: scrypt's; only tests pass a cheaper one (sign-ins verify at the cost stored in the hash). */
export async function addUser(db: Sql, name: string, role: Role, password: string | null, cost: Readonly<ScryptCost> = PASSWORD_COST): Promise<User> {
  const hash = password === null ? null : await hashPassword(password, cost);
  try {
    const [u] = await db.query<User>(`INSERT INTO users (id, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING ${USER_COLUMNS}`, [newId(), name, role, hash]);
    await audit(db, { actorId: null, action: 'user.add', detail: { user: name, role } });
    return u;
  } catch (e) {
    if (sqlState(e) === '23505') throw new UserExistsError(`user "${name}" already exists`);
    throw e;
  }
}

export async function listUsers(db: Sql): Promise<User[]> {
  return db.query<User>(`SELECT ${USER_COLUMNS} FROM users ORDER BY name`);
}

export async function userByName(db: Sql, name: string): Promise<(User & { passwordHash: string | null }) | null> {
  const [u] = await db.query<User & { passwordHash: string | null }>(`SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE name = $1`, [name]);
  return u ?? null;
}

export async function disableUser(db: Sql, name: string): Promise<User> {
  const [u] = await db.query<User>(`UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE name = $1 RETURNING ${USER_COLUMNS}`, [name]);
  if (!u) throw new NoSuchUserError(`no user "${name}"`);
  await db.query('DELETE FROM sessions WHERE user_id = $1', [u.id]);
  await db.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [u.id]);
  await audit(db, { actorId: null, action: 'user.disable', detail: { user: name } });
  return u;
}

/** A new API token for the user: returned once, only its hash is stored. */
export async function issueToken(db: Sql, name: string): Promise<string> {
  const [u] = await db.query<{ id: string; disabledAt: string | null }>('SELECT id, disabled_at AS "disabledAt" FROM users WHERE name = $1', [name]);
  if (!u) throw new NoSuchUserError(`no user "${name}"`);
  if (u.disabledAt) throw new NoSuchUserError(`user "${name}" is disabled`);
  const token = newApiToken();
  await db.query('INSERT INTO api_tokens (token_hash, user_id) VALUES ($1, $2)', [sha256Hex(token), u.id]);
  await audit(db, { actorId: null, action: 'token.issue', detail: { user: name } });
  return token;
}

/** The enabled user a token belongs to, or null. */
export async function userByToken(db: Sql, token: string): Promise<User | null> {
  const [u] = await db.query<User>(
    `SELECT u.id, u.name, u.role, u.created_at AS "createdAt", u.disabled_at AS "disabledAt" FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [sha256Hex(token)],
  );
  return u ?? null;
}
