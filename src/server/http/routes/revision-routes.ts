/** /api/projects/:id/revisions: the history, one revision's content, restore as a new revision. */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import type { Ctx } from '../request-context.ts';
import { listRevisions, readRevision, restoreRevision } from '../../store/projects.ts';
import { HttpError, sendJson, sendJsonText } from '../http-error.ts';
import { ifMatchRevision } from '../project-body.ts';
import { clientId, etag, notFound, projectId, refusal } from './project-routes.ts';

function revisionParam(ctx: Ctx): number {
  const v = ctx.params.revision;
  if (!/^\d{1,9}$/.test(v)) throw new HttpError(404, 'no-such-revision', 'the project has no such revision');
  return Number(v);
}

function intParam(url: URL, name: string): number | undefined {
  const v = url.searchParams.get(name);
  if (v === null) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1) throw new HttpError(400, 'invalid-parameter', `${name} must be a positive integer`, { field: name });
  return Number(v);
}

export function revisionRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/projects/:id/revisions',
      access: { project: 'view' },
      async handler(ctx) {
        const list = await listRevisions(deps.db, projectId(ctx), { limit: intParam(ctx.url, 'limit'), before: intParam(ctx.url, 'before') });
        if (!list) throw notFound();
        sendJson(ctx.res, 200, list);
      },
    },
    {
      method: 'GET',
      path: '/api/projects/:id/revisions/:revision',
      access: { project: 'view' },
      async handler(ctx) {
        const id = projectId(ctx);
        const r = await readRevision(deps.db, id, revisionParam(ctx));
        if (!r) throw new HttpError(404, 'no-such-revision', 'the project has no such revision');
        // A revision never changes: the browser may keep it (but no shared cache: it needs a login).
        sendJsonText(ctx.res, 200, r.json, { ETag: etag(r.info.revision), 'Cache-Control': 'private, max-age=31536000, immutable' });
      },
    },
    {
      method: 'POST',
      path: '/api/projects/:id/revisions/:revision/restore',
      access: { project: 'edit' },
      async handler(ctx) {
        const id = projectId(ctx);
        const from = revisionParam(ctx);
        const base = ifMatchRevision(ctx.req);
        const r = await deps.write(() => restoreRevision(deps.db, id, from, base, { user: ctx.auth!.user, ip: ctx.ip }));
        if (!r.ok) throw refusal(r);
        const h = r.head;
        deps.hub.publish({ projectId: id, revision: h.revision, author: h.author, at: h.at, summary: h.summary, name: h.name, client: clientId(ctx) });
        sendJson(ctx.res, 200, { revision: h.revision, summary: h.summary, at: h.at, unchanged: false }, { ETag: etag(h.revision) });
      },
    },
  ];
}
