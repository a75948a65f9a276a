/**
 * The access check every API route goes through (after the credential and, for writes, the
 * same-origin/CSRF check): the route's `access` against the account's role or, for routes
 * under /api/projects/:id, the user's role in that project. Not a member → 404, exactly as
 * for a project that does not exist; a member without the permission → 403.
 */
import type { Db } from '../store/db.ts';
import type { Access } from './router.ts';
import type { Ctx } from './request-context.ts';
import { canCreateProjects } from '../store/roles.ts';
import { projectRole } from '../store/members.ts';
import { may } from '../../state/review/review-types.ts';
import { HttpError } from './http-error.ts';
import { notFound, projectId } from './routes/project-routes.ts';

const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

export async function authorize(db: Db, access: Access, ctx: Ctx): Promise<void> {
  const user = ctx.auth!.user;
  if (access === 'public' || access === 'signed-in') return;
  if (access === 'create') {
    if (!canCreateProjects(user.role)) throw forbidden(`a ${user.role} account may not create projects`);
    return;
  }
  if (access === 'admin') {
    if (user.role !== 'admin') throw forbidden('only an admin may do this');
    return;
  }
  const role = await projectRole(db, projectId(ctx), user);
  if (!role) throw notFound();
  if (!may(role, access.project)) throw forbidden(`a ${role} of this project may not ${access.project === 'view' ? 'read it' : access.project === 'signoff' ? 'sign off' : access.project}`);
  ctx.projectRole = role;
}
