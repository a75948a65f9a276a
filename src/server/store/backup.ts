/**
 * Backup and restore of the whole store: accounts (with password and token hashes), every
 * project with its full history, members and access history, comments, sign-offs and meeting
 * links (token hashes), and the audit log, as JSON Lines (one record a line: a header, then
 * the records table by table, and an `end` line with the counts). The same file restores into PGlite or PostgreSQL. Restoring checks every
 * blob's hash and the counts, and writes nothing unless the whole file is sound (one
 * transaction). Sessions are not kept: everyone signs in again after a restore.
 * A backup holds password hashes and token hashes: keep it like the database itself.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Db, Sql } from './db.ts';
import { sha256Hex } from '../auth/secrets.ts';
import { STORE_SCHEMA_VERSION } from './migrations.ts';

export const BACKUP_FORMAT = 'anju-backup';
/** 2 added the review tables (members, access history, comments, sign-offs, meeting links); version 1 files still restore. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

/** Tables in dependency order, with the columns a backup holds (snake_case in SQL, camelCase in the file). */
const TABLES = [
  { type: 'user', table: 'users', key: 'id', columns: ['id', 'name', 'role', 'password_hash', 'created_at', 'disabled_at'] },
  { type: 'token', table: 'api_tokens', key: 'token_hash', columns: ['token_hash', 'user_id', 'created_at', 'revoked_at'] },
  { type: 'project', table: 'projects', key: 'id', columns: ['id', 'name', 'head_revision', 'created_at', 'created_by', 'deleted_at', 'deleted_by'] },
  { type: 'blob', table: 'blobs', key: 'hash', columns: ['hash', 'body'] },
  { type: 'revision', table: 'revisions', key: 'project_id, revision', columns: ['project_id', 'revision', 'author_id', 'at', 'name', 'summary', 'schema_version', 'slices', 'base_revision', 'restored_from'] },
  { type: 'member', table: 'project_members', key: 'project_id, user_id', columns: ['project_id', 'user_id', 'role', 'since'] },
  { type: 'access', table: 'access_revisions', key: 'project_id, revision', columns: ['project_id', 'revision', 'at', 'actor_id', 'user_id', 'role_before', 'role_after'] },
  { type: 'comment', table: 'comments', key: 'id', columns: ['id', 'project_id', 'thread_id', 'author_id', 'at', 'revision', 'scenario_id', 'anchor', 'body', 'mentions', 'state', 'state_by', 'state_at'] },
  { type: 'read', table: 'comment_reads', key: 'comment_id, user_id', columns: ['comment_id', 'user_id'] },
  { type: 'signoff', table: 'signoffs', key: 'id', columns: ['id', 'project_id', 'scenario_id', 'reviewer_id', 'revision', 'verdict', 'note', 'at'] },
  { type: 'link', table: 'share_links', key: 'id', columns: ['id', 'token_hash', 'project_id', 'scenario_id', 'mode', 'created_by', 'created_at', 'expires_at', 'revoked_at', 'revoked_by'] },
  { type: 'audit', table: 'audit_log', key: 'id', columns: ['id', 'at', 'actor_id', 'action', 'project_id', 'detail', 'ip'] },
] as const;

export type BackupCounts = Record<(typeof TABLES)[number]['type'], number>;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const BATCH = 500;

/** Write a consistent snapshot of the store as JSON Lines through `write` (one call per line). */
export async function writeBackup(db: Db, write: (line: string) => Promise<void> | void): Promise<BackupCounts> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await write(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, storeSchemaVersion: STORE_SCHEMA_VERSION, from: db.kind, createdAt: new Date().toISOString() }));
    const counts = {} as BackupCounts;
    for (const t of TABLES) {
      counts[t.type] = 0;
      const select = t.columns.map((c) => `${c} AS "${camel(c)}"`).join(', ');
      // Keyset-free batching with OFFSET is fine inside one snapshot; tables are ordered by key.
      for (let offset = 0; ; offset += BATCH) {
        const rows = await tx.query(`SELECT ${select} FROM ${t.table} ORDER BY ${t.key} LIMIT ${BATCH} OFFSET ${offset}`);
        for (const row of rows) {
          if (t.type === 'audit') row.id = Number(row.id);
          await write(JSON.stringify({ type: t.type, ...row }));
        }
        counts[t.type] += rows.length;
        if (rows.length < BATCH) break;
      }
    }
    await write(JSON.stringify({ type: 'end', counts }));
    return counts;
  });
}

export class BackupError extends Error {}

