/**
 * Sign in and out for the app. POST /api/login {name, password} → a session cookie
 * (HttpOnly, SameSite=Strict, Secure over HTTPS) and the session's CSRF token.
 */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import { HttpError, sendEmpty, sendJson } from '../http-error.ts';
import { readJson } from '../read-body.ts';
import { ownOrigin, SESSION_COOKIE, type Ctx } from '../request-context.ts';
import { userByName } from '../../store/users.ts';
import { createSession, deleteSession, SESSION_HOURS } from '../../store/sessions.ts';
import { verifyPassword, hashPassword } from '../../auth/passwords.ts';
import { audit } from '../../store/audit.ts';

/** A hash to verify against when the user does not exist, so a wrong name costs as long as a wrong password. */
let dummyHash: Promise<string> | null = null;

function cookie(ctx: Ctx, value: string, maxAgeS: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${ctx.secure ? '; Secure' : ''}`;
}

export function sessionRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/login',
      access: 'public',
      async handler(ctx) {
        // Login CSRF: a page on another site must not sign a browser in to an account of its choosing.
        const origin = ctx.req.headers.origin;
        if (origin !== undefined && origin !== ownOrigin(ctx)) throw new HttpError(403, 'cross-origin', 'sign in from this site');
        const body = (await readJson(ctx.req, deps.limits.smallBytes)) as { name?: unknown; password?: unknown };
        if (!body || typeof body.name !== 'string' || typeof body.password !== 'string') throw new HttpError(400, 'invalid-login', 'send {"name": string, "password": string}', { field: typeof body?.name !== 'string' ? 'name' : 'password' });
        const wait = deps.throttle.retryAfterS(body.name, ctx.ip);
        if (wait > 0) throw new HttpError(429, 'too-many-attempts', `too many failed sign-ins; try again in ${wait} s`, { retryAfterS: wait }, { 'Retry-After': String(wait) });
        const user = await userByName(deps.db, body.name);
        const ok = user?.passwordHash ? await verifyPassword(body.password, user.passwordHash) : (await verifyPassword(body.password, await (dummyHash ??= hashPassword('not a password'))), false);
        if (!ok || !user || user.disabledAt) {
          deps.throttle.failed(body.name, ctx.ip);
          await audit(deps.db, { actorId: user?.id ?? null, action: 'login.failed', ip: ctx.ip, detail: { name: body.name.slice(0, 64) } });
          throw new HttpError(401, 'bad-credentials', 'wrong user name or password, or the account is disabled');
        }
        deps.throttle.succeeded(body.name);
        // A new session id at every login (no fixation); an old cookie the browser sent is ended.
        if (ctx.auth?.sessionId) await deleteSession(deps.db, ctx.auth.sessionId);
        const session = await createSession(deps.db, user.id);
        await audit(deps.db, { actorId: user.id, action: 'login', ip: ctx.ip });
        sendJson(ctx.res, 200, { user: { name: user.name, role: user.role }, csrfToken: session.csrfToken }, { 'Set-Cookie': cookie(ctx, session.id, SESSION_HOURS * 3600) });
      },
    },
    {
      method: 'POST',
      path: '/api/logout',
      access: 'signed-in',
      async handler(ctx) {
        if (ctx.auth?.sessionId) {
          await deleteSession(deps.db, ctx.auth.sessionId);
          await audit(deps.db, { actorId: ctx.auth.user.id, action: 'logout', ip: ctx.ip });
        }
        sendEmpty(ctx.res, 204, { 'Set-Cookie': cookie(ctx, '', 0) });
      },
    },
    {
      method: 'GET',
      path: '/api/me',
      access: 'signed-in',
      async handler(ctx) {
        const a = ctx.auth!;
        sendJson(ctx.res, 200, { user: { name: a.user.name, role: a.user.role }, via: a.via, ...(a.csrfToken ? { csrfToken: a.csrfToken } : {}) });
      },
    },
  ];
}
