/**
 * Review comments: threads pinned to an anchor (board, grid cell, site, target, rule warning,
 * map point), with replies. Each comment records the revision its writer was looking at. A
 * thread is open or resolved (who and when last changed it). A comment is unread for a user
 * until they mark it read; their own comments never are. Text is plain and checked by the
 * caller (state/review/comment-text.ts); the store keeps it as it is.
 */
import type { Db, Sql } from './db.ts';
import type { User } from './users.ts';
import type { CommentAnchor } from '../../state/review/anchor.ts';
import type { CommentReply, CommentState, CommentThread } from '../../state/review/review-types.ts';
import { newId } from '../auth/secrets.ts';
import { audit } from './audit.ts';

export interface CommentActor {
  user: Pick<User, 'id' | 'name'>;
  ip?: string | null;
}

export interface NewComment {
  body: string;
  mentions: string[];
  revision: number;
}

export class NoSuchCommentError extends Error {}

interface Row {
  id: string;
  threadId: string;
  author: string;
  authorId: string;
  at: string;
  body: string;
  mentions: string;
  revision: number;
  scenarioId: string | null;
  anchor: string | null;
  state: CommentState | null;
  stateBy: string | null;
  stateAt: string | null;
  read: boolean;
}

const SELECT = `SELECT c.id, c.thread_id AS "threadId", u.name AS author, c.author_id AS "authorId", c.at, c.body, c.mentions, c.revision,
  c.scenario_id AS "scenarioId", c.anchor, c.state, s.name AS "stateBy", c.state_at AS "stateAt",
  (c.author_id = $2 OR EXISTS (SELECT 1 FROM comment_reads r WHERE r.comment_id = c.id AND r.user_id = $2)) AS read
  FROM comments c JOIN users u ON u.id = c.author_id LEFT JOIN users s ON s.id = c.state_by`;

function reply(r: Row): CommentReply {
  return { id: r.id, author: r.author, at: r.at, body: r.body, mentions: JSON.parse(r.mentions) as string[], revision: r.revision, unread: !r.read };
}

function threads(rows: Row[]): CommentThread[] {
  const byId = new Map<string, CommentThread>();
  for (const r of rows) {
    if (r.id !== r.threadId) continue;
    byId.set(r.id, { ...reply(r), anchor: JSON.parse(r.anchor!) as CommentAnchor, scenarioId: r.scenarioId, state: r.state!, stateBy: r.stateBy, stateAt: r.stateAt, replies: [] });
  }
  for (const r of rows) if (r.id !== r.threadId) byId.get(r.threadId)?.replies.push(reply(r));
  return [...byId.values()];
}

export interface ThreadFilter {
  state?: CommentState;
  /** A user name: threads this user started or replied to. */
  author?: string;
}

/** The project's threads, oldest first, each with its replies, unread flags for `viewerId`. */
export async function listThreads(db: Sql, projectId: string, viewerId: string, filter: ThreadFilter = {}): Promise<CommentThread[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE c.project_id = $1 ORDER BY c.at, c.id`, [projectId, viewerId]);
  let out = threads(rows);
  if (filter.state) out = out.filter((t) => t.state === filter.state);
  if (filter.author) out = out.filter((t) => t.author === filter.author || t.replies.some((r) => r.author === filter.author));
  return out;
}

async function threadById(db: Sql, projectId: string, threadId: string, viewerId: string): Promise<CommentThread | null> {
  const rows = await db.query<Row>(`${SELECT} WHERE c.project_id = $1 AND c.thread_id = $3 ORDER BY c.at, c.id`, [projectId, viewerId, threadId]);
  return threads(rows)[0] ?? null;
}

/** Start a thread. */
export async function createThread(db: Db, projectId: string, actor: CommentActor, anchor: CommentAnchor, scenarioId: string | null, c: NewComment): Promise<CommentThread> {
  const id = newId();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO comments (id, project_id, thread_id, author_id, revision, scenario_id, anchor, body, mentions, state) VALUES ($1, $2, $1, $3, $4, $5, $6, $7, $8, 'open')`,
      [id, projectId, actor.user.id, c.revision, scenarioId, JSON.stringify(anchor), c.body, JSON.stringify(c.mentions)],
    );
    await audit(tx, { actorId: actor.user.id, action: 'comment.create', projectId, ip: actor.ip, detail: { comment: id, anchor, revision: c.revision, mentions: c.mentions } });
    return (await threadById(tx, projectId, id, actor.user.id))!;
  });
}

/** Answer a thread; returns the whole thread. */
export async function addReply(db: Db, projectId: string, threadId: string, actor: CommentActor, c: NewComment): Promise<CommentThread> {
  return db.transaction(async (tx) => {
    const [root] = await tx.query('SELECT id FROM comments WHERE id = $1 AND project_id = $2 AND thread_id = id FOR UPDATE', [threadId, projectId]);
    if (!root) throw new NoSuchCommentError('no such comment thread');
    const id = newId();
    await tx.query(`INSERT INTO comments (id, project_id, thread_id, author_id, revision, body, mentions) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [id, projectId, threadId, actor.user.id, c.revision, c.body, JSON.stringify(c.mentions)]);
    await audit(tx, { actorId: actor.user.id, action: 'comment.reply', projectId, ip: actor.ip, detail: { comment: threadId, reply: id, revision: c.revision, mentions: c.mentions } });
    return (await threadById(tx, projectId, threadId, actor.user.id))!;
  });
}

/** Resolve or reopen a thread (a no-op when it is already in that state). */
export async function setThreadState(db: Db, projectId: string, threadId: string, actor: CommentActor, state: CommentState): Promise<CommentThread> {
  return db.transaction(async (tx) => {
    const [root] = await tx.query<{ state: CommentState }>('SELECT state FROM comments WHERE id = $1 AND project_id = $2 AND thread_id = id FOR UPDATE', [threadId, projectId]);
    if (!root) throw new NoSuchCommentError('no such comment thread');
    if (root.state !== state) {
      await tx.query('UPDATE comments SET state = $2, state_by = $3, state_at = now() WHERE id = $1', [threadId, state, actor.user.id]);
      await audit(tx, { actorId: actor.user.id, action: state === 'resolved' ? 'comment.resolve' : 'comment.reopen', projectId, ip: actor.ip, detail: { comment: threadId } });
    }
    return (await threadById(tx, projectId, threadId, actor.user.id))!;
  });
}

/** Mark comments of the project read for a user (ids of other projects are ignored). */
export async function markRead(db: Sql, projectId: string, userId: string, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db.query(
    `INSERT INTO comment_reads (comment_id, user_id) SELECT c.id, $2 FROM comments c WHERE c.project_id = $1 AND c.id = ANY($3::text[]) AND c.author_id <> $2
     ON CONFLICT DO NOTHING RETURNING comment_id`,
    [projectId, userId, ids],
  );
  return rows.length;
}
