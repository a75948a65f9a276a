/**
 * The audit log as CSV for Excel, through the app's one CSV writer (io/rows-to-csv.ts: BOM,
 * CRLF, formula-like text neutralised, so a user named `=HYPERLINK(…)` stays text).
 */
import { rowsToCsv } from '../../io/rows-to-csv.ts';
import type { AuditRecord } from '../../state/review/review-types.ts';

export const AUDIT_CSV_HEADER = ['time (UTC)', 'user', 'action', 'project id', 'project', 'from (client address)', 'details'] as const;

export function auditCsv(records: readonly AuditRecord[]): string {
  return rowsToCsv(
    AUDIT_CSV_HEADER,
    records.map((r) => [r.at, r.actor, r.action, r.projectId, r.projectName, r.ip, JSON.stringify(r.detail)]),
  );
}
