import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from './support/test-db.ts';
import { startApi, PASSWORD, TEST_PASSWORD_COST, type ApiHarness } from './support/api-server.ts';
import { projectFile } from './support/projects.ts';
import { addUser, disableUser, issueToken } from '../../src/server/store/users.ts';

const cookieOf = (setCookie: unknown) => String((setCookie as string[])[0]);

describe.each(STORE_KINDS)('sign-in and sessions on %s', (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(kind);
  });
  afterAll(async () => h?.close());
  const origin = () => `http://127.0.0.1:${h.port}`;

  it('signs in with an HttpOnly, SameSite=Strict session cookie (not Secure over plain HTTP) and returns the CSRF token', async () => {
    const r = await h.login(h.users.planner.name, PASSWORD);
    expect(r).toMatchObject({ status: 200, json: { user: { name: 'planner-用户', role: 'planner' } } });
    expect(r.json.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const c = cookieOf(r.headers['set-cookie']);
    expect(c).toMatch(/^anju_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const me = await h.call('anonymous', 'GET', '/api/me', { headers: { Cookie: c.split(';')[0] } });
    expect(me.json).toEqual({ user: { name: 'planner-用户', role: 'planner' }, via: 'session', csrfToken: r.json.csrfToken });
  });

  it('refuses a wrong password or unknown user alike (401)', async () => {
    expect(await h.login(h.users.viewer.name, 'wrong password!')).toMatchObject({ status: 401, json: { error: 'bad-credentials' } });
    expect(await h.login('nobody', 'wrong password!')).toMatchObject({ status: 401, json: { error: 'bad-credentials' } });
    expect(await h.call('anonymous', 'POST', '/api/login', { body: { name: 'x' } })).toMatchObject({ status: 400, json: { field: 'password' } });
  });

  it('refuses a cookie write without the CSRF token, with a wrong one, or from another site — and stores nothing', async () => {
    const u = h.users.planner;
    const before = (await h.call({ role: 'admin', via: 'token' }, 'GET', '/api/projects')).json.length;
    const attempts: Record<string, string>[] = [
      { Cookie: u.cookie, Origin: origin() },
      { Cookie: u.cookie, Origin: origin(), 'X-CSRF-Token': 'x'.repeat(43) },
      { Cookie: u.cookie, Origin: 'http://evil.example', 'X-CSRF-Token': u.csrf },
      { Cookie: u.cookie, 'Sec-Fetch-Site': 'cross-site', 'X-CSRF-Token': u.csrf },
    ];
    for (const headers of attempts) expect((await h.call('anonymous', 'POST', '/api/projects', { body: projectFile(), headers })).status).toBe(403);
    expect((await h.call('anonymous', 'POST', '/api/projects', { body: projectFile(), headers: { Cookie: u.cookie, 'X-CSRF-Token': u.csrf } })).status).toBe(201);
    expect((await h.call({ role: 'admin', via: 'token' }, 'GET', '/api/projects')).json.length).toBe(before + 1);
    // A script with a token sends no CSRF token.
    expect((await h.call({ role: 'planner', via: 'token' }, 'POST', '/api/projects', { body: projectFile() })).status).toBe(201);
    expect((await h.login(u.name, PASSWORD, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('ends the session on the server at logout, and gives a new session id at every sign-in (no fixation)', async () => {
    const a = await h.login(h.users.reviewer.name, PASSWORD);
    const ca = cookieOf(a.headers['set-cookie']).split(';')[0];
    const b = await h.login(h.users.reviewer.name, PASSWORD, { Cookie: ca });
    const cb = cookieOf(b.headers['set-cookie']).split(';')[0];
    expect(cb).not.toBe(ca);
    expect((await h.call('anonymous', 'GET', '/api/me', { headers: { Cookie: ca } })).status).toBe(401);
    const out = await h.call('anonymous', 'POST', '/api/logout', { headers: { Cookie: cb, 'X-CSRF-Token': b.json.csrfToken, Origin: origin() } });
    expect(out.status).toBe(204);
    expect(cookieOf(out.headers['set-cookie'])).toMatch(/^anju_session=; .*Max-Age=0/);
    expect((await h.call('anonymous', 'GET', '/api/me', { headers: { Cookie: cb } })).status).toBe(401);
  });

  it('slows repeated failed sign-ins: after 5 failures the 6th attempt waits (429, Retry-After), even with the right password', async () => {
    await addUser(h.store.db, '赵工', 'viewer', PASSWORD, TEST_PASSWORD_COST);
    for (let i = 0; i < 5; i++) expect((await h.login('赵工', `wrong-${i}-password`)).status).toBe(401);
    const r = await h.login('赵工', PASSWORD);
    expect(r).toMatchObject({ status: 429, json: { error: 'too-many-attempts' } });
    expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Other users are not affected.
    expect((await h.login(h.users.viewer.name, PASSWORD)).status).toBe(200);
  });

  it('locks a disabled user out at once, token and session', async () => {
    await addUser(h.store.db, '钱工', 'planner', PASSWORD, TEST_PASSWORD_COST);
    const token = await issueToken(h.store.db, '钱工');
    const s = await h.login('钱工', PASSWORD);
    const cookie = cookieOf(s.headers['set-cookie']).split(';')[0];
    expect((await h.call('anonymous', 'GET', '/api/projects', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    await disableUser(h.store.db, '钱工');
    expect((await h.call('anonymous', 'GET', '/api/projects', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await h.call('anonymous', 'GET', '/api/projects', { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await h.login('钱工', PASSWORD)).status).toBe(401);
  });

  it('writes no password, token, session id or CSRF token to the log', async () => {
    await h.call({ role: 'planner', via: 'token' }, 'GET', '/api/projects?token=should-not-be-logged');
    const log = h.logs.join('\n');
    expect(log).toMatch(/token:planner-用户 GET \/api\/projects 200/);
    for (const u of Object.values(h.users)) for (const secret of [u.token, u.cookie.split('=')[1], u.csrf]) expect(log).not.toContain(secret);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain('should-not-be-logged');
  });
});

describe('behind a trusted reverse proxy', () => {
  it('marks the cookie Secure when X-Forwarded-Proto is https, and only when the proxy is trusted', async () => {
    const trusted = await startApi('pglite', { trustProxy: true });
    try {
      const r = await trusted.login(trusted.users.viewer.name, PASSWORD, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '10.1.2.3' });
      expect(cookieOf(r.headers['set-cookie'])).toMatch(/; Secure$/);
      expect(trusted.logs.some((l) => l.includes(' 10.1.2.3 '))).toBe(true);
      // The browser's Origin is then https://host.
      const c = cookieOf(r.headers['set-cookie']).split(';')[0];
      const w = await trusted.call('anonymous', 'POST', '/api/logout', { headers: { Cookie: c, 'X-CSRF-Token': r.json.csrfToken, Origin: `https://127.0.0.1:${trusted.port}`, 'X-Forwarded-Proto': 'https' } });
      expect(w.status).toBe(204);
      const plain = await trusted.login(trusted.users.viewer.name, PASSWORD);
      expect(cookieOf(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    } finally {
      await trusted.close();
    }
  });
});
