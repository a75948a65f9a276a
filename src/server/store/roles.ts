/**
 * Account roles (global). What a user may do in a project is their role there
 * (state/review/review-types.ts: owner, planner, reviewer, viewer); the account's role only
 * says who is an admin (acts as owner of every project and sees the whole audit log) and who
 * may create projects (admin, planner; the creator becomes the project's owner).
 */
export const ROLES = ['admin', 'planner', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function canCreateProjects(role: Role): boolean {
  return role === 'admin' || role === 'planner';
}
