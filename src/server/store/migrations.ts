/**
 * The store's schema as numbered migrations, applied in order at start inside one
 * transaction (PostgreSQL's DDL is transactional: a failed migration leaves nothing behind).
 * The same SQL runs on PGlite and PostgreSQL ≥ 14. Never edit a released migration; add one.
 *
 * Design notes: users carry a global role now; per-project
 * membership will be a table of (project, user, role) added by a later migration. Ids that
 * appear in URLs are random (not sequential). Revisions are immutable (a trigger refuses
 * UPDATE and DELETE); project content is stored per slice in content-addressed blobs so a
 * save that changes one grid cell stores only the scenarios slice again.
 */
import type { Db, Sql } from './db.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, projects, revisions, audit log',
    sql: `
CREATE TABLE users (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'planner', 'reviewer', 'viewer')),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE blobs (
  hash text PRIMARY KEY,
  body text NOT NULL
);
CREATE TABLE projects (
  id text PRIMARY KEY,
  name text NOT NULL,
  head_revision integer NOT NULL CHECK (head_revision >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL REFERENCES users (id),
  deleted_at timestamptz,
  deleted_by text REFERENCES users (id)
);
CREATE TABLE revisions (
  project_id text NOT NULL REFERENCES projects (id),
  revision integer NOT NULL CHECK (revision >= 1),
  author_id text NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now(),
  name text NOT NULL,
  summary text NOT NULL,
  schema_version integer NOT NULL,
  slices text NOT NULL,
  base_revision integer,
  restored_from integer,
  PRIMARY KEY (project_id, revision)
);
CREATE FUNCTION anju_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'anju: % rows are immutable', TG_TABLE_NAME USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER revisions_immutable BEFORE UPDATE OR DELETE ON revisions FOR EACH ROW EXECUTE FUNCTION anju_refuse_change();
CREATE TRIGGER blobs_immutable BEFORE UPDATE OR DELETE ON blobs FOR EACH ROW EXECUTE FUNCTION anju_refuse_change();
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text REFERENCES users (id),
  action text NOT NULL,
  project_id text REFERENCES projects (id),
  detail text NOT NULL DEFAULT '{}',
  ip text
);
CREATE INDEX audit_log_project ON audit_log (project_id, at);
`,
  },
];

/** The schema version this build writes; a store with a higher one is refused. */
export const STORE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** A lock id for pg_advisory_xact_lock, so two servers starting at once migrate one after the other. */
const MIGRATION_LOCK = 0x616e6a75; // "anju"

/** Apply every migration the store lacks; returns the versions applied. */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx: Sql) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > STORE_SCHEMA_VERSION) throw new Error(`the store's schema is version ${newest}, newer than this Anju (${STORE_SCHEMA_VERSION}); upgrade Anju`);
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** Split a migration into statements at semicolons outside $$ … $$ bodies. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inBody = false;
  for (const part of sql.split(/(\$\$|;)/)) {
    if (part === '$$') inBody = !inBody;
    if (part === ';' && !inBody) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += part;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
