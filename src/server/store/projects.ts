/**
 * Projects with full history. Every save is a new immutable revision numbered head + 1,
 * written while holding the project's row lock (SELECT … FOR UPDATE), so concurrent saves
 * are serialised: numbers have no gaps (a failed transaction changes nothing) and no
 * duplicates (the primary key (project_id, revision) would refuse one). A save must name the
 * revision it was based on; if that is not the head, nothing is written (a stale save).
 */
import type { Sql, Db } from './db.ts';
import type { ProjectFile } from '../../state/scenario-file.ts';
import type { ProjectLike } from '../../state/merge/merge-types.ts';
import { diffProjects } from '../../state/merge/project-diff.ts';
import { summarizeChanges } from '../../state/merge/summarize-changes.ts';
import { SCHEMA_VERSION } from '../../state/scenario-schema.ts';
import type { User } from './users.ts';
import { assembleProject, splitProject, type Slice } from './project-content.ts';
import { newId } from '../auth/secrets.ts';
import { shippedBoardNames } from '../shipped-boards.ts';
import { audit } from './audit.ts';
import { addOwner } from './members.ts';
import type { ProjectRole } from '../../state/review/review-types.ts';

export interface ProjectListItem {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  /** The requesting user's role in the project (admins: owner). */
  role: ProjectRole;
  /** Comments and replies by others the user has not marked read. */
  unreadComments: number;
}

export interface RevisionInfo {
  revision: number;
  author: string;
  at: string;
  summary: string;
  /** The revision this one restored, when it is a restore. */
  restoredFrom: number | null;
}

/** Who saved the head revision, for a 409 answer and for live events. */
export interface HeadInfo extends RevisionInfo {
  projectId: string;
  name: string;
}

export type SaveResult =
  | { ok: true; unchanged: boolean; head: HeadInfo }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'no-such-revision' }
  | { ok: false; reason: 'stale'; head: HeadInfo };

export interface Actor {
  user: Pick<User, 'id' | 'name'>;
  ip?: string | null;
}

const REVISION_COLUMNS = `r.revision, u.name AS author, r.at, r.summary, r.restored_from AS "restoredFrom"`;

async function headInfo(db: Sql, projectId: string, revision: number): Promise<HeadInfo> {
  const [r] = await db.query<HeadInfo>(
    `SELECT r.project_id AS "projectId", r.name, ${REVISION_COLUMNS} FROM revisions r JOIN users u ON u.id = r.author_id WHERE r.project_id = $1 AND r.revision = $2`,
    [projectId, revision],
  );
  return r;
}

async function storeBlobs(db: Sql, slices: Map<string, Slice>, except: ReadonlySet<string>): Promise<void> {
  for (const s of slices.values()) if (!except.has(s.hash)) await db.query('INSERT INTO blobs (hash, body) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [s.hash, s.text]);
}

async function blobTexts(db: Sql, hashes: readonly string[]): Promise<Map<string, string>> {
  if (!hashes.length) return new Map();
  const rows = await db.query<{ hash: string; body: string }>('SELECT hash, body FROM blobs WHERE hash = ANY($1::text[])', [hashes]);
  return new Map(rows.map((r) => [r.hash, r.body]));
}

const hashesOf = (slices: Map<string, Slice>) => Object.fromEntries([...slices].map(([k, s]) => [k, s.hash]));

/** The one-line summary from `before` to `after` slice contents (only slices that changed). */
function summary(before: Record<string, unknown>, after: Record<string, unknown>, boardsAfter: unknown): string {
  const names = new Map(shippedBoardNames());
  const boards = boardsAfter as { features?: { properties: { id: string; name: string } }[] } | undefined;
  for (const f of boards?.features ?? []) names.set(f.properties.id, f.properties.name);
  const line = summarizeChanges(diffProjects(before as ProjectLike, after as ProjectLike), { boardName: (id) => names.get(id) });
  return line;
}

export async function createProject(db: Db, actor: Actor, name: string, file: ProjectFile): Promise<HeadInfo> {
  const id = newId();
  const slices = splitProject(file);
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO projects (id, name, head_revision, created_by) VALUES ($1, $2, 1, $3)', [id, name, actor.user.id]);
    await storeBlobs(tx, slices, new Set());
    const s = `新建项目「${name}」`;
    await tx.query('INSERT INTO revisions (project_id, revision, author_id, name, summary, schema_version, slices) VALUES ($1, 1, $2, $3, $4, $5, $6)', [id, actor.user.id, name, s, SCHEMA_VERSION, JSON.stringify(hashesOf(slices))]);
    await audit(tx, { actorId: actor.user.id, action: 'project.create', projectId: id, ip: actor.ip, detail: { revision: 1 } });
    await addOwner(tx, id, actor);
    return headInfo(tx, id, 1);
  });
}

