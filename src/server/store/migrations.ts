/**
 * The store's schema as numbered migrations, applied in order at start inside one
 * transaction (PostgreSQL's DDL is transactional: a failed migration leaves nothing behind).
 * The same SQL runs on PGlite and PostgreSQL ≥ 14. Never edit a released migration; add one.
 *
 * Design notes: users carry a global role (admin sees every project; admin and planner may
 * create projects); what a user may do in a project is their membership's role
 * (project_members), whose every change is a numbered access revision. Ids that
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
  {
    version: 2,
    name: 'review: project members and access history, comments, sign-offs, meeting links',
    sql: `
CREATE TABLE project_members (
  project_id text NOT NULL REFERENCES projects (id),
  user_id text NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'planner', 'reviewer', 'viewer')),
  since timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_members_user ON project_members (user_id);
CREATE TABLE access_revisions (
  project_id text NOT NULL REFERENCES projects (id),
  revision integer NOT NULL CHECK (revision >= 1),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text REFERENCES users (id),
  user_id text NOT NULL REFERENCES users (id),
  role_before text,
  role_after text,
  PRIMARY KEY (project_id, revision)
);
CREATE TRIGGER access_revisions_immutable BEFORE UPDATE OR DELETE ON access_revisions FOR EACH ROW EXECUTE FUNCTION anju_refuse_change();
INSERT INTO project_members (project_id, user_id, role, since) SELECT id, created_by, 'owner', created_at FROM projects;
INSERT INTO access_revisions (project_id, revision, at, actor_id, user_id, role_before, role_after) SELECT id, 1, created_at, created_by, created_by, NULL, 'owner' FROM projects;
CREATE TABLE comments (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id),
  thread_id text NOT NULL,
  author_id text NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now(),
  revision integer NOT NULL CHECK (revision >= 1),
  scenario_id text,
  anchor text,
  body text NOT NULL,
  mentions text NOT NULL DEFAULT '[]',
  state text CHECK (state IN ('open', 'resolved')),
  state_by text REFERENCES users (id),
  state_at timestamptz
);
CREATE INDEX comments_project ON comments (project_id, at);
CREATE INDEX comments_thread ON comments (thread_id);
CREATE TABLE comment_reads (
  comment_id text NOT NULL REFERENCES comments (id),
  user_id text NOT NULL REFERENCES users (id),
  PRIMARY KEY (comment_id, user_id)
);
CREATE TABLE signoffs (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id),
  scenario_id text NOT NULL,
  reviewer_id text NOT NULL REFERENCES users (id),
  revision integer NOT NULL CHECK (revision >= 1),
  verdict text NOT NULL CHECK (verdict IN ('reviewed', 'changes-requested')),
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signoffs_project ON signoffs (project_id, at);
CREATE TRIGGER signoffs_immutable BEFORE UPDATE OR DELETE ON signoffs FOR EACH ROW EXECUTE FUNCTION anju_refuse_change();
CREATE TABLE share_links (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  project_id text NOT NULL REFERENCES projects (id),
  scenario_id text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('present', 'view')),
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by text REFERENCES users (id)
);
CREATE INDEX share_links_project ON share_links (project_id);
CREATE INDEX audit_log_at ON audit_log (at);
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
