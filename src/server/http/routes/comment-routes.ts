/**
 * /api/projects/:id/comments: review threads pinned to a board, a grid cell, a site, a target,
 * a rule warning or a map point; replies; resolve and reopen; marking read. Members who may
 * comment (owner, planner, reviewer) write; every member reads.
 */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import type { Ctx } from '../request-context.ts';
import { HttpError, sendJson } from '../http-error.ts';
import { addReply, createThread, listThreads, markRead, NoSuchCommentError, setThreadState } from '../../store/comments.ts';
import { listMembers } from '../../store/members.ts';
import { checkAnchor, SCENARIO_ANCHORS } from '../../../state/review/anchor.ts';
import { COMMENT_MAX_CHARS, findMentions } from '../../../state/review/comment-text.ts';
import type { CommentState, CommentThread } from '../../../state/review/review-types.ts';
import { readObject, revisionField, scenarioField, textField } from '../review-body.ts';
import { projectId } from './project-routes.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function threadId(ctx: Ctx): string {
  if (!ID.test(ctx.params.comment)) throw noSuchThread();
  return ctx.params.comment;
}
const noSuchThread = () => new HttpError(404, 'no-such-comment', 'the project has no such comment thread');
const commentErrors = (e: unknown): never => {
  throw e instanceof NoSuchCommentError ? noSuchThread() : e;
};

async function newComment(ctx: Ctx, deps: Deps, id: string, body: Record<string, unknown>) {
  const revision = await revisionField(deps, id, body);
  const text = textField(body, 'body', COMMENT_MAX_CHARS);
  const members = (await listMembers(deps.db, id)).map((m) => m.name);
  return { revision, body: text, mentions: findMentions(text, members) };
}

export function commentRoutes(deps: Deps): Route[] {
  const announce = (ctx: Ctx, id: string, thread: CommentThread, change: string) => deps.hub.notify(id, 'comment', { threadId: thread.id, change, author: ctx.auth!.user.name, state: thread.state });
  const stateRoute = (path: 'resolve' | 'reopen', state: CommentState): Route => ({
    method: 'POST',
    path: `/api/projects/:id/comments/:comment/${path}`,
    access: { project: 'comment' },
    async handler(ctx) {
      const id = projectId(ctx);
      const thread = await deps.write(() => setThreadState(deps.db, id, threadId(ctx), { user: ctx.auth!.user, ip: ctx.ip }, state)).catch(commentErrors);
      announce(ctx, id, thread, path);
      sendJson(ctx.res, 200, thread);
    },
  });
  return [
    {
      method: 'GET',
      path: '/api/projects/:id/comments',
      access: { project: 'view' },
      async handler(ctx) {
        const state = ctx.url.searchParams.get('state');
        if (state !== null && state !== 'open' && state !== 'resolved') throw new HttpError(400, 'invalid-parameter', 'state must be open or resolved', { field: 'state' });
        const author = ctx.url.searchParams.get('author') ?? undefined;
        sendJson(ctx.res, 200, await listThreads(deps.db, projectId(ctx), ctx.auth!.user.id, { state: state ?? undefined, author }));
      },
    },
    {
      method: 'POST',
      path: '/api/projects/:id/comments',
      access: { project: 'comment' },
      async handler(ctx) {
        const id = projectId(ctx);
        const body = await readObject(ctx, deps);
        const a = checkAnchor(body.anchor);
        if (!a.ok) throw new HttpError(400, 'invalid-anchor', a.reason, { field: a.field });
        const c = await newComment(ctx, deps, id, body);
        let scenarioId: string | null = null;
        if (SCENARIO_ANCHORS.has(a.anchor.kind) || body.scenarioId !== undefined) {
          const s = await scenarioField(deps, id, c.revision, body);
          scenarioId = s.id;
          if (a.anchor.kind === 'site' && !s.sites.some((x) => x.id === (a.anchor as { siteId: string }).siteId)) throw new HttpError(400, 'unknown-site', `scenario "${s.id}" has no site "${a.anchor.siteId}" at revision ${c.revision}`, { field: 'anchor.siteId' });
        }
        const thread = await deps.write(() => createThread(deps.db, id, { user: ctx.auth!.user, ip: ctx.ip }, a.anchor, scenarioId, c));
        announce(ctx, id, thread, 'created');
        sendJson(ctx.res, 201, thread, { Location: `/api/projects/${id}/comments#${thread.id}` });
      },
    },
    {
      method: 'POST',
      path: '/api/projects/:id/comments/read',
      access: { project: 'view' },
      async handler(ctx) {
        const id = projectId(ctx);
        const body = await readObject(ctx, deps);
        const ids = body.ids;
        if (!Array.isArray(ids) || ids.length > 10_000 || !ids.every((x) => typeof x === 'string' && ID.test(x))) throw new HttpError(400, 'invalid-ids', 'ids must be a list of comment ids', { field: 'ids' });
        sendJson(ctx.res, 200, { marked: await markRead(deps.db, id, ctx.auth!.user.id, ids as string[]) });
      },
    },
    {
      method: 'POST',
      path: '/api/projects/:id/comments/:comment/replies',
      access: { project: 'comment' },
      async handler(ctx) {
        const id = projectId(ctx);
        const tid = threadId(ctx);
        const c = await newComment(ctx, deps, id, await readObject(ctx, deps));
        const thread = await deps.write(() => addReply(deps.db, id, tid, { user: ctx.auth!.user, ip: ctx.ip }, c)).catch(commentErrors);
        announce(ctx, id, thread, 'replied');
        sendJson(ctx.res, 201, thread);
      },
    },
    stateRoute('resolve', 'resolved'),
    stateRoute('reopen', 'open'),
  ];
}