/** The live projects the user may see (admins: all), newest first, with their role and unread comments. */
export async function listProjects(db: Sql, user: Pick<User, 'id' | 'role'>): Promise<ProjectListItem[]> {
  const rows = await db.query<ProjectListItem & { memberRole: ProjectRole | null }>(
    `SELECT p.id, p.name, p.head_revision AS revision, r.at AS "updatedAt", u.name AS "updatedBy", m.role AS "memberRole",
            (SELECT count(*)::integer FROM comments c WHERE c.project_id = p.id AND c.author_id <> $1
               AND NOT EXISTS (SELECT 1 FROM comment_reads cr WHERE cr.comment_id = c.id AND cr.user_id = $1)) AS "unreadComments"
     FROM projects p JOIN revisions r ON r.project_id = p.id AND r.revision = p.head_revision JOIN users u ON u.id = r.author_id
     LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = $1
     WHERE p.deleted_at IS NULL AND ($2 OR m.role IS NOT NULL) ORDER BY r.at DESC, p.id`,
    [user.id, user.role === 'admin'],
  );
  return rows.map(({ memberRole, ...p }) => ({ ...p, role: user.role === 'admin' ? 'owner' : memberRole! }));
}

/** The head of a live project, or null when there is none (never created, or deleted). */
export async function projectHead(db: Sql, projectId: string): Promise<HeadInfo | null> {
  const [p] = await db.query<{ head: number }>('SELECT head_revision AS head FROM projects WHERE id = $1 AND deleted_at IS NULL', [projectId]);
  return p ? headInfo(db, projectId, p.head) : null;
}

export async function listRevisions(db: Sql, projectId: string, options: { limit?: number; before?: number } = {}): Promise<RevisionInfo[] | null> {
  if (!(await projectHead(db, projectId))) return null;
  return db.query<RevisionInfo>(
    `SELECT ${REVISION_COLUMNS} FROM revisions r JOIN users u ON u.id = r.author_id
     WHERE r.project_id = $1 AND ($2::integer IS NULL OR r.revision < $2) ORDER BY r.revision DESC LIMIT $3`,
    [projectId, options.before ?? null, options.limit ?? null],
  );
}

/** A revision's project file as JSON text (the head when `revision` is omitted), or null. Two queries. */
export async function readRevision(db: Sql, projectId: string, revision?: number): Promise<{ info: HeadInfo; json: string } | null> {
  const [r] = await db.query<HeadInfo & { slices: string; schemaVersion: number }>(
    `SELECT r.project_id AS "projectId", r.name, ${REVISION_COLUMNS}, r.slices, r.schema_version AS "schemaVersion"
     FROM projects p JOIN revisions r ON r.project_id = p.id AND r.revision = coalesce($2::integer, p.head_revision) JOIN users u ON u.id = r.author_id
     WHERE p.id = $1 AND p.deleted_at IS NULL`,
    [projectId, revision ?? null],
  );
  if (!r) return null;
  const { slices: slicesJson, schemaVersion, ...info } = r;
  const hashes = JSON.parse(slicesJson) as Record<string, string>;
  const texts = await blobTexts(db, Object.values(hashes));
  const slices = new Map(Object.entries(hashes).map(([k, h]) => [k, texts.get(h)!]));
  return { info, json: assembleProject(schemaVersion, info.at, slices) };
}

interface NewRevision {
  projectId: string;
  baseRevision: number;
  actor: Actor;
  /** Slice key → hash and text (texts only needed for slices not yet stored). */
  slices: Map<string, Slice>;
  name?: string;
  restoredFrom?: number;
  /** Parsed new content of changed slices, when the caller has it (a save); else read from blobs. */
  parsed?: Record<string, unknown>;
}

