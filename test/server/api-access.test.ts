/**
 * Security as a feature: every API route × every caller × both ways of signing in, plus
 * anonymous. The route list comes from the server itself, so a new route without a case here
 * fails the first test. Callers: an admin (owner of every project), the project's owner,
 * planner, reviewer and viewer, and an outsider who owns a project of their own but is not a
 * member of this one (horizontal access: 404, as for a project that does not exist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from './support/test-db.ts';
import { startApi, IDENTITIES, PASSWORD, type ApiHarness, type Caller, type IdentityKey } from './support/api-server.ts';
import { canCreateProjects } from '../../src/server/store/roles.ts';
import { may, type ProjectRole } from '../../src/state/review/review-types.ts';
import type { Access } from '../../src/server/http/router.ts';
import { projectFile, withCell, cell } from './support/projects.ts';
import type { Reply } from './support/http-client.ts';
import { openEvents } from './support/http-client.ts';

const OWNER = { role: 'owner', via: 'token' } as const;
const TOMORROW = () => new Date(Date.now() + 86_400_000).toISOString();

/** A project owned by `owner`, with the planner, reviewer and viewer as members of those roles. */
async function newProject(h: ApiHarness): Promise<string> {
  const r = await h.call(OWNER, 'POST', '/api/projects?name=p', { body: projectFile() });
  await h.members(r.json.id, { planner: 'planner', reviewer: 'reviewer', viewer: 'viewer' });
  return r.json.id;
}
async function head(h: ApiHarness, id: string): Promise<number> {
  return Number(String((await h.call(OWNER, 'GET', `/api/projects/${id}`)).headers.etag).replace(/"/g, ''));
}
async function thread(h: ApiHarness, id: string): Promise<string> {
  return (await h.call(OWNER, 'POST', `/api/projects/${id}/comments`, { body: { anchor: { kind: 'board', boardId: 'qidu' }, revision: 1, body: '看一下' } })).json.id;
}
async function link(h: ApiHarness, id: string): Promise<{ id: string; token: string }> {
  const r = await h.call(OWNER, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-1', mode: 'present', expiresAt: TOMORROW() } });
  return { id: r.json.link.id, token: r.json.token };
}

interface Case {
  /** The status when allowed. */
  ok: number;
  /** Make the call on project `id` (shared by read-only cases; fresh for the others). */
  run(h: ApiHarness, who: Caller, id: string): Promise<Reply>;
  /** The call changes the project's members or existence: give it a fresh project each time. */
  fresh?: boolean;
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
  // This suite's server has no team basemap: 200 { basemap: null }, and 404 for its file and tiles
  // (basemap-routes.test.ts serves one to every role).
  'GET /api/basemap': { ok: 200, run: (h, who) => h.call(who, 'GET', '/api/basemap') },
  'GET /api/basemap/file': { ok: 404, run: (h, who) => h.call(who, 'GET', '/api/basemap/file') },
  'GET /api/basemap/tiles/:z/:x/:y': { ok: 404, run: (h, who) => h.call(who, 'GET', '/api/basemap/tiles/1/0/0') },
  'POST /api/projects': { ok: 201, run: (h, who) => h.call(who, 'POST', '/api/projects?name=x', { body: projectFile() }) },
  'GET /api/projects/:id': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}`) },
  'PUT /api/projects/:id': {
    ok: 200,
    run: async (h, who, id) => h.call(who, 'PUT', `/api/projects/${id}`, { body: withCell(projectFile(), cell('qidu', 2022, 'commercial', 1 + (await head(h, id)))), headers: { 'If-Match': `"${await head(h, id)}"` } }),
  },
  'DELETE /api/projects/:id': { ok: 204, fresh: true, run: (h, who, id) => h.call(who, 'DELETE', `/api/projects/${id}`, { headers: { 'If-Match': '"1"' } }) },
  'GET /api/projects/:id/revisions': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/revisions`) },
  'GET /api/projects/:id/revisions/:revision': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/revisions/1`) },
  'POST /api/projects/:id/revisions/:revision/restore': { ok: 200, run: async (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/revisions/1/restore`, { headers: { 'If-Match': `"${await head(h, id)}"` } }) },
  'GET /api/projects/:id/events': {
    ok: 200,
    async run(h, who, id) {
      const headers: Record<string, string> = who === 'anonymous' ? {} : who.via === 'token' ? { Authorization: `Bearer ${h.users[who.role].token}` } : { Cookie: h.users[who.role].cookie };
      const s = openEvents(h.port, `/api/projects/${id}/events`, headers);
      for (let i = 0; i < 500 && !s.status(); i++) await new Promise((r) => setTimeout(r, 10));
      s.close();
      return { status: s.status(), headers: {}, text: '', json: undefined };
    },
  },
  'GET /api/projects/:id/members': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/members`) },
  'GET /api/projects/:id/members/history': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/members/history`) },
  'PUT /api/projects/:id/members/:name': { ok: 200, fresh: true, run: (h, who, id) => h.call(who, 'PUT', `/api/projects/${id}/members/${encodeURIComponent(h.users.outsider.name)}`, { body: { role: 'viewer' } }) },
  'DELETE /api/projects/:id/members/:name': { ok: 204, fresh: true, run: (h, who, id) => h.call(who, 'DELETE', `/api/projects/${id}/members/${encodeURIComponent(h.users.viewer.name)}`) },
  'GET /api/projects/:id/comments': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/comments`) },
  'POST /api/projects/:id/comments': { ok: 201, run: (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/comments`, { body: { anchor: { kind: 'cell', boardId: 'qidu', year: 2023, type: 'commercial' }, scenarioId: 'scenario-1', revision: 1, body: '这个格子偏高' } }) },
  'POST /api/projects/:id/comments/read': { ok: 200, run: async (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/comments/read`, { body: { ids: [await thread(h, id)] } }) },
  'POST /api/projects/:id/comments/:comment/replies': { ok: 201, run: async (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/comments/${await thread(h, id)}/replies`, { body: { revision: 1, body: '已改' } }) },
  'POST /api/projects/:id/comments/:comment/resolve': { ok: 200, run: async (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/comments/${await thread(h, id)}/resolve`) },
  'POST /api/projects/:id/comments/:comment/reopen': { ok: 200, run: async (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/comments/${await thread(h, id)}/reopen`) },
  'GET /api/projects/:id/signoffs': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/signoffs`) },
  'POST /api/projects/:id/signoffs': { ok: 201, run: (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-1', verdict: 'reviewed', revision: 1 } }) },
  'GET /api/projects/:id/links': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/links`) },
  'POST /api/projects/:id/links': { ok: 201, run: (h, who, id) => h.call(who, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-1', mode: 'view', expiresAt: TOMORROW() } }) },
  'DELETE /api/projects/:id/links/:link': { ok: 204, run: async (h, who, id) => h.call(who, 'DELETE', `/api/projects/${id}/links/${(await link(h, id)).id}`) },
  'GET /api/share': { ok: 200, run: async (h, who, id) => h.call(who, 'GET', '/api/share', { headers: { 'X-Anju-Share': (await link(h, id)).token } }) },
  'GET /api/projects/:id/audit': { ok: 200, run: (h, who, id) => h.call(who, 'GET', `/api/projects/${id}/audit`) },
  'GET /api/audit': { ok: 200, run: (h, who) => h.call(who, 'GET', '/api/audit?format=csv') },
};

const CALLERS: Caller[] = ['anonymous', ...IDENTITIES.flatMap((role): Caller[] => [{ role, via: 'token' }, { role, via: 'session' }])];
const label = (c: Caller) => (c === 'anonymous' ? 'anonymous' : `${c.role} (${c.via})`);

/** The caller's role in the test project: admins act as owners; the outsider has none. */
const PROJECT_ROLE: Record<IdentityKey, ProjectRole | null> = { admin: 'owner', owner: 'owner', planner: 'planner', reviewer: 'reviewer', viewer: 'viewer', outsider: null };
const GLOBAL: Record<IdentityKey, 'admin' | 'planner' | 'reviewer' | 'viewer'> = { admin: 'admin', owner: 'planner', planner: 'planner', reviewer: 'reviewer', viewer: 'viewer', outsider: 'planner' };

/** What the server must answer: the case's status when allowed, else 401 / 403 / 404. */
export function expected(access: Access, who: Caller, ok: number): number {
  if (access === 'public') return ok;
  if (who === 'anonymous') return 401;
  if (access === 'signed-in') return ok;
  if (access === 'create') return canCreateProjects(GLOBAL[who.role]) ? ok : 403;
  if (access === 'admin') return who.role === 'admin' ? ok : 403;
  const role = PROJECT_ROLE[who.role];
  return role === null ? 404 : may(role, access.project) ? ok : 403;
}

describe.each(STORE_KINDS)('API access on %s', (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(kind);
    // The outsider owns a project of their own: being an owner elsewhere grants nothing here.
    await h.call({ role: 'outsider', via: 'token' }, 'POST', '/api/projects?name=mine', { body: projectFile() });
  });
  afterAll(async () => h?.close());

  it('has an access case for every route the server serves', () => {
    expect(h.app.routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('answers every route × every caller as the roles allow: 401 without credentials, 404 outside the project, 403 without the permission', async () => {
    const table: string[] = [];
    const shared = await newProject(h);
    for (const route of h.app.routes) {
      const c = CASES[`${route.method} ${route.path}`];
      for (const who of CALLERS) {
        const want = expected(route.access, who, c.ok);
        const r = await c.run(h, who, c.fresh ? await newProject(h) : shared);
        table.push(`${route.method} ${route.path} as ${label(who)}: ${r.status}${r.status === want ? '' : ` (expected ${want}: ${r.text.slice(0, 200)})`}`);
      }
    }
    expect(table.filter((l) => l.includes('expected'))).toEqual([]);
    expect(table.length).toBe(Object.keys(CASES).length * CALLERS.length);
  });

  it('lists only the projects a user is a member of (admins: all), each with the user’s role', async () => {
    const id = await newProject(h);
    const ids = async (who: IdentityKey) => ((await h.call({ role: who, via: 'token' }, 'GET', '/api/projects')).json as { id: string; role: string }[]).filter((p) => p.id === id).map((p) => p.role);
    expect(await ids('reviewer')).toEqual(['reviewer']);
    expect(await ids('admin')).toEqual(['owner']);
    expect(await ids('outsider')).toEqual([]);
    // The outsider sees only what they created (as owner) and the projects the route table's
    // member case added them to (as viewer).
    const mine = (await h.call({ role: 'outsider', via: 'token' }, 'GET', '/api/projects')).json as { name: string; role: string }[];
    expect(mine.map((p) => p.name)).toContain('mine');
    expect(mine.filter((p) => !((p.role === 'owner' && (p.name === 'mine' || p.name === 'x')) || (p.role === 'viewer' && p.name === 'p')))).toEqual([]);
  });

  it('refuses a reader’s write with nothing stored', async () => {
    const id = await newProject(h);
    const r = await h.call({ role: 'reviewer', via: 'token' }, 'PUT', `/api/projects/${id}`, { body: withCell(projectFile(), cell('qidu', 2022, 'commercial', 9)), headers: { 'If-Match': '"1"' } });
    expect(r).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    expect(await head(h, id)).toBe(1);
    expect((await h.call({ role: 'reviewer', via: 'token' }, 'POST', '/api/projects', { body: projectFile() })).status).toBe(403);
  });

  it('treats a wrong or revoked token and a forged cookie as no credential (401)', async () => {
    for (const headers of <Record<string, string>[]>[{ Authorization: 'Bearer anju_not-a-real-token' }, { Authorization: 'Basic YTpi' }, { Cookie: 'anju_session=forged' }]) {
      expect((await h.call('anonymous', 'GET', '/api/projects', { headers })).status).toBe(401);
    }
  });
});
