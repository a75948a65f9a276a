/**
 * Per-project roles. A project's members each have one role (owner, planner, reviewer,
 * viewer); admins act as owners of every project without being members. Every change of
 * membership is a numbered, immutable access revision (who changed whose role, when), written
 * under the project's row lock like a save, so numbers have no gaps. A project always keeps
 * at least one owner.
 */
import type { Db, Sql } from './db.ts';
import type { User } from './users.ts';
import type { AccessRevision, Member, ProjectRole } from '../../state/review/review-types.ts';
import { audit } from './audit.ts';

/** What a request knows about who is asking (a null user is the command line). */
export interface MemberActor {
  user: Pick<User, 'id' | 'name'> | null;
  ip?: string | null;
}

export class NoSuchProjectError extends Error {}
export class LastOwnerError extends Error {}
export class NotMemberError extends Error {}

/** The user's role in a live project: admins are owners; null when not a member or no such project. */
export async function projectRole(db: Sql, projectId: string, user: Pick<User, 'id' | 'role'>): Promise<ProjectRole | null> {
  const [r] = await db.query<{ role: string | null }>(
    `SELECT m.role FROM projects p LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = $2 WHERE p.id = $1 AND p.deleted_at IS NULL`,
    [projectId, user.id],
  );
  if (!r) return null;
  return user.role === 'admin' ? 'owner' : ((r.role as ProjectRole | null) ?? null);
}

export async function listMembers(db: Sql, projectId: string): Promise<Member[]> {
  return db.query<Member>(
    `SELECT u.name, m.role, m.since FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = $1
     ORDER BY array_position(ARRAY['owner', 'planner', 'reviewer', 'viewer'], m.role), u.name`,
    [projectId],
  );
}

export async function accessHistory(db: Sql, projectId: string): Promise<AccessRevision[]> {
  return db.query<AccessRevision>(
    `SELECT a.revision, a.at, b.name AS by, u.name AS user, a.role_before AS before, a.role_after AS after
     FROM access_revisions a JOIN users u ON u.id = a.user_id LEFT JOIN users b ON b.id = a.actor_id
     WHERE a.project_id = $1 ORDER BY a.revision DESC`,
    [projectId],
  );
}

/** Record an access revision (the caller holds the project's row lock). */
async function recordAccess(tx: Sql, projectId: string, actor: MemberActor, userId: string, userName: string, before: ProjectRole | null, after: ProjectRole | null): Promise<AccessRevision> {
  const [{ next }] = await tx.query<{ next: number }>('SELECT coalesce(max(revision), 0) + 1 AS next FROM access_revisions WHERE project_id = $1', [projectId]);
  const [{ at }] = await tx.query<{ at: string }>(
    'INSERT INTO access_revisions (project_id, revision, actor_id, user_id, role_before, role_after) VALUES ($1, $2, $3, $4, $5, $6) RETURNING at',
    [projectId, next, actor.user?.id ?? null, userId, before, after],
  );
  const action = before === null ? 'member.add' : after === null ? 'member.remove' : 'member.change';
  await audit(tx, { actorId: actor.user?.id ?? null, action, projectId, ip: actor.ip, detail: { user: userName, before, after, accessRevision: next } });
  return { revision: next, at, by: actor.user?.name ?? null, user: userName, before, after };
}

/** The creator of a new project becomes its owner (inside the creating transaction). */
export async function addOwner(tx: Sql, projectId: string, actor: MemberActor & { user: Pick<User, 'id' | 'name'> }): Promise<void> {
  await tx.query(`INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')`, [projectId, actor.user.id]);
  await recordAccess(tx, projectId, actor, actor.user.id, actor.user.name, null, 'owner');
}

async function lockProject(tx: Sql, projectId: string): Promise<void> {
  const [p] = await tx.query('SELECT id FROM projects WHERE id = $1 AND deleted_at IS NULL FOR UPDATE', [projectId]);
  if (!p) throw new NoSuchProjectError('no such project');
}

async function memberRow(tx: Sql, projectId: string, userName: string): Promise<{ userId: string; role: ProjectRole | null; disabled: boolean }> {
  const [u] = await tx.query<{ id: string; role: ProjectRole | null; disabled: boolean }>(
    'SELECT u.id, m.role, u.disabled_at IS NOT NULL AS disabled FROM users u LEFT JOIN project_members m ON m.user_id = u.id AND m.project_id = $2 WHERE u.name = $1',
    [userName, projectId],
  );
  if (!u) throw new NotMemberError(`no user "${userName}"`);
  return { userId: u.id, role: u.role, disabled: u.disabled };
}

async function ownerCount(tx: Sql, projectId: string): Promise<number> {
  const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::integer AS n FROM project_members WHERE project_id = $1 AND role = 'owner'`, [projectId]);
  return n;
}

/**
 * Give a user a role in the project (adding them or changing their role). Returns the access
 * revision, or null when they already had that role. Refuses to demote the last owner.
 */
export async function setMember(db: Db, projectId: string, actor: MemberActor, userName: string, role: ProjectRole): Promise<AccessRevision | null> {
  return db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const m = await memberRow(tx, projectId, userName);
    if (m.role === role) return null;
    if (m.role === null && m.disabled) throw new NotMemberError(`user "${userName}" is disabled`);
    if (m.role === 'owner' && (await ownerCount(tx, projectId)) === 1) throw new LastOwnerError(`${userName} is the project's only owner; make someone else owner first`);
    if (m.role === null) await tx.query('INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)', [projectId, m.userId, role]);
    else await tx.query('UPDATE project_members SET role = $3, since = now() WHERE project_id = $1 AND user_id = $2', [projectId, m.userId, role]);
    return recordAccess(tx, projectId, actor, m.userId, userName, m.role, role);
  });
}

/** Take a member out of the project. Refuses to remove the last owner. */
export async function removeMember(db: Db, projectId: string, actor: MemberActor, userName: string): Promise<AccessRevision> {
  return db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const m = await memberRow(tx, projectId, userName);
    if (m.role === null) throw new NotMemberError(`${userName} is not a member of the project`);
    if (m.role === 'owner' && (await ownerCount(tx, projectId)) === 1) throw new LastOwnerError(`${userName} is the project's only owner; make someone else owner first`);
    await tx.query('DELETE FROM project_members WHERE project_id = $1 AND user_id = $2', [projectId, m.userId]);
    return recordAccess(tx, projectId, actor, m.userId, userName, m.role, null);
  });
}
