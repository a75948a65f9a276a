import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from './support/test-db.ts';
import { startApi, type ApiHarness } from './support/api-server.ts';
import { cell, projectFile, withCell } from './support/projects.ts';
import { httpRequest, openEvents } from './support/http-client.ts';

const planner = { role: 'planner', via: 'token' } as const;
const reviewerSession = { role: 'reviewer', via: 'session' } as const;

describe.each(STORE_KINDS)('projects API on %s', (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi(kind, { limits: { projectBytes: 200_000 } });
  });
  afterAll(async () => h?.close());

  /** A project of the planner's (its owner), shared with the reviewer and the viewer. */
  const create = async (name = '十五五') => {
    const p = (await h.call(planner, 'POST', `/api/projects?name=${encodeURIComponent(name)}`, { body: projectFile() })).json as { id: string; revision: number };
    await h.members(p.id, { reviewer: 'reviewer', viewer: 'viewer' });
    return p;
  };
  const revisionCount = async (id: string) => (await h.call(planner, 'GET', `/api/projects/${id}/revisions`)).json.length as number;

  it('creates (201, Location, ETag), lists and reads a project; a matching If-None-Match gives 304', async () => {
    const r = await h.call(planner, 'POST', '/api/projects?name=%E5%8D%81%E4%BA%94%E4%BA%94', { body: projectFile() });
    expect(r).toMatchObject({ status: 201, json: { revision: 1 }, headers: { etag: '"1"', location: `/api/projects/${r.json.id}` } });
    expect(r.json.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await h.members(r.json.id, { reviewer: 'reviewer' });
    const list = await h.call(reviewerSession, 'GET', '/api/projects');
    expect(list.json.find((p: { id: string }) => p.id === r.json.id)).toMatchObject({ name: '十五五', revision: 1, updatedBy: 'planner-用户' });
    const got = await h.call(reviewerSession, 'GET', `/api/projects/${r.json.id}`);
    expect(got).toMatchObject({ status: 200, headers: { etag: '"1"' }, json: { app: 'anju', schemaVersion: 2, scenarios: projectFile().scenarios } });
    expect((await h.call(reviewerSession, 'GET', `/api/projects/${r.json.id}`, { headers: { 'If-None-Match': '"1"' } })).status).toBe(304);
  });

  it('saves with If-Match (200, new ETag, generated summary); a stale If-Match gets 409 with the current revision and who saved it', async () => {
    const { id } = await create();
    const v2 = withCell(projectFile(), cell('qidu', 2023, 'affordable-rental', 1200));
    const ok = await h.call(planner, 'PUT', `/api/projects/${id}`, { body: v2, headers: { 'If-Match': '"1"' } });
    expect(ok).toMatchObject({ status: 200, headers: { etag: '"2"' }, json: { revision: 2, summary: '七都 2023 保障性租赁住房 +1,200', unchanged: false } });
    const stale = await h.call({ role: 'admin', via: 'token' }, 'PUT', `/api/projects/${id}`, { body: withCell(projectFile(), cell('qidu', 2023, 'commercial', 5)), headers: { 'If-Match': '"1"' } });
    expect(stale).toMatchObject({ status: 409, headers: { etag: '"2"' }, json: { error: 'stale-revision', revision: 2, author: 'planner-用户', summary: '七都 2023 保障性租赁住房 +1,200' } });
    expect(await revisionCount(id)).toBe(2);
  });

  it('wants If-Match on every write (428) and a revision in it (400)', async () => {
    const { id } = await create();
    expect(await h.call(planner, 'PUT', `/api/projects/${id}`, { body: projectFile() })).toMatchObject({ status: 428, json: { error: 'if-match-required' } });
    expect(await h.call(planner, 'DELETE', `/api/projects/${id}`)).toMatchObject({ status: 428 });
    expect(await h.call(planner, 'POST', `/api/projects/${id}/revisions/1/restore`)).toMatchObject({ status: 428 });
    expect(await h.call(planner, 'PUT', `/api/projects/${id}`, { body: projectFile(), headers: { 'If-Match': '*' } })).toMatchObject({ status: 400, json: { error: 'invalid-if-match' } });
  });

  it('refuses an invalid project with 400 naming the field, in both languages, and stores nothing', async () => {
    const { id } = await create();
    const bad = withCell(projectFile(), cell('qidu', 2023, 'commercial', 5));
    (bad.scenarios[0].allocations[0] as { units: number }).units = -3;
    const r = await h.call(planner, 'PUT', `/api/projects/${id}`, { body: bad, headers: { 'If-Match': '"1"' } });
    expect(r).toMatchObject({ status: 400, json: { error: 'invalid-project', field: 'scenarios[0].allocations[0].units' } });
    expect(r.json.problems[0].messageZh).toMatch(/scenarios\[0\]\.allocations\[0\]\.units/);
    const unknownBoard = await h.call(planner, 'POST', '/api/projects', { body: withCell(projectFile(), cell('atlantis', 2023, 'commercial', 5)) });
    expect(unknownBoard).toMatchObject({ status: 400, json: { field: 'scenarios[0].allocations[0].boardId', problems: [{ code: 'project-unknown-board' }] } });
    expect(await h.call(planner, 'POST', '/api/projects', { body: '{"app":' })).toMatchObject({ status: 400, json: { error: 'not-json' } });
    expect(await h.call(planner, 'POST', '/api/projects', { body: projectFile(), headers: { 'Content-Type': 'text/plain' } })).toMatchObject({ status: 415 });
    expect(await revisionCount(id)).toBe(1);
  });

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const { id } = await create();
    const big = projectFile([], { facilities: Array.from({ length: 4000 }, (_, i) => ({ id: `facility-${i}`, category: 'school', lonLat: [120.6, 28] as [number, number] })) });
    expect(JSON.stringify(big).length).toBeGreaterThan(200_000);
    expect(await h.call(planner, 'PUT', `/api/projects/${id}`, { body: big, headers: { 'If-Match': '"1"' } })).toMatchObject({ status: 413, json: { error: 'body-too-large' } });
    expect(await revisionCount(id)).toBe(1);
  });

  it('lists the history newest first, opens any revision, restores one as a new revision, renames, deletes', async () => {
    const { id } = await create('甲');
    await h.call(planner, 'PUT', `/api/projects/${id}?name=${encodeURIComponent('乙')}`, { body: withCell(projectFile(), cell('wutian', 2021, 'commercial', 700)), headers: { 'If-Match': '"1"' } });
    const revs = await h.call(reviewerSession, 'GET', `/api/projects/${id}/revisions`);
    expect(revs.json).toMatchObject([{ revision: 2, author: 'planner-用户', summary: '重命名为「乙」；梧田 2021 新建普通商品住房 +700' }, { revision: 1, summary: '新建项目「甲」' }]);
    expect(Object.keys(revs.json[0]).sort()).toEqual(['at', 'author', 'restoredFrom', 'revision', 'summary']);
    expect((await h.call(reviewerSession, 'GET', `/api/projects/${id}/revisions?limit=1`)).json).toHaveLength(1);
    const r1 = await h.call(reviewerSession, 'GET', `/api/projects/${id}/revisions/1`);
    expect(r1).toMatchObject({ status: 200, headers: { etag: '"1"' }, json: { scenarios: projectFile().scenarios } });
    expect(r1.headers['cache-control']).toMatch(/immutable/);
    expect((await h.call(reviewerSession, 'GET', `/api/projects/${id}/revisions/9`)).status).toBe(404);
    const restored = await h.call(planner, 'POST', `/api/projects/${id}/revisions/1/restore`, { headers: { 'If-Match': '"2"' } });
    expect(restored).toMatchObject({ status: 200, json: { revision: 3, summary: '恢复到修订 1：梧田 2021 新建普通商品住房 −700' } });
    expect((await h.call(planner, 'GET', `/api/projects/${id}`)).json.scenarios).toEqual(projectFile().scenarios);
    expect((await h.call(planner, 'DELETE', `/api/projects/${id}`, { headers: { 'If-Match': '"3"' } })).status).toBe(204);
    expect((await h.call(planner, 'GET', `/api/projects/${id}`)).status).toBe(404);
    expect((await h.call(planner, 'GET', `/api/projects/nope`)).status).toBe(404);
  });

  it('announces each save to the project’s other clients within moments (SSE), and replays missed saves after a reconnect', async () => {
    const { id } = await create();
    const stream = openEvents(h.port, `/api/projects/${id}/events`, { Cookie: h.users.viewer.cookie });
    await stream.waitFor((e) => e.event === 'hello');
    const t0 = Date.now();
    await h.call(planner, 'PUT', `/api/projects/${id}`, { body: withCell(projectFile(), cell('qidu', 2023, 'affordable-rental', 1200)), headers: { 'If-Match': '"1"', 'X-Anju-Client': 'tab-a' } });
    const saved = await stream.waitFor((e) => e.event === 'saved');
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(saved).toMatchObject({ id: '2', data: { projectId: id, revision: 2, author: 'planner-用户', summary: '七都 2023 保障性租赁住房 +1,200', client: 'tab-a' } });
    stream.close();
    await h.call(planner, 'PUT', `/api/projects/${id}`, { body: withCell(projectFile(), cell('qidu', 2023, 'affordable-rental', 1300)), headers: { 'If-Match': '"2"' } });
    const again = openEvents(h.port, `/api/projects/${id}/events`, { Authorization: `Bearer ${h.users.viewer.token}`, 'Last-Event-ID': '2' });
    expect((await again.waitFor((e) => e.event === 'saved')).data).toMatchObject({ revision: 3, summary: '七都 2023 保障性租赁住房 +100' });
    again.close();
  });

  it('serves the built app, and nothing outside it', async () => {
    const index = await httpRequest(h.port, 'GET', '/');
    expect(index).toMatchObject({ status: 200, text: '<!doctype html><title>安居</title>' });
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect((await httpRequest(h.port, 'GET', '/present/3')).text).toContain('安居');
    expect((await httpRequest(h.port, 'GET', '/assets/app-1234.js')).headers['cache-control']).toMatch(/immutable/);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/nope.js']) expect((await httpRequest(h.port, 'GET', path)).status).toBe(404);
    expect(await httpRequest(h.port, 'GET', '/api/nothing-here')).toMatchObject({ status: 404, json: { error: 'not-found' } });
    expect(await httpRequest(h.port, 'PATCH', '/api/projects')).toMatchObject({ status: 405, headers: { allow: 'GET, POST' } });
  });
});

describe('shutdown', () => {
  it('lets a save in progress finish before it stops (no acknowledged write is lost)', async () => {
    const h = await startApi('pglite');
    try {
      const { id } = (await h.call(planner, 'POST', '/api/projects', { body: projectFile() })).json;
      const body = projectFile([cell('qidu', 2023, 'commercial', 5)], { facilities: Array.from({ length: 5_000 }, (_, i) => ({ id: `f${i}`, category: 'school', lonLat: [120.6, 28] as [number, number] })) });
      const saving = h.call(planner, 'PUT', `/api/projects/${id}`, { body, headers: { 'If-Match': '"1"' } });
      // Once the server is handling it (reading the body or writing), shut down.
      while (h.app.activeRequests === 0) await new Promise((r) => setTimeout(r, 1));
      const stopped = h.app.shutdown(20_000);
      const r = await saving;
      await stopped;
      expect(r.status).toBe(200);
      const rows = await h.store.db.query<{ n: number }>('SELECT max(revision) AS n FROM revisions WHERE project_id = $1', [id]);
      expect(rows[0].n).toBe(r.json.revision);
    } finally {
      await h.store.close();
    }
  });
});
