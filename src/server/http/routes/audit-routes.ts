/**
 * The audit log: a project's (owners) at /api/projects/:id/audit, everything (admins: sign-ins
 * and failed sign-ins too) at /api/audit. JSON newest first, paged with ?limit=&before=; or the
 * whole log as CSV with ?format=csv.
 */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import type { Ctx } from '../request-context.ts';
import { HttpError, sendJson } from '../http-error.ts';
import { listAudit } from '../../store/audit.ts';
import { auditCsv } from '../audit-csv.ts';
import { projectId } from './project-routes.ts';

const PAGE = 500;
/** The most rows one CSV export holds. */
const CSV_MAX_ROWS = 200_000;

function intParam(ctx: Ctx, name: string, max: number): number | undefined {
  const v = ctx.url.searchParams.get(name);
  if (v === null) return undefined;
  if (!/^\d{1,15}$/.test(v) || Number(v) < 1 || Number(v) > max) throw new HttpError(400, 'invalid-parameter', `${name} must be an integer from 1 to ${max}`, { field: name });
  return Number(v);
}

async function answer(ctx: Ctx, deps: Deps, projectIdOrAll: string | undefined, fileName: string): Promise<void> {
  const format = ctx.url.searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new HttpError(400, 'invalid-parameter', 'format must be json or csv', { field: 'format' });
  if (format === 'json') {
    const limit = intParam(ctx, 'limit', 5000) ?? PAGE;
    sendJson(ctx.res, 200, await listAudit(deps.db, { projectId: projectIdOrAll, limit, before: intParam(ctx, 'before', Number.MAX_SAFE_INTEGER) }));
    return;
  }
  const text = auditCsv(await listAudit(deps.db, { projectId: projectIdOrAll, limit: CSV_MAX_ROWS }));
  ctx.res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  ctx.res.end(text);
}

export function auditRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/projects/:id/audit',
      access: { project: 'manage' },
      async handler(ctx) {
        const id = projectId(ctx);
        await answer(ctx, deps, id, `anju-audit-${id}-${new Date().toISOString().slice(0, 10)}.csv`);
      },
    },
    {
      method: 'GET',
      path: '/api/audit',
      access: 'admin',
      async handler(ctx) {
        await answer(ctx, deps, undefined, `anju-audit-${new Date().toISOString().slice(0, 10)}.csv`);
      },
    },
  ];
}
