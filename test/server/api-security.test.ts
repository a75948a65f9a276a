/**
 * The review side of the security suite (README "Security tests"), on both stores through
 * real HTTP: script in comment text and user names stays data, oversized review bodies are
 * refused with nothing stored, ids grant nothing by themselves and are not sequential, a
 * removed member and a revoked link are refused at once, and no link token reaches the log.
 * Every route × every caller is in api-access.test.ts; CSRF, session fixation, logout,
 * brute-force slowing and secrets in the log in api-auth.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from './support/test-db.ts';
import { startApi, PASSWORD, TEST_PASSWORD_COST, type ApiHarness } from './support/api-server.ts';
import { projectFile } from './support/projects.ts';
import { openEvents } from './support/http-client.ts';
import { addUser } from '../../src/server/store/users.ts';
import { setMember } from '../../src/server/store/members.ts';

const owner = { role: 'owner', via: 'session' } as const;
const reviewer = { role: 'reviewer', via: 'session' } as const;
const SCRIPT_NAME = '<img src=x onerror=alert(1)>';
const SCRIPT_TEXT = '<script>alert("x")</script> & </textarea><b>粗</b>';
const BOARD = { kind: 'board', boardId: 'qidu' } as const;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

describe.each(STORE_KINDS)('review security on %s', (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(kind);
  });
  afterAll(async () => h?.close());

  async function project(): Promise<string> {
    const id = (await h.call(owner, 'POST', '/api/projects?name=sec', { body: projectFile() })).json.id as string;
    await h.members(id, { reviewer: 'reviewer', planner: 'planner' });
    return id;
  }
  const count = async (table: string, id: string) => (await h.store.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table} WHERE project_id = $1`, [id]))[0].n;

  it('keeps script in comment text and user names as data: stored verbatim, sent as JSON that nothing runs', async () => {
    const id = await project();
    await addUser(h.store.db, SCRIPT_NAME, 'reviewer', PASSWORD, TEST_PASSWORD_COST);
    await setMember(h.store.db, id, { user: null }, SCRIPT_NAME, 'reviewer');
    const c = await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body: { anchor: BOARD, revision: 1, body: `${SCRIPT_TEXT} @${SCRIPT_NAME}` } });
    expect(c).toMatchObject({ status: 201, json: { body: `${SCRIPT_TEXT} @${SCRIPT_NAME}`, mentions: [SCRIPT_NAME] } });
    const list = await h.call(owner, 'GET', `/api/projects/${id}/comments`);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(list.headers['x-content-type-options']).toBe('nosniff');
    expect(list.headers['content-security-policy']).toContain("default-src 'none'");
    expect(list.json[0].body).toBe(`${SCRIPT_TEXT} @${SCRIPT_NAME}`);
    expect((await h.call(owner, 'GET', `/api/projects/${id}/members`)).json.members.map((m: { name: string }) => m.name)).toContain(SCRIPT_NAME);
  });

  it('refuses oversized review bodies with 413 and stores nothing', async () => {
    const id = await project();
    const big = 'x'.repeat(70 * 1024);
    const calls: [string, string, unknown, { role: 'owner' | 'reviewer'; via: 'session' }][] = [
      ['POST', `/api/projects/${id}/comments`, { anchor: BOARD, revision: 1, body: big }, reviewer],
      ['POST', `/api/projects/${id}/signoffs`, { scenarioId: 'scenario-1', verdict: 'reviewed', revision: 1, note: big }, reviewer],
      ['POST', `/api/projects/${id}/links`, { scenarioId: 'scenario-1', mode: 'view', expiresAt: tomorrow(), pad: big }, owner],
      ['PUT', `/api/projects/${id}/members/${encodeURIComponent(h.users.viewer.name)}`, { role: 'viewer', pad: big }, owner],
    ];
    for (const [method, path, body, who] of calls) expect(await h.call(who, method, path, { body })).toMatchObject({ status: 413, json: { error: 'body-too-large' } });
    for (const table of ['comments', 'signoffs', 'share_links']) expect(await count(table, id)).toBe(0);
    expect(await count('project_members', id)).toBe(3);
  });

  it('uses random, non-sequential ids that grant nothing by themselves', async () => {
    const id = await project();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body: { anchor: BOARD, revision: 1, body: `第 ${i} 条` } })).json.id);
    ids.push((await h.call(reviewer, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-1', verdict: 'reviewed', revision: 1 } })).json.id);
    const link = (await h.call(owner, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-1', mode: 'present', expiresAt: tomorrow() } })).json;
    ids.push(link.link.id);
    for (const x of ids) expect(x).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // 132 random bits each: no two share even their first six characters.
    expect(new Set(ids.map((x) => x.slice(0, 6))).size).toBe(ids.length);
    // A link's id is not its token; the token alone opens it, never the id.
    expect((await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': link.link.id } })).status).toBe(404);
    expect((await h.call('anonymous', 'GET', `/api/share?token=${link.token}`)).status).toBe(404);
    expect((await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': link.token } })).status).toBe(200);
    // A comment id of this project used on another project the caller belongs to finds nothing.
    const other = await project();
    expect((await h.call(reviewer, 'POST', `/api/projects/${other}/comments/${ids[0]}/resolve`)).status).toBe(404);
    expect((await h.call(owner, 'DELETE', `/api/projects/${other}/links/${link.link.id}`)).status).toBe(404);
    expect((await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': link.token } })).status).toBe(200);
  });

  it('refuses a removed member at once: the next request is 404 and their event stream ends', async () => {
    const id = await project();
    const events = openEvents(h.port, `/api/projects/${id}/events`, { Cookie: h.users.reviewer.cookie });
    await events.waitFor((e) => e.event === 'hello');
    expect((await h.call(owner, 'DELETE', `/api/projects/${id}/members/${encodeURIComponent(h.users.reviewer.name)}`)).status).toBe(204);
    expect((await h.call(reviewer, 'GET', `/api/projects/${id}`)).status).toBe(404);
    expect((await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body: { anchor: BOARD, revision: 1, body: '还能写吗' } })).status).toBe(404);
    for (let i = 0; i < 200 && !events.ended(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(events.ended()).toBe(true);
    expect(events.events.some((e) => e.event === 'members')).toBe(false);
    events.close();
  });

  it('writes no meeting-link token and no comment text to the request log', async () => {
    const id = await project();
    const link = (await h.call(owner, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-1', mode: 'present', expiresAt: tomorrow() } })).json;
    await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': link.token } });
    await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body: { anchor: BOARD, revision: 1, body: '内部意见：暂不公开' } });
    const log = h.logs.join('\n');
    expect(log).toMatch(/GET \/api\/share 200/);
    expect(log).not.toContain(link.token);
    expect(log).not.toContain(link.token.slice(9, 30));
    expect(log).not.toContain('内部意见');
  });
});
