/** /api/projects: list, create, read (ETag = revision), save (If-Match), delete. */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import type { Ctx } from '../request-context.ts';
import type { SaveResult } from '../../store/projects.ts';
import { createProject, deleteProject, listProjects, readRevision, saveProject } from '../../store/projects.ts';
import { HttpError, sendEmpty, sendJson, sendJsonText } from '../http-error.ts';
import { ifMatchRevision, nameParam, readProjectBody } from '../project-body.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function projectId(ctx: Ctx): string {
  const id = ctx.params.id;
  if (!ID.test(id)) throw notFound();
  return id;
}

export const notFound = () => new HttpError(404, 'not-found', 'no such project');
export const etag = (revision: number) => `"${revision}"`;

/** The answer to a refused write: 409 with who saved the current revision, or 404. */
export function refusal(r: Extract<SaveResult, { ok: false }>): HttpError {
  if (r.reason === 'stale') {
    const h = r.head;
    return new HttpError(409, 'stale-revision', `the project is at revision ${h.revision} (saved by ${h.author}); merge your change with it and send If-Match: "${h.revision}"`, { revision: h.revision, author: h.author, at: h.at, summary: h.summary }, { ETag: etag(h.revision) });
  }
  if (r.reason === 'no-such-revision') return new HttpError(404, 'no-such-revision', 'the project has no such revision');
  return notFound();
}

export function projectRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/projects',
      access: 'signed-in',
      async handler(ctx) {
        sendJson(ctx.res, 200, await listProjects(deps.db, ctx.auth!.user));
      },
    },
    {
      method: 'POST',
      path: '/api/projects',
      access: 'create',
      async handler(ctx) {
        const name = nameParam(ctx.url) ?? '未命名项目';
        const file = await readProjectBody(ctx.req, deps.limits.projectBytes);
        const head = await deps.write(() => createProject(deps.db, { user: ctx.auth!.user, ip: ctx.ip }, name, file));
        sendJson(ctx.res, 201, { id: head.projectId, revision: head.revision }, { ETag: etag(head.revision), Location: `/api/projects/${head.projectId}` });
      },
    },
    {
      method: 'GET',
      path: '/api/projects/:id',
      access: { project: 'view' },
      async handler(ctx) {
        const r = await readRevision(deps.db, projectId(ctx));
        if (!r) throw notFound();
        const tag = etag(r.info.revision);
        if (ctx.req.headers['if-none-match'] === tag) return sendEmpty(ctx.res, 304, { ETag: tag });
        sendJsonText(ctx.res, 200, r.json, { ETag: tag });
      },
    },
    {
      method: 'PUT',
      path: '/api/projects/:id',
      access: { project: 'edit' },
      async handler(ctx) {
        const id = projectId(ctx);
        const base = ifMatchRevision(ctx.req);
        const name = nameParam(ctx.url);
        const file = await readProjectBody(ctx.req, deps.limits.projectBytes);
        const r = await deps.write(() => saveProject(deps.db, id, base, { user: ctx.auth!.user, ip: ctx.ip }, file, name));
        if (!r.ok) throw refusal(r);
        const h = r.head;
        if (!r.unchanged) deps.hub.publish({ projectId: id, revision: h.revision, author: h.author, at: h.at, summary: h.summary, name: h.name, client: clientId(ctx) });
        sendJson(ctx.res, 200, { revision: h.revision, summary: h.summary, at: h.at, unchanged: r.unchanged }, { ETag: etag(h.revision) });
      },
    },
    {
      method: 'DELETE',
      path: '/api/projects/:id',
      access: { project: 'manage' },
      async handler(ctx) {
        const id = projectId(ctx);
        const base = ifMatchRevision(ctx.req);
        const r = await deps.write(() => deleteProject(deps.db, id, base, { user: ctx.auth!.user, ip: ctx.ip }));
        if (!r.ok) throw refusal(r);
        deps.hub.publish({ projectId: id, revision: r.head.revision, author: ctx.auth!.user.name, at: new Date().toISOString(), summary: '删除项目', name: r.head.name, client: clientId(ctx) }, 'deleted');
        sendEmpty(ctx.res, 204);
      },
    },
  ];
}

/** The client id a tab sends in X-Anju-Client (echoed in live events), bounded. */
export function clientId(ctx: Ctx): string | null {
  const v = ctx.req.headers['x-anju-client'];
  return typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null;
}
