/**
 * Security as a feature: every API route × every role × both ways of signing in, plus
 * anonymous. The route list comes from the server itself, so a new route without a case
 * here fails the first test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from './support/test-db.ts';
import { startApi, PASSWORD, type ApiHarness, type Caller } from './support/api-server.ts';
import { ROLES, canWrite, type Role } from '../../src/server/store/roles.ts';
import { projectFile, withCell, cell } from './support/projects.ts';
import type { Reply } from './support/http-client.ts';
import { openEvents } from './support/http-client.ts';

interface Case {
  /** Prepare what the call needs (as an admin, by token) and make it. */
  run(h: ApiHarness, who: Caller): Promise<Reply>;
  /** The status when allowed. */
  ok: number;
}

async function newProject(h: ApiHarness): Promise<string> {
  const r = await h.call({ role: 'admin', via: 'token' }, 'POST', '/api/projects?name=p', { body: projectFile() });
  return r.json.id;
}
async function head(h: ApiHarness, id: string): Promise<number> {
  return Number(String((await h.call({ role: 'admin', via: 'token' }, 'GET', `/api/projects/${id}`)).headers.etag).replace(/"/g, ''));
}

const CASES: Record<string, Case> = {
  'GET /api/health': { ok: 200, run: (h, who) => h.call(who, 'GET', '/api/health') },
  'POST /api/login': {
    ok: 200,
    // Signing in ends the session the browser sent (no fixation): use a fresh one, not the shared one.
    async run(h, who) {
      const body = { name: h.users.viewer.name, password: PASSWORD };
      if (who === 'anonymous' || who.via === 'token') return h.call(who, 'POST', '/api/login', { body });
      const fresh = await h.login(h.users[who.role].name, PASSWORD);
      return h.call('anonymous', 'POST', '/api/login', { body, headers: { Cookie: String((fresh.headers['set-cookie'] as string[])[0]).split(';')[0] } });
    },
  },
  'POST /api/logout': {
    ok: 204,
    // Log out a fresh session, not the shared one.
    async run(h, who) {
      if (who === 'anonymous' || who.via === 'token') return h.call(who, 'POST', '/api/logout');
      const r = await h.login(h.users[who.role].name, PASSWORD);
      const cookie = String((r.headers['set-cookie'] as string[])[0]).split(';')[0];
      return h.call('anonymous', 'POST', '/api/logout', { headers: { Cookie: cookie, 'X-CSRF-Token': r.json.csrfToken, Origin: `http://127.0.0.1:${h.port}` } });
    },
  },
  'GET /api/me': { ok: 200, run: (h, who) => h.call(who, 'GET', '/api/me') },
  'GET /api/projects': { ok: 200, run: (h, who) => h.call(who, 'GET', '/api/projects') },
  'POST /api/projects': { ok: 201, run: (h, who) => h.call(who, 'POST', '/api/projects?name=x', { body: projectFile() }) },
  'GET /api/projects/:id': { ok: 200, run: async (h, who) => h.call(who, 'GET', `/api/projects/${await newProject(h)}`) },
  'PUT /api/projects/:id': {
    ok: 200,
    async run(h, who) {
      const id = await newProject(h);
      return h.call(who, 'PUT', `/api/projects/${id}`, { body: withCell(projectFile(), cell('qidu', 2022, 'commercial', 9)), headers: { 'If-Match': '"1"' } });
    },
  },
  'DELETE /api/projects/:id': { ok: 204, run: async (h, who) => h.call(who, 'DELETE', `/api/projects/${await newProject(h)}`, { headers: { 'If-Match': '"1"' } }) },
  'GET /api/projects/:id/revisions': { ok: 200, run: async (h, who) => h.call(who, 'GET', `/api/projects/${await newProject(h)}/revisions`) },
  'GET /api/projects/:id/revisions/:revision': { ok: 200, run: async (h, who) => h.call(who, 'GET', `/api/projects/${await newProject(h)}/revisions/1`) },
  'POST /api/projects/:id/revisions/:revision/restore': {
    ok: 200,
    async run(h, who) {
      const id = await newProject(h);
      await h.call({ role: 'admin', via: 'token' }, 'PUT', `/api/projects/${id}`, { body: withCell(projectFile(), cell('qidu', 2022, 'commercial', 9)), headers: { 'If-Match': '"1"' } });
      return h.call(who, 'POST', `/api/projects/${id}/revisions/1/restore`, { headers: { 'If-Match': `"${await head(h, id)}"` } });
    },
  },
  'GET /api/projects/:id/events': {
    ok: 200,
    async run(h, who) {
      const id = await newProject(h);
      const headers: Record<string, string> = who === 'anonymous' ? {} : who.via === 'token' ? { Authorization: `Bearer ${h.users[who.role].token}` } : { Cookie: h.users[who.role].cookie };
      const s = openEvents(h.port, `/api/projects/${id}/events`, headers);
      for (let i = 0; i < 200 && !s.status(); i++) await new Promise((r) => setTimeout(r, 10));
      s.close();
      return { status: s.status(), headers: {}, text: '', json: undefined };
    },
  },
};

const CALLERS: Caller[] = ['anonymous', ...ROLES.flatMap((role): Caller[] => [{ role, via: 'token' }, { role, via: 'session' }])];
const label = (c: Caller) => (c === 'anonymous' ? 'anonymous' : `${c.role} (${c.via})`);

describe.each(STORE_KINDS)('API access on %s', (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(kind);
  });
  afterAll(async () => h?.close());

  it('has an access case for every route the server serves', () => {
    expect(h.app.routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('answers every route × every caller as the roles allow: 401 without credentials, 403 for a reader’s write', async () => {
    const table: string[] = [];
    for (const route of h.app.routes) {
      const c = CASES[`${route.method} ${route.path}`];
      for (const who of CALLERS) {
        const want = route.access === 'public' ? c.ok : who === 'anonymous' ? 401 : route.access === 'write' && !canWrite((who as { role: Role }).role) ? 403 : c.ok;
        const r = await c.run(h, who);
        table.push(`${route.method} ${route.path} as ${label(who)}: ${r.status}${r.status === want ? '' : ` (expected ${want}: ${r.text})`}`);
      }
    }
    expect(table.filter((l) => l.includes('expected'))).toEqual([]);
    expect(table.length).toBe(Object.keys(CASES).length * CALLERS.length);
  });

  it('refuses a reader’s write with nothing stored', async () => {
    const before = (await h.call({ role: 'admin', via: 'token' }, 'GET', '/api/projects')).json.length;
    const r = await h.call({ role: 'reviewer', via: 'token' }, 'POST', '/api/projects', { body: projectFile() });
    expect(r).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    expect((await h.call({ role: 'admin', via: 'token' }, 'GET', '/api/projects')).json.length).toBe(before);
  });

  it('treats a wrong or revoked token and a forged cookie as no credential (401)', async () => {
    for (const headers of <Record<string, string>[]>[{ Authorization: 'Bearer anju_not-a-real-token' }, { Authorization: 'Basic YTpi' }, { Cookie: 'anju_session=forged' }]) {
      expect((await h.call('anonymous', 'GET', '/api/projects', { headers })).status).toBe(401);
    }
  });
});
