/**
 * A real server on a free port over a test store, with one account per global role plus an
 * `owner` and an `outsider` (both global planners), each signed in both ways: an API token
 * and a browser session (cookie + CSRF token). Projects are shared with `members()`.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreKind } from '../../../src/server/store/db.ts';
import { createAppServer, type AppServer, type AppServerOptions } from '../../../src/server/http/app-server.ts';
import { addUser, issueToken } from '../../../src/server/store/users.ts';
import { ROLES, type Role } from '../../../src/server/store/roles.ts';
import { openTestStore, type TestStore } from './test-db.ts';
import { setMember } from '../../../src/server/store/members.ts';
import type { ProjectRole } from '../../../src/state/review/review-types.ts';
import { httpRequest, type Reply } from './http-client.ts';

export const PASSWORD = 'correct horse battery staple';
/**
 * Test accounts' scrypt cost: 2^10 instead of the accounts' 2^15 (PASSWORD_COST, asserted in store.test.ts), so the
 * many sign-ins of the access tests take ~1 ms each instead of ~60 (the server project: ~100 → ~64 s wall). A hash
 * carries its cost, so sign-in runs the same code; only the work factor differs.
 */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 } as const;

/** The harness's accounts: one per global role, `owner` (a planner who creates projects) and `outsider` (a planner in no project). */
export const IDENTITIES = [...ROLES, 'owner', 'outsider'] as const;
export type IdentityKey = (typeof IDENTITIES)[number];
const GLOBAL_ROLE: Record<IdentityKey, Role> = { admin: 'admin', planner: 'planner', reviewer: 'reviewer', viewer: 'viewer', owner: 'planner', outsider: 'planner' };

export interface Identity {
  role: IdentityKey;
  name: string;
  token: string;
  cookie: string;
  csrf: string;
}

export interface ApiHarness {
  store: TestStore;
  app: AppServer;
  port: number;
  logs: string[];
  users: Record<IdentityKey, Identity>;
  /** Give harness accounts roles in a project (directly in the store). */
  members(projectId: string, roles: Partial<Record<IdentityKey, ProjectRole>>): Promise<void>;
  /** A request as `who`: 'anonymous', a role over its token, or a role over its session. */
  call(who: Caller, method: string, path: string, opts?: { body?: unknown; headers?: Record<string, string> }): Promise<Reply>;
  login(name: string, password: string, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

export type Caller = 'anonymous' | { role: IdentityKey; via: 'token' | 'session' };

/** A dist/ with an index.html, to check the app is served. */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anju-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>安居</title>');
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  return dir;
}

export async function startApi(kind: StoreKind, options: Partial<AppServerOptions> = {}): Promise<ApiHarness> {
  const store = await openTestStore(kind);
  const logs: string[] = [];
  const app = createAppServer({ db: store.db, distDir: fakeDist(), log: (l) => logs.push(l), ...options });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  const port = (app.server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const login = (name: string, password: string, headers: Record<string, string> = {}) =>
    httpRequest(port, 'POST', '/api/login', { 'Content-Type': 'application/json', Host: `127.0.0.1:${port}`, ...headers }, JSON.stringify({ name, password }));
  const users = {} as Record<IdentityKey, Identity>;
  for (const role of IDENTITIES) {
    const name = `${role}-用户`;
    await addUser(store.db, name, GLOBAL_ROLE[role], PASSWORD, TEST_PASSWORD_COST);
    const token = await issueToken(store.db, name);
    const r = await login(name, PASSWORD);
    const cookie = String((r.headers['set-cookie'] as string[])[0]).split(';')[0];
    users[role] = { role, name, token, cookie, csrf: r.json.csrfToken };
  }
  return {
    store,
    app,
    port,
    logs,
    users,
    login,
    async members(projectId, roles) {
      for (const [key, role] of Object.entries(roles)) await setMember(store.db, projectId, { user: null }, users[key as IdentityKey].name, role);
    },
    call(who, method, path, opts = {}) {
      const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
      if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
      if (who !== 'anonymous') {
        const u = users[who.role];
        if (who.via === 'token') headers.Authorization = `Bearer ${u.token}`;
        else {
          headers.Cookie = u.cookie;
          if (method !== 'GET') Object.assign(headers, { 'X-CSRF-Token': u.csrf, Origin: origin });
        }
      }
      Object.assign(headers, opts.headers);
      const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      return httpRequest(port, method, path, headers, body);
    },
    async close() {
      await app.shutdown(2000);
      await store.close();
    },
  };
}
