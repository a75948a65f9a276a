/**
 * /api/projects/:id/members: who is in the project with what role, and the access history
 * (every change a numbered access revision: who changed whose role, when). Owners manage.
 */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import { HttpError, sendEmpty, sendJson } from '../http-error.ts';
import { readJson } from '../read-body.ts';
import { accessHistory, LastOwnerError, listMembers, NoSuchProjectError, NotMemberError, removeMember, setMember } from '../../store/members.ts';
import { isProjectRole, PROJECT_ROLES } from '../../../state/review/review-types.ts';
import { notFound, projectId } from './project-routes.ts';

function memberErrors(e: unknown): never {
  if (e instanceof LastOwnerError) throw new HttpError(409, 'last-owner', e.message);
  if (e instanceof NotMemberError) throw new HttpError(404, 'no-such-member', e.message);
  if (e instanceof NoSuchProjectError) throw notFound();
  throw e;
}

export function memberRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/projects/:id/members',
      access: { project: 'view' },
      async handler(ctx) {
        sendJson(ctx.res, 200, { you: { name: ctx.auth!.user.name, role: ctx.projectRole }, members: await listMembers(deps.db, projectId(ctx)) });
      },
    },
    {
      method: 'GET',
      path: '/api/projects/:id/members/history',
      access: { project: 'view' },
      async handler(ctx) {
        sendJson(ctx.res, 200, await accessHistory(deps.db, projectId(ctx)));
      },
    },
    {
      method: 'PUT',
      path: '/api/projects/:id/members/:name',
      access: { project: 'manage' },
      async handler(ctx) {
        const id = projectId(ctx);
        const body = (await readJson(ctx.req, deps.limits.reviewBytes)) as { role?: unknown } | null;
        if (!isProjectRole(body?.role)) throw new HttpError(400, 'invalid-role', `role must be one of ${PROJECT_ROLES.join(', ')}`, { field: 'role' });
        const change = await deps.write(() => setMember(deps.db, id, { user: ctx.auth!.user, ip: ctx.ip }, ctx.params.name, body.role as never)).catch(memberErrors);
        if (change) deps.hub.notify(id, 'members', change);
        sendJson(ctx.res, 200, { name: ctx.params.name, role: body.role, change });
      },
    },
    {
      method: 'DELETE',
      path: '/api/projects/:id/members/:name',
      access: { project: 'manage' },
      async handler(ctx) {
        const id = projectId(ctx);
        const change = await deps.write(() => removeMember(deps.db, id, { user: ctx.auth!.user, ip: ctx.ip }, ctx.params.name)).catch(memberErrors);
        deps.hub.notify(id, 'members', change);
        sendEmpty(ctx.res, 204);
      },
    },
  ];
}
