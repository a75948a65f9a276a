/** StoreAdmin through a running server's admin socket (see admin-socket.ts). */
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { StoreAdmin, UserInfo } from './store-admin.ts';
import type { BackupCounts } from '../store/backup.ts';
import { BackupError } from '../store/backup.ts';
import { NoSuchUserError, UserExistsError } from '../store/users.ts';
import { LastOwnerError, NoSuchProjectError, NotMemberError } from '../store/members.ts';
import type { AccessRevision } from '../../state/review/review-types.ts';

function call(socketPath: string, method: string, path: string, body?: Readable | string): Promise<{ status: number; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, method, path, headers: { 'Content-Type': 'application/json' } }, (res) => resolve({ status: res.statusCode ?? 0, stream: res }));
    req.on('error', reject);
    if (body === undefined) req.end();
    else if (typeof body === 'string') req.end(body);
    else body.pipe(req);
  });
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function jsonCall<T>(socketPath: string, method: string, path: string, body?: Readable | string): Promise<T> {
  const { status, stream } = await call(socketPath, method, path, body);
  const text = await readAll(stream);
  const parsed = JSON.parse(text) as T & { error?: string; message?: string };
  if (status === 200) return parsed;
  const msg = parsed.message ?? `admin socket answered ${status}`;
  if (parsed.error === 'user-exists') throw new UserExistsError(msg);
  if (parsed.error === 'no-such-user') throw new NoSuchUserError(msg);
  if (parsed.error === 'backup') throw new BackupError(msg);
  if (parsed.error === 'no-such-project') throw new NoSuchProjectError(msg);
  if (parsed.error === 'last-owner') throw new LastOwnerError(msg);
  if (parsed.error === 'no-such-member') throw new NotMemberError(msg);
  throw new Error(msg);
}

export function remoteAdmin(socketPath: string, via: string): StoreAdmin {
  const u = (name: string) => `/users/${encodeURIComponent(name)}`;
  const p = (ref: string) => `/projects/${encodeURIComponent(ref)}`;
  return {
    via,
    addUser: (name, role, password) => jsonCall<UserInfo>(socketPath, 'POST', '/users', JSON.stringify({ name, role, password })),
    issueToken: async (name) => (await jsonCall<{ token: string }>(socketPath, 'POST', `${u(name)}/token`)).token,
    listUsers: () => jsonCall<UserInfo[]>(socketPath, 'GET', '/users'),
    disableUser: (name) => jsonCall<UserInfo>(socketPath, 'POST', `${u(name)}/disable`),
    async backup(write) {
      const { status, stream } = await call(socketPath, 'GET', '/backup');
      if (status !== 200) throw new Error(JSON.parse(await readAll(stream)).message);
      let counts: BackupCounts | null = null;
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (!line) continue;
        await write(line);
        const rec = JSON.parse(line) as { type?: string; counts?: BackupCounts };
        if (rec.type === 'end') counts = rec.counts ?? null;
      }
      // A server that died mid-backup leaves no end line: say so rather than leave a short file looking whole.
      if (!counts) throw new BackupError('the server stopped sending before the backup was complete');
      return counts;
    },
    restore: (input, replace) => jsonCall<BackupCounts>(socketPath, 'POST', `/restore?replace=${replace ? 1 : 0}`, input),
    members: (ref) => jsonCall(socketPath, 'GET', `${p(ref)}/members`),
    setMember: async (ref, name, role) => (await jsonCall<{ change: AccessRevision | null }>(socketPath, 'PUT', `${p(ref)}/members/${encodeURIComponent(name)}`, JSON.stringify({ role }))).change,
    removeMember: (ref, name) => jsonCall(socketPath, 'DELETE', `${p(ref)}/members/${encodeURIComponent(name)}`),
    comments: (ref) => jsonCall(socketPath, 'GET', `${p(ref)}/comments`),
    close: async () => {},
  };
}

/** Whether a server answers on the socket. */
export async function socketAnswers(socketPath: string): Promise<boolean> {
  try {
    await jsonCall<UserInfo[]>(socketPath, 'GET', '/users');
    return true;
  } catch {
    return false;
  }
}
