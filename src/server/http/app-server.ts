/**
 * The team server's HTTP side: the JSON API under /api/ and the built app for everything
 * else, on node:http. Each request: find the route (404/405), resolve the credential (401
 * for a protected route without one), check the role (403) and, for writes, that the request
 * comes from this site (403), then run the handler. One log line per request, without
 * query strings, headers or bodies (no passwords, tokens or cookies ever reach the log).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Db } from '../store/db.ts';
import { authorize } from './authorize.ts';
import { EventHub } from './event-hub.ts';
import { HttpError, sendError, sendJson } from './http-error.ts';
import { LoginThrottle } from './login-throttle.ts';
import { authenticate, checkSameOrigin, clientAddress, type Ctx } from './request-context.ts';
import { findRoute, type Route } from './router.ts';
import { serveStatic } from './static-files.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { projectRoutes } from './routes/project-routes.ts';
import { revisionRoutes } from './routes/revision-routes.ts';
import { eventRoutes } from './routes/event-routes.ts';
import { memberRoutes } from './routes/member-routes.ts';
import { commentRoutes } from './routes/comment-routes.ts';
import { signOffRoutes } from './routes/signoff-routes.ts';
import { linkRoutes } from './routes/link-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { basemapRoutes } from './routes/basemap-routes.ts';
import type { TeamBasemapFile } from '../basemap/team-basemap-file.ts';
import type { Deps, Limits } from './deps.ts';

export interface AppServerOptions {
  db: Db;
  /** The built app to serve (dist/); null serves the API only. */
  distDir: string | null;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  limits?: Partial<Limits>;
  /** One line per request; default: none. */
  log?: (line: string) => void;
  /** The basemap file served to every signed-in user (`anju serve --basemap FILE`); default: none. */
  basemap?: TeamBasemapFile | null;
}

export const DEFAULT_LIMITS: Limits = { projectBytes: 64 * 1024 * 1024, smallBytes: 16 * 1024, reviewBytes: 64 * 1024 };

export interface AppServer {
  server: Server;
  hub: EventHub;
  routes: readonly Route[];
  /** Requests being handled now (SSE streams excepted once attached). */
  readonly activeRequests: number;
  /** Stop taking connections, let requests in progress finish (up to `graceMs`), end live streams. Does not close the store. */
  shutdown(graceMs?: number): Promise<void>;
}

export function createAppServer(options: AppServerOptions): AppServer {
  const hub = new EventHub();
  const inFlight = new Set<Promise<unknown>>();
  const deps: Deps = {
    db: options.db,
    hub,
    throttle: new LoginThrottle(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    write(fn) {
      const p = fn();
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p)).catch(() => {});
      return p;
    },
  };
  const health: Route = {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    async handler(ctx) {
      sendJson(ctx.res, 200, { status: 'ok', store: options.db.kind });
    },
  };
  const routes: Route[] = [
    health,
    ...sessionRoutes(deps),
    ...projectRoutes(deps),
    ...revisionRoutes(deps),
    ...eventRoutes(deps),
    ...memberRoutes(deps),
    ...commentRoutes(deps),
    ...signOffRoutes(deps),
    ...linkRoutes(deps),
    ...auditRoutes(deps),
    ...basemapRoutes(options.basemap ?? null),
  ];
  const log = options.log ?? (() => {});

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { ip, secure } = clientAddress(req, !!options.trustProxy);
    let user = '-';
    res.on('finish', () => log(`${new Date().toISOString()} ${ip} ${user} ${req.method} ${url.pathname} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`));
    try {
      if (!url.pathname.startsWith('/api/')) {
        if (options.distDir && serveStatic(options.distDir, req, res, url.pathname)) return;
        throw new HttpError(404, 'not-found', 'not found');
      }
      const { match, allowed } = findRoute(routes, req.method ?? 'GET', url.pathname);
      if (!match) {
        if (allowed.length) throw new HttpError(405, 'method-not-allowed', `use ${allowed.join(', ')}`, {}, { Allow: allowed.join(', ') });
        throw new HttpError(404, 'not-found', 'no such API route');
      }
      const { route, params } = match;
      const ctx: Ctx = { req, res, url, params, ip, secure, auth: route === health ? null : await authenticate(options.db, req) };
      user = ctx.auth ? `${ctx.auth.via}:${ctx.auth.user.name}` : '-';
      if (route.access !== 'public') {
        if (!ctx.auth) throw new HttpError(401, 'unauthenticated', 'sign in (POST /api/login) or send Authorization: Bearer <token>', {}, { 'WWW-Authenticate': 'Bearer realm="anju"' });
        if (route.method !== 'GET') checkSameOrigin(ctx);
        await authorize(options.db, route.access, ctx);
      }
      await route.handler(ctx);
    } catch (e) {
      if (e instanceof HttpError) return sendError(res, e);
      log(`${new Date().toISOString()} error ${req.method} ${url.pathname}: ${e instanceof Error ? e.message : String(e)}`);
      sendError(res, new HttpError(500, 'internal', 'internal server error'));
    }
  }

  const active = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const p = handle(req, res);
    active.add(p);
    void p.finally(() => active.delete(p));
  });
  return {
    server,
    hub,
    routes,
    get activeRequests() {
      return active.size;
    },
    async shutdown(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      hub.closeAll();
      server.closeIdleConnections();
      const deadline = new Promise((r) => setTimeout(r, graceMs).unref());
      await Promise.race([Promise.allSettled([...active, ...inFlight]), deadline]);
      server.closeAllConnections();
      await closed;
    },
  };
}
