/** Account roles. Admin and planner write; reviewer and viewer read. */
export const ROLES = ['admin', 'planner', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function canWrite(role: Role): boolean {
  return role === 'admin' || role === 'planner';
}
