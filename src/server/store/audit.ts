/** The audit log: who did what, when, from where. Never holds a password, token or cookie. */
import type { Sql } from './db.ts';
import type { AuditRecord } from '../../state/review/review-types.ts';

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

export interface AuditQuery {
  /** One project's entries; all entries when omitted. */
  projectId?: string;
  /** Entries with a smaller id (paging, newest first). */
  before?: number;
  limit?: number;
}

/** Audit entries, newest first, with actor and project names. */
export async function listAudit(db: Sql, q: AuditQuery = {}): Promise<AuditRecord[]> {
  const rows = await db.query<Omit<AuditRecord, 'detail'> & { detail: string }>(
    `SELECT a.id, a.at, u.name AS actor, a.action, a.project_id AS "projectId", p.name AS "projectName", a.ip, a.detail
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN projects p ON p.id = a.project_id
     WHERE ($1::text IS NULL OR a.project_id = $1) AND ($2::bigint IS NULL OR a.id < $2)
     ORDER BY a.id DESC LIMIT $3`,
    [q.projectId ?? null, q.before ?? null, q.limit ?? null],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
