/**
 * Meeting links. Owners create, list and revoke them under /api/projects/:id/links; anyone
 * holding a link's token opens it with GET /api/share (token in the X-Anju-Share header, so
 * it never appears in a URL the server logs): one scenario of the project's head, read-only.
 * A revoked or expired link answers 410 saying which; an unknown one 404.
 */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import type { Ctx } from '../request-context.ts';
import { HttpError, sendEmpty, sendJson } from '../http-error.ts';
import { createLink, LINK_MAX_DAYS, listLinks, lookupLink, revokeLink } from '../../store/share-links.ts';
import { projectHead, readRevision } from '../../store/projects.ts';
import { audit } from '../../store/audit.ts';
import { LINK_MODES, type LinkMode, type SharedScenario } from '../../../state/review/review-types.ts';
import { readObject, scenarioField } from '../review-body.ts';
import { notFound, projectId } from './project-routes.ts';

const DAY_MS = 86_400_000;

function expiresAtField(body: Record<string, unknown>): string {
  const t = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : NaN;
  const now = Date.now();
  if (!Number.isFinite(t) || t <= now || t > now + LINK_MAX_DAYS * DAY_MS) throw new HttpError(400, 'invalid-expiry', `expiresAt must be a date and time in the next ${LINK_MAX_DAYS} days (ISO 8601)`, { field: 'expiresAt' });
  return new Date(t).toISOString();
}

function linkToken(ctx: Ctx): string {
  const t = ctx.req.headers['x-anju-share'];
  return typeof t === 'string' ? t.trim() : '';
}

export function linkRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/projects/:id/links',
      access: { project: 'manage' },
      async handler(ctx) {
        sendJson(ctx.res, 200, await listLinks(deps.db, projectId(ctx)));
      },
    },
    {
      method: 'POST',
      path: '/api/projects/:id/links',
      access: { project: 'manage' },
      async handler(ctx) {
        const id = projectId(ctx);
        const body = await readObject(ctx, deps);
        if (!(LINK_MODES as readonly unknown[]).includes(body.mode)) throw new HttpError(400, 'invalid-mode', `mode must be one of ${LINK_MODES.join(', ')}`, { field: 'mode' });
        const expiresAt = expiresAtField(body);
        const head = await projectHead(deps.db, id);
        if (!head) throw notFound();
        const scenario = await scenarioField(deps, id, head.revision, body);
        const { link, token } = await deps.write(() => createLink(deps.db, id, { user: ctx.auth!.user, ip: ctx.ip }, { scenarioId: scenario.id, mode: body.mode as LinkMode, expiresAt }));
        deps.hub.notify(id, 'links', { link: link.id, change: 'created' });
        sendJson(ctx.res, 201, { link, token, path: `/?share=${token}` });
      },
    },
    {
      method: 'DELETE',
      path: '/api/projects/:id/links/:link',
      access: { project: 'manage' },
      async handler(ctx) {
        const id = projectId(ctx);
        if (!(await deps.write(() => revokeLink(deps.db, id, ctx.params.link, { user: ctx.auth!.user, ip: ctx.ip })))) throw new HttpError(404, 'no-such-link', 'the project has no such link');
        deps.hub.notify(id, 'links', { link: ctx.params.link, change: 'revoked' });
        sendEmpty(ctx.res, 204);
      },
    },
    {
      method: 'GET',
      path: '/api/share',
      access: 'public',
      async handler(ctx) {
        const l = await lookupLink(deps.db, linkToken(ctx));
        if (!l.ok) {
          if (l.reason === 'unknown') throw new HttpError(404, 'link-unknown', 'this meeting link does not exist (check that it was copied whole)');
          throw new HttpError(410, `link-${l.reason}`, l.reason === 'revoked' ? 'this meeting link has been revoked' : 'this meeting link has expired');
        }
        const r = await readRevision(deps.db, l.projectId);
        const file = r && (JSON.parse(r.json) as { scenarios: { id: string; name: string }[] });
        const scenario = file?.scenarios.find((s) => s.id === l.scenarioId);
        // The scenario was deleted from the project after the link was made: nothing to show.
        if (!r || !file || !scenario) throw new HttpError(410, 'link-scenario-gone', 'the scenario this meeting link shows is no longer in the project');
        await audit(deps.db, { actorId: null, action: 'link.open', projectId: l.projectId, ip: ctx.ip, detail: { link: l.linkId } });
        const shared: SharedScenario = { projectName: r.info.name, scenarioId: scenario.id, scenarioName: scenario.name, mode: l.mode, revision: r.info.revision, expiresAt: l.expiresAt, project: { ...file, scenarios: [scenario] } };
        sendJson(ctx.res, 200, shared, { 'Referrer-Policy': 'no-referrer' });
      },
    },
  ];
}

