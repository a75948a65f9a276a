/** The audit log: who did what, when, from where. Never holds a password, token or cookie. */
import type { Sql } from './db.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  projectId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export async function audit(db: Sql, e: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (actor_id, action, project_id, detail, ip) VALUES ($1, $2, $3, $4, $5)', [e.actorId, e.action, e.projectId ?? null, JSON.stringify(e.detail ?? {}), e.ip ?? null]);
}
