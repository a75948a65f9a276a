/**
 * Who is asking, from where, over what: the session cookie or bearer token resolved to an
 * enabled user, the client address and whether the request came over HTTPS (both taken from
 * X-Forwarded-* only when the server was told to trust its reverse proxy).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { User } from '../store/users.ts';
import { userByToken } from '../store/users.ts';
import { sessionUser } from '../store/sessions.ts';
import { HttpError } from './http-error.ts';
import type { ProjectRole } from '../../state/review/review-types.ts';

export const SESSION_COOKIE = 'anju_session';

export interface Auth {
  user: User;
  via: 'session' | 'token';
  /** For a session: its secret (to log out) and CSRF token. */
  sessionId?: string;
  csrfToken?: string;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  ip: string;
  secure: boolean;
  auth: Auth | null;
  /** The user's role in the route's project, once authorised for a project route. */
  projectRole?: ProjectRole;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): { ip: string; secure: boolean } {
  const direct = req.socket.remoteAddress ?? '';
  const tls = 'encrypted' in req.socket && !!(req.socket as { encrypted?: boolean }).encrypted;
  if (!trustProxy) return { ip: direct, secure: tls };
  const fwdFor = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim();
  const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
  return { ip: fwdFor || direct, secure: tls || proto === 'https' };
}

/** The request's user, or null when it carries no valid credential. A bearer token wins over a cookie. */
export async function authenticate(db: Db, req: IncomingMessage): Promise<Auth | null> {
  const header = String(req.headers.authorization ?? '');
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return null;
    const user = await userByToken(db, m[1]);
    return user ? { user, via: 'token' } : null;
  }
  const sid = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  if (!sid || sid.length > 100) return null;
  const s = await sessionUser(db, sid);
  return s ? { user: s.user, via: 'session', sessionId: sid, csrfToken: s.csrfToken } : null;
}

function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The origin this server is reached at, as a browser would send it in `Origin`. */
export function ownOrigin(ctx: Pick<Ctx, 'req' | 'secure'>): string {
  return `${ctx.secure ? 'https' : 'http'}://${ctx.req.headers.host ?? ''}`;
}

/**
 * A state-changing request must come from this site: a cross-site `Origin` or
 * `Sec-Fetch-Site` is refused for anyone; a cookie session must also echo its CSRF token
 * in `X-CSRF-Token` (a bearer token is not sent by browsers on their own, so it needs none).
 */
export function checkSameOrigin(ctx: Ctx): void {
  const origin = ctx.req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(ctx)) throw new HttpError(403, 'cross-origin', 'a request that changes data must come from this site (Origin does not match)');
  if (ctx.req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'cross-origin', 'a request that changes data must come from this site');
  if (ctx.auth?.via === 'session') {
    const sent = String(ctx.req.headers['x-csrf-token'] ?? '');
    if (!sent || !sameSecret(sent, ctx.auth.csrfToken ?? '')) throw new HttpError(403, 'csrf', 'missing or wrong X-CSRF-Token header (GET /api/me gives the token)');
  }
}
