/**
 * Review through the HTTP API on both stores: members and the access history, comment threads
 * pinned to anchors with replies, mentions, unread counts, resolve and reopen; sign-offs that
 * say when the scenario changed since; meeting links that open one scenario and stop at once
 * when revoked or expired; the audit log as JSON and CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from './support/test-db.ts';
import { startApi, type ApiHarness } from './support/api-server.ts';
import { cell, projectFile, scenario, withCell } from './support/projects.ts';
import { openEvents } from './support/http-client.ts';

const owner = { role: 'owner', via: 'token' } as const;
const planner = { role: 'planner', via: 'session' } as const;
const reviewer = { role: 'reviewer', via: 'session' } as const;
const viewer = { role: 'viewer', via: 'token' } as const;
const admin = { role: 'admin', via: 'token' } as const;
const CELL = { kind: 'cell', boardId: 'qidu', year: 2023, type: 'affordable-rental' } as const;

describe.each(STORE_KINDS)('review API on %s', (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(kind);
  });
  afterAll(async () => h?.close());

  async function project(): Promise<string> {
    const file = projectFile([], { scenarios: [scenario([], { sites: [{ id: 'site-1', name: '滨江一号', geometry: { type: 'Point', coordinates: [120.7, 28.0] }, units: 300, type: 'commercial', year: 2023 }] }), scenario([], { id: 'scenario-2', name: '方案二' })] });
    const id = (await h.call(owner, 'POST', '/api/projects?name=review', { body: file })).json.id as string;
    await h.members(id, { planner: 'planner', reviewer: 'reviewer', viewer: 'viewer' });
    return id;
  }
  const save = async (id: string, base: number, units: number) => h.call(planner, 'PUT', `/api/projects/${id}`, { body: withCell((await h.call(owner, 'GET', `/api/projects/${id}`)).json, cell('qidu', 2023, 'affordable-rental', units)), headers: { 'If-Match': `"${base}"` } });

  it('lists members and records every membership change as an access revision (who, when); the last owner stays', async () => {
    const id = await project();
    const m = await h.call(viewer, 'GET', `/api/projects/${id}/members`);
    expect(m.json).toMatchObject({ you: { name: 'viewer-用户', role: 'viewer' }, members: [{ name: 'owner-用户', role: 'owner' }, { name: 'planner-用户', role: 'planner' }, { name: 'reviewer-用户', role: 'reviewer' }, { name: 'viewer-用户', role: 'viewer' }] });
    const put = await h.call(owner, 'PUT', `/api/projects/${id}/members/${encodeURIComponent('viewer-用户')}`, { body: { role: 'reviewer' } });
    expect(put).toMatchObject({ status: 200, json: { role: 'reviewer', change: { revision: 5, by: 'owner-用户', user: 'viewer-用户', before: 'viewer', after: 'reviewer' } } });
    expect((await h.call(owner, 'PUT', `/api/projects/${id}/members/${encodeURIComponent('viewer-用户')}`, { body: { role: 'reviewer' } })).json.change).toBeNull();
    expect(await h.call(owner, 'DELETE', `/api/projects/${id}/members/${encodeURIComponent('owner-用户')}`)).toMatchObject({ status: 409, json: { error: 'last-owner' } });
    expect(await h.call(owner, 'PUT', `/api/projects/${id}/members/${encodeURIComponent('owner-用户')}`, { body: { role: 'viewer' } })).toMatchObject({ status: 409, json: { error: 'last-owner' } });
    expect(await h.call(owner, 'PUT', `/api/projects/${id}/members/nobody`, { body: { role: 'viewer' } })).toMatchObject({ status: 404, json: { error: 'no-such-member' } });
    expect(await h.call(owner, 'PUT', `/api/projects/${id}/members/${encodeURIComponent('viewer-用户')}`, { body: { role: 'admin' } })).toMatchObject({ status: 400, json: { field: 'role' } });
    expect((await h.call(owner, 'DELETE', `/api/projects/${id}/members/${encodeURIComponent('viewer-用户')}`)).status).toBe(204);
    expect((await h.call(viewer, 'GET', `/api/projects/${id}`)).status).toBe(404);
    const history = (await h.call(reviewer, 'GET', `/api/projects/${id}/members/history`)).json;
    // Newest first: removed by the owner, changed by the owner, the three added from the store (no actor), the creator.
    expect(history.map((a: { revision: number; by: string | null; user: string; before: string | null; after: string | null }) => [a.revision, a.by, a.user, a.before, a.after])).toEqual([
      [6, 'owner-用户', 'viewer-用户', 'reviewer', null],
      [5, 'owner-用户', 'viewer-用户', 'viewer', 'reviewer'],
      [4, null, 'viewer-用户', null, 'viewer'],
      [3, null, 'reviewer-用户', null, 'reviewer'],
      [2, null, 'planner-用户', null, 'planner'],
      [1, 'owner-用户', 'owner-用户', null, 'owner'],
    ]);
    expect(Date.parse(history[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('pins threads to anchors with the revision they saw, answers them, mentions members, counts unread, resolves and reopens', async () => {
    const id = await project();
    const events = openEvents(h.port, `/api/projects/${id}/events`, { Cookie: h.users.planner.cookie });
    await events.waitFor((e) => e.event === 'hello');
    const c = await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body: { anchor: CELL, scenarioId: 'scenario-1', revision: 1, body: '@planner-用户 七都 2023 保租房是否偏低？' } });
    expect(c).toMatchObject({ status: 201, json: { anchor: CELL, scenarioId: 'scenario-1', revision: 1, author: 'reviewer-用户', state: 'open', mentions: ['planner-用户'], replies: [], unread: false } });
    expect(c.json.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await events.waitFor((e) => e.event === 'comment')).data).toMatchObject({ threadId: c.json.id, change: 'created', author: 'reviewer-用户' });
    events.close();
    // The planner has one unread comment, in the list and on the thread.
    const listed = (await h.call(planner, 'GET', '/api/projects')).json.find((p: { id: string }) => p.id === id);
    expect(listed).toMatchObject({ role: 'planner', unreadComments: 1 });
    expect((await h.call(planner, 'GET', `/api/projects/${id}/comments`)).json[0].unread).toBe(true);
    expect((await save(id, 1, 1500)).status).toBe(200);
    const answer = await h.call(planner, 'POST', `/api/projects/${id}/comments/${c.json.id}/replies`, { body: { revision: 2, body: '已调到 1,500 套' } });
    expect(answer).toMatchObject({ status: 201, json: { replies: [{ author: 'planner-用户', body: '已调到 1,500 套', revision: 2 }] } });
    expect((await h.call(planner, 'POST', `/api/projects/${id}/comments/read`, { body: { ids: [c.json.id] } })).json).toEqual({ marked: 1 });
    expect((await h.call(planner, 'GET', '/api/projects')).json.find((p: { id: string }) => p.id === id).unreadComments).toBe(0);
    expect((await h.call(reviewer, 'GET', `/api/projects/${id}/comments`)).json[0].replies[0].unread).toBe(true);
    // Other anchors: a board, a site (must exist in the scenario), a target, a rule warning, a map point.
    const anchors = [
      { anchor: { kind: 'board', boardId: 'wutian' } },
      { anchor: { kind: 'site', siteId: 'site-1' }, scenarioId: 'scenario-1' },
      { anchor: { kind: 'target', targetId: 'rental-housing-raised' }, scenarioId: 'scenario-2' },
      { anchor: { kind: 'rule', ruleId: 'stock-upgrade-commercial', boardId: 'qidu' }, scenarioId: 'scenario-1' },
      { anchor: { kind: 'point', lon: 120.65, lat: 28.01 } },
    ];
    for (const a of anchors) expect((await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body: { ...a, revision: 2, body: '请说明' } })).status).toBe(201);
    const bad: [unknown, string][] = [
      [{ anchor: { kind: 'site', siteId: 'no-such-site' }, scenarioId: 'scenario-1', revision: 2, body: 'x' }, 'anchor.siteId'],
      [{ anchor: CELL, revision: 2, body: 'x' }, 'scenarioId'],
      [{ anchor: CELL, scenarioId: 'scenario-9', revision: 2, body: 'x' }, 'scenarioId'],
      [{ anchor: { ...CELL, year: 2023.5 }, scenarioId: 'scenario-1', revision: 2, body: 'x' }, 'anchor.year'],
      [{ anchor: { kind: 'point', lon: 999, lat: 28 }, revision: 2, body: 'x' }, 'anchor.lon'],
      [{ anchor: { kind: 'board', boardId: 'qidu' }, revision: 3, body: 'x' }, 'revision'],
      [{ anchor: { kind: 'board', boardId: 'qidu' }, revision: 2, body: '   ' }, 'body'],
      [{ anchor: { kind: 'board', boardId: 'qidu' }, revision: 2, body: 'x'.repeat(4001) }, 'body'],
      [{ anchor: { kind: 'board', boardId: 'qidu' }, revision: 2, body: 'bell \u0007' }, 'body'],
    ];
    for (const [body, field] of bad) expect((await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body })).json.field).toBe(field);
    expect((await h.call(reviewer, 'POST', `/api/projects/${id}/comments`, { body: { anchor: { kind: 'board', boardId: 'qidu' }, revision: 2, body: '长'.repeat(4000) } })).status).toBe(201);
    // Resolve, filter, reopen.
    const resolved = await h.call(reviewer, 'POST', `/api/projects/${id}/comments/${c.json.id}/resolve`);
    expect(resolved).toMatchObject({ status: 200, json: { state: 'resolved', stateBy: 'reviewer-用户' } });
    expect((await h.call(viewer, 'GET', `/api/projects/${id}/comments?state=open`)).json).toHaveLength(6);
    expect((await h.call(viewer, 'GET', `/api/projects/${id}/comments?state=resolved`)).json.map((t: { id: string }) => t.id)).toEqual([c.json.id]);
    expect((await h.call(viewer, 'GET', `/api/projects/${id}/comments?author=${encodeURIComponent('planner-用户')}`)).json.map((t: { id: string }) => t.id)).toEqual([c.json.id]);
    expect((await h.call(planner, 'POST', `/api/projects/${id}/comments/${c.json.id}/reopen`)).json).toMatchObject({ state: 'open', stateBy: 'planner-用户' });
    expect((await h.call(planner, 'POST', `/api/projects/${id}/comments/nope/reopen`)).status).toBe(404);
  });

  it('records sign-offs per scenario at a revision and says when the scenario changed since', async () => {
    const id = await project();
    const s = await h.call(reviewer, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-1', verdict: 'changes-requested', revision: 1, note: '七都偏低' } });
    expect(s).toMatchObject({ status: 201, json: { scenarioId: 'scenario-1', reviewer: 'reviewer-用户', verdict: 'changes-requested', revision: 1, latest: true, changedSince: false } });
    await save(id, 1, 1500);
    expect((await h.call(viewer, 'GET', `/api/projects/${id}/signoffs`)).json).toMatchObject([{ revision: 1, changedSince: true }]);
    await h.call(reviewer, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-1', verdict: 'reviewed', revision: 2 } });
    await h.call(reviewer, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-2', verdict: 'reviewed', revision: 2 } });
    // An edit of scenario 1 leaves scenario 2's sign-off current.
    await save(id, 2, 1600);
    const list = (await h.call(viewer, 'GET', `/api/projects/${id}/signoffs`)).json as { scenarioId: string; verdict: string; latest: boolean; changedSince: boolean }[];
    expect(list.map((x) => [x.scenarioId, x.verdict, x.latest, x.changedSince])).toEqual([
      ['scenario-2', 'reviewed', true, false],
      ['scenario-1', 'reviewed', true, true],
      ['scenario-1', 'changes-requested', false, true],
    ]);
    expect((await h.call(reviewer, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-1', verdict: 'ok', revision: 2 } })).json.field).toBe('verdict');
    expect((await h.call(planner, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-1', verdict: 'reviewed', revision: 2 } })).status).toBe(403);
  });

  it('opens a meeting link to one scenario without an account; revoked or expired, it shows nothing at once', async () => {
    const id = await project();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await h.call(owner, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-2', mode: 'present', expiresAt } });
    expect(created).toMatchObject({ status: 201, json: { link: { scenarioId: 'scenario-2', mode: 'present', createdBy: 'owner-用户', state: 'active', revokedAt: null } } });
    const token = created.json.token as string;
    expect(token).toMatch(/^anjulink_[A-Za-z0-9_-]{43}$/);
    expect(created.json.path).toBe(`/?share=${token}`);
    const dump = JSON.stringify(await h.store.db.query('SELECT * FROM share_links'));
    expect(dump).not.toContain(token);
    const open = await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': token } });
    expect(open).toMatchObject({ status: 200, json: { projectName: 'review', scenarioId: 'scenario-2', scenarioName: '方案二', mode: 'present', revision: 1 } });
    expect(open.json.project.scenarios.map((s: { id: string }) => s.id)).toEqual(['scenario-2']);
    expect((await h.call(owner, 'GET', `/api/projects/${id}/links`)).json).toMatchObject([{ id: created.json.link.id, state: 'active' }]);
    expect((await h.call(owner, 'DELETE', `/api/projects/${id}/links/${created.json.link.id}`)).status).toBe(204);
    expect(await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': token } })).toMatchObject({ status: 410, json: { error: 'link-revoked' } });
    expect((await h.call(owner, 'GET', `/api/projects/${id}/links`)).json).toMatchObject([{ state: 'revoked', revokedBy: 'owner-用户' }]);
    expect(await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': 'anjulink_guess' } })).toMatchObject({ status: 404, json: { error: 'link-unknown' } });
    expect((await h.call('anonymous', 'GET', '/api/share')).status).toBe(404);
    // Expiry: a link that ran out (set in the store: the API refuses a past date) answers 410 expired.
    const soon = await h.call(owner, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-1', mode: 'view', expiresAt } });
    await h.store.db.query(`UPDATE share_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.json.link.id]);
    expect(await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': soon.json.token } })).toMatchObject({ status: 410, json: { error: 'link-expired' } });
    for (const bad of [{ scenarioId: 'scenario-1', mode: 'view', expiresAt: new Date(Date.now() - 1000).toISOString() }, { scenarioId: 'scenario-1', mode: 'view', expiresAt: '2999-01-01T00:00:00Z' }, { scenarioId: 'scenario-1', mode: 'edit', expiresAt }, { scenarioId: 'nope', mode: 'view', expiresAt }]) {
      expect((await h.call(owner, 'POST', `/api/projects/${id}/links`, { body: bad })).status).toBe(400);
    }
    // A deleted project's links stop too.
    const third = await h.call(owner, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-1', mode: 'view', expiresAt } });
    await h.call(owner, 'DELETE', `/api/projects/${id}`, { headers: { 'If-Match': '"1"' } });
    expect((await h.call('anonymous', 'GET', '/api/share', { headers: { 'X-Anju-Share': third.json.token } })).status).toBe(410);
  });

  it('keeps an audit log per project (owners) and for the admin (sign-ins too), as JSON and as formula-safe CSV', async () => {
    const id = await project();
    await h.login('nobody', 'wrong password');
    await h.call(reviewer, 'POST', `/api/projects/${id}/signoffs`, { body: { scenarioId: 'scenario-1', verdict: 'reviewed', revision: 1 } });
    const l = await h.call(owner, 'POST', `/api/projects/${id}/links`, { body: { scenarioId: 'scenario-1', mode: 'view', expiresAt: new Date(Date.now() + 3_600_000).toISOString() } });
    await h.call(owner, 'DELETE', `/api/projects/${id}/links/${l.json.link.id}`);
    await save(id, 1, 900);
    await h.call(planner, 'POST', `/api/projects/${id}/revisions/1/restore`, { headers: { 'If-Match': '"2"' } });
    const log = (await h.call(owner, 'GET', `/api/projects/${id}/audit`)).json as { action: string; actor: string | null; ip: string | null; projectId: string }[];
    expect(log.map((e) => e.action)).toEqual(['project.restore', 'project.save', 'link.revoke', 'link.create', 'signoff', 'member.add', 'member.add', 'member.add', 'member.add', 'project.create']);
    expect(log.every((e) => e.projectId === id)).toBe(true);
    expect(log.find((e) => e.action === 'signoff')).toMatchObject({ actor: 'reviewer-用户', ip: '127.0.0.1' });
    const all = (await h.call(admin, 'GET', '/api/audit?limit=5000')).json as { action: string; detail: { name?: string } }[];
    expect(all.some((e) => e.action === 'login')).toBe(true);
    expect(all.find((e) => e.action === 'login.failed')?.detail.name).toBe('nobody');
    expect((await h.call(owner, 'GET', '/api/audit')).status).toBe(403);
    const csv = await h.call(owner, 'GET', `/api/projects/${id}/audit?format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="anju-audit-/);
    expect(csv.text.startsWith('\uFEFFtime (UTC),user,action,project id,project,from (client address),details\r\n')).toBe(true);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(log.length + 1);
    // A project named like a formula stays text in the CSV.
    await h.call(owner, 'PUT', `/api/projects/${id}?name=${encodeURIComponent('=HYPERLINK("http://evil")')}`, { body: (await h.call(owner, 'GET', `/api/projects/${id}`)).json, headers: { 'If-Match': '"3"' } });
    const csv2 = (await h.call(admin, 'GET', `/api/audit?format=csv`)).text;
    expect(csv2).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv2).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