async function writeRevision(db: Db, n: NewRevision): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    // The row lock on the project serialises saves of one project (the head cannot move under us).
    // Lock first, then read the head's slices: a join in the locking query would, after waiting for
    // another save, re-check the new head against the old revision row and find nothing.
    const [p] = await tx.query<{ head: number; name: string }>('SELECT head_revision AS head, name FROM projects WHERE id = $1 AND deleted_at IS NULL FOR UPDATE', [n.projectId]);
    if (!p) return { ok: false, reason: 'not-found' } as const;
    if (p.head !== n.baseRevision) return { ok: false, reason: 'stale', head: await headInfo(tx, n.projectId, p.head) } as const;
    const [cur] = await tx.query<{ slices: string }>('SELECT slices FROM revisions WHERE project_id = $1 AND revision = $2', [n.projectId, p.head]);
    const oldHashes = JSON.parse(cur.slices) as Record<string, string>;
    const newHashes = hashesOf(n.slices);
    const name = n.name ?? p.name;
    const changed = [...new Set([...Object.keys(oldHashes), ...Object.keys(newHashes)])].filter((k) => oldHashes[k] !== newHashes[k]);
    if (!changed.length && name === p.name && n.restoredFrom === undefined) return { ok: true, unchanged: true, head: await headInfo(tx, n.projectId, p.head) } as const;
    const oldTexts = await blobTexts(tx, changed.map((k) => oldHashes[k]).filter(Boolean));
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of changed) {
      if (oldHashes[k]) before[k] = JSON.parse(oldTexts.get(oldHashes[k])!);
      if (newHashes[k]) after[k] = n.parsed?.[k] ?? JSON.parse(n.slices.get(k)!.text);
    }
    if (!after.scenarios && before.scenarios) after.scenarios = [];
    if (!before.scenarios && after.scenarios) before.scenarios = [];
    const boards = after.boards ?? (n.slices.get('boards') ? JSON.parse(n.slices.get('boards')!.text) : undefined);
    let line = changed.length ? summary(before, after, boards) : '';
    if (name !== p.name) line = `重命名为「${name}」${line ? `；${line}` : ''}`;
    if (n.restoredFrom !== undefined) line = `恢复到修订 ${n.restoredFrom}${line ? `：${line}` : ''}`;
    await storeBlobs(tx, n.slices, new Set(Object.values(oldHashes)));
    const revision = p.head + 1;
    const [{ at }] = await tx.query<{ at: string }>(
      'INSERT INTO revisions (project_id, revision, author_id, name, summary, schema_version, slices, base_revision, restored_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING at',
      [n.projectId, revision, n.actor.user.id, name, line, SCHEMA_VERSION, JSON.stringify(newHashes), n.baseRevision, n.restoredFrom ?? null],
    );
    await tx.query('UPDATE projects SET head_revision = $2, name = $3 WHERE id = $1', [n.projectId, revision, name]);
    await audit(tx, { actorId: n.actor.user.id, action: n.restoredFrom === undefined ? 'project.save' : 'project.restore', projectId: n.projectId, ip: n.actor.ip, detail: { revision, ...(n.restoredFrom === undefined ? {} : { restoredFrom: n.restoredFrom }) } });
    return { ok: true, unchanged: false, head: { projectId: n.projectId, name, revision, author: n.actor.user.name, at, summary: line, restoredFrom: n.restoredFrom ?? null } } as const;
  });
}

/** Save a new revision of the project based on `baseRevision`. */
export async function saveProject(db: Db, projectId: string, baseRevision: number, actor: Actor, file: ProjectFile, name?: string): Promise<SaveResult> {
  return writeRevision(db, { projectId, baseRevision, actor, slices: splitProject(file), name, parsed: file as unknown as Record<string, unknown> });
}

/** Make revision `from`'s content the new head (history is never rewritten). */
export async function restoreRevision(db: Db, projectId: string, from: number, baseRevision: number, actor: Actor): Promise<SaveResult> {
  const [r] = await db.query<{ slices: string }>('SELECT slices FROM revisions WHERE project_id = $1 AND revision = $2', [projectId, from]);
  if (!r) return (await projectHead(db, projectId)) ? { ok: false, reason: 'no-such-revision' } : { ok: false, reason: 'not-found' };
  const hashes = JSON.parse(r.slices) as Record<string, string>;
  // The blobs exist already: texts are read only for the summary of changed slices.
  const texts = await blobTexts(db, Object.values(hashes));
  const slices = new Map(Object.entries(hashes).map(([k, hash]) => [k, { hash, text: texts.get(hash)! }]));
  return writeRevision(db, { projectId, baseRevision, actor, slices, restoredFrom: from });
}

/** Delete a project (it leaves the list; its history stays in the store and in backups). */
export async function deleteProject(db: Db, projectId: string, baseRevision: number, actor: Actor): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const [p] = await tx.query<{ head: number }>('SELECT head_revision AS head FROM projects WHERE id = $1 AND deleted_at IS NULL FOR UPDATE', [projectId]);
    if (!p) return { ok: false, reason: 'not-found' } as const;
    const head = await headInfo(tx, projectId, p.head);
    if (p.head !== baseRevision) return { ok: false, reason: 'stale', head } as const;
    await tx.query('UPDATE projects SET deleted_at = now(), deleted_by = $2 WHERE id = $1', [projectId, actor.user.id]);
    await audit(tx, { actorId: actor.user.id, action: 'project.delete', projectId, ip: actor.ip, detail: { revision: p.head } });
    return { ok: true, unchanged: false, head } as const;
  });
}
