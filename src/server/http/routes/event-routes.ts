/**
 * GET /api/projects/:id/events — Server-Sent Events for one project. On connect: `event:
 * hello` with the current revision; after a reconnect with Last-Event-ID, the saves missed
 * since (up to 100); then `event: saved` for each save and `event: deleted` if it is deleted.
 */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import { listRevisions, projectHead } from '../../store/projects.ts';
import { authenticate } from '../request-context.ts';
import { formatEvent } from '../event-hub.ts';
import { notFound, projectId } from './project-routes.ts';
import { projectRole } from '../../store/members.ts';
import { may } from '../../../state/review/review-types.ts';

const RECHECK_MS = 10_000;

export function eventRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/projects/:id/events',
      access: { project: 'view' },
      async handler(ctx) {
        const id = projectId(ctx);
        const head = await projectHead(deps.db, id);
        if (!head) throw notFound();
        ctx.res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', 'X-Content-Type-Options': 'nosniff' });
        ctx.res.write(`retry: 3000\n\n`);
        const last = Number(ctx.req.headers['last-event-id']);
        if (Number.isInteger(last) && last > 0 && last < head.revision) {
          const missed = (await listRevisions(deps.db, id, { limit: 100 }))!.filter((r) => r.revision > last).reverse();
          for (const r of missed) ctx.res.write(formatEvent('saved', r.revision, { projectId: id, revision: r.revision, author: r.author, at: r.at, summary: r.summary, name: head.name, client: null }));
        }
        ctx.res.write(formatEvent('hello', null, { projectId: id, revision: head.revision }));
        // Re-check the credential and the membership now and then: a disabled account, an ended
        // session or a member taken out of the project stops hearing.
        let checkedAt = Date.now();
        let allowed = true;
        const req = ctx.req;
        deps.hub.add(id, ctx.res, async (force) => {
          if (allowed && (force || Date.now() - checkedAt > RECHECK_MS)) {
            checkedAt = Date.now();
            const auth = await authenticate(deps.db, req);
            allowed = auth !== null && may(await projectRole(deps.db, id, auth.user), 'view');
          }
          return allowed;
        });
      },
    },
  ];
}