/** Every table of the store (sessions are never backed up: everyone signs in again after a restore). */
export const ALL_TABLES = ['sessions', ...TABLES.map((t) => t.table)].join(', ');

/** Projects from before per-project roles: their creator becomes owner (as migration 2 did). */
async function ownersFromCreators(tx: Sql): Promise<void> {
  await tx.query(`INSERT INTO project_members (project_id, user_id, role, since) SELECT id, created_by, 'owner', created_at FROM projects p
    WHERE NOT EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id)`);
  await tx.query(`INSERT INTO access_revisions (project_id, revision, at, actor_id, user_id, role_before, role_after) SELECT id, 1, created_at, created_by, created_by, NULL, 'owner' FROM projects p
    WHERE NOT EXISTS (SELECT 1 FROM access_revisions a WHERE a.project_id = p.id)`);
}

async function isEmpty(tx: Sql): Promise<boolean> {
  const [r] = await tx.query<{ n: number }>('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM projects) AS n');
  return Number(r.n) === 0;
}

/**
 * Restore a backup read line by line from `input`. The store must be empty unless `replace`,
 * which first empties it — in the same transaction, so a bad file leaves the store as it was.
 */
export async function restoreBackup(db: Db, input: Readable, replace: boolean): Promise<BackupCounts> {
  return db.transaction(async (tx) => {
    if (replace) await tx.query(`TRUNCATE ${ALL_TABLES} CASCADE`);
    else if (!(await isEmpty(tx))) throw new BackupError('the store already holds accounts or projects; restore into an empty store, or pass --replace to replace everything in it');
    let lineNo = 0;
    let header = false;
    let version = BACKUP_VERSION;
    let end = null as { counts?: Record<string, number> } | null;
    const counts = Object.fromEntries(TABLES.map((t) => [t.type, 0])) as BackupCounts;
    const byType = new Map<string, (typeof TABLES)[number]>(TABLES.map((t) => [t.type, t]));
    // Start reading only now: readline emits lines as soon as it is created, and lines
    // emitted before the loop below asks for them would be lost.
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      if (!line.trim()) continue;
      let rec: Record<string, unknown>;
      try {
        rec = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new BackupError(`line ${lineNo}: not JSON (is this an Anju backup?)`);
      }
      if (!header) {
        if (rec.format !== BACKUP_FORMAT) throw new BackupError('not an Anju backup (the first line must say "format": "anju-backup")');
        if (!READABLE_VERSIONS.includes(rec.version as number)) throw new BackupError(`backup format version ${String(rec.version)} is not supported (this Anju reads version ${BACKUP_VERSION})`);
        if (typeof rec.storeSchemaVersion !== 'number' || rec.storeSchemaVersion > STORE_SCHEMA_VERSION) throw new BackupError(`the backup comes from a newer Anju (store schema ${String(rec.storeSchemaVersion)}); upgrade Anju first`);
        header = true;
        version = rec.version as number;
        continue;
      }
      if (end) throw new BackupError(`line ${lineNo}: data after the end line`);
      if (rec.type === 'end') {
        end = rec as { counts?: Record<string, number> };
        continue;
      }
      const t = byType.get(String(rec.type));
      if (!t) throw new BackupError(`line ${lineNo}: unknown record type ${JSON.stringify(rec.type)}`);
      if (t.type === 'blob' && sha256Hex(String(rec.body)) !== rec.hash) throw new BackupError(`line ${lineNo}: blob ${String(rec.hash).slice(0, 12)}… does not match its hash (the file is damaged)`);
      const values = t.columns.map((c) => rec[camel(c)] ?? null);
      const placeholders = t.columns.map((_, i) => `$${i + 1}`).join(', ');
      try {
        await tx.query(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES (${placeholders})`, values);
      } catch (e) {
        throw new BackupError(`line ${lineNo}: ${t.type} record refused by the store: ${e instanceof Error ? e.message : String(e)}`);
      }
      counts[t.type]++;
    }
    if (!header) throw new BackupError('the file is empty');
    if (!end) throw new BackupError('the backup is incomplete (no end line): it was cut short; nothing was restored');
    // A version 1 file has no review records (its end line does not count them).
    for (const t of TABLES) if ((end.counts?.[t.type] ?? (version === 1 ? 0 : -1)) !== counts[t.type]) throw new BackupError(`the backup's end line says ${end.counts?.[t.type]} ${t.type} records but the file has ${counts[t.type]}; nothing was restored`);
    await tx.query(`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((SELECT max(id) FROM audit_log), 0) + 1, false)`);
    if (version === 1) await ownersFromCreators(tx);
    return counts;
  });
}
