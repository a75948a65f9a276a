/**
 * The running server's local admin channel: HTTP over a Unix socket in the data directory
 * (mode 0700, so only the account that runs Anju can reach it — the same account that could
 * read the database files anyway). It lets `anju users|backup|restore` work while `anju serve`
 * holds the embedded store. No network address ever serves these operations.
 *
 *   POST /users {name, role, password}   GET /users   POST /users/:name/token   POST /users/:name/disable
 *   GET /backup (JSON Lines)             POST /restore?replace=0|1 (JSON Lines body)
 *   GET /projects/:ref/members           PUT|DELETE /projects/:ref/members/:name {role}
 *   GET /projects/:ref/comments
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { chmodSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreAdmin } from './store-admin.ts';
import { isRole } from '../store/roles.ts';
import { NoSuchUserError, UserExistsError } from '../store/users.ts';
import { BackupError } from '../store/backup.ts';
import { LastOwnerError, NoSuchProjectError, NotMemberError } from '../store/members.ts';
import { isProjectRole } from '../../state/review/review-types.ts';

/** The socket path for a data dir (Unix socket paths are limited to ~107 bytes). */
export function adminSocketPath(dataDir: string): string {
  const inDir = join(dataDir, 'admin.sock');
  return Buffer.byteLength(inDir) < 100 ? inDir : join(tmpdir(), `anju-admin-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
}

/** Errors the admin client turns back into the same exceptions. */
export function adminErrorCode(e: unknown): string {
  if (e instanceof UserExistsError) return 'user-exists';
  if (e instanceof NoSuchUserError) return 'no-such-user';
  if (e instanceof BackupError) return 'backup';
  if (e instanceof NoSuchProjectError) return 'no-such-project';
  if (e instanceof LastOwnerError) return 'last-owner';
  if (e instanceof NotMemberError) return 'no-such-member';
  return 'internal';
}

async function json(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startAdminSocket(admin: StoreAdmin, path: string, track: <T>(fn: () => Promise<T>) => Promise<T>): Promise<Server> {
  rmSync(path, { force: true }); // a socket file left by a killed server
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://admin');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    try {
      if (req.method === 'GET' && url.pathname === '/users') return reply(res, 200, await admin.listUsers());
      if (req.method === 'POST' && url.pathname === '/users') {
        const b = await json(req);
        if (typeof b.name !== 'string' || typeof b.password !== 'string' || !isRole(b.role)) return reply(res, 400, { error: 'bad-request', message: 'name, role and password required' });
        return reply(res, 200, await track(() => admin.addUser(b.name as string, b.role as never, b.password as string)));
      }
      if (req.method === 'POST' && parts[0] === 'users' && parts.length === 3 && parts[2] === 'token') return reply(res, 200, { token: await track(() => admin.issueToken(parts[1])) });
      if (req.method === 'POST' && parts[0] === 'users' && parts.length === 3 && parts[2] === 'disable') return reply(res, 200, await track(() => admin.disableUser(parts[1])));
      if (req.method === 'GET' && url.pathname === '/backup') {
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' });
        await admin.backup((line) => new Promise<void>((resolve) => (res.write(line + '\n') ? resolve() : res.once('drain', resolve))));
        return res.end();
      }
      if (req.method === 'POST' && url.pathname === '/restore') return reply(res, 200, await track(() => admin.restore(req, url.searchParams.get('replace') === '1')));
      if (parts[0] === 'projects' && parts.length >= 3) {
        const ref = parts[1];
        if (req.method === 'GET' && parts.length === 3 && parts[2] === 'members') return reply(res, 200, await admin.members(ref));
        if (req.method === 'GET' && parts.length === 3 && parts[2] === 'comments') return reply(res, 200, await admin.comments(ref));
        if (parts.length === 4 && parts[2] === 'members' && req.method === 'DELETE') return reply(res, 200, await track(() => admin.removeMember(ref, parts[3])));
        if (parts.length === 4 && parts[2] === 'members' && req.method === 'PUT') {
          const b = await json(req);
          if (!isProjectRole(b.role)) return reply(res, 400, { error: 'bad-request', message: 'role required' });
          return reply(res, 200, { change: await track(() => admin.setMember(ref, parts[3], b.role as never)) });
        }
      }
      reply(res, 404, { error: 'not-found', message: `no admin operation ${req.method} ${url.pathname}` });
    } catch (e) {
      if (res.headersSent) return res.destroy(e as Error);
      reply(res, adminErrorCode(e) === 'internal' ? 500 : 409, { error: adminErrorCode(e), message: e instanceof Error ? e.message : String(e) });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return server;
}
