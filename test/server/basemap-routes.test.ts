/**
 * The team basemap (`anju serve --basemap FILE`) through real HTTP on both stores: every
 * signed-in role reads it (as they may read projects), nobody signed out does; a PMTiles file
 * by HTTP range (read back with the pmtiles library, as the app does); an MBTiles file tile by
 * tile, gzip kept and declared; files the server cannot serve are refused at start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchSource, PMTiles, TileType } from 'pmtiles';
import initSqlJs from 'sql.js';
import { STORE_KINDS } from './support/test-db.ts';
import { startApi, IDENTITIES, type ApiHarness, type Caller } from './support/api-server.ts';
import { httpRequest, type Reply } from './support/http-client.ts';
import { createAppServer, type AppServer } from '../../src/server/http/app-server.ts';
import { openTeamBasemap, type TeamBasemapFile } from '../../src/server/basemap/team-basemap-file.ts';
import { vectorFixture, vectorFixtureTiles } from '../support/basemap-fixtures.ts';
import { mbtilesVectorFixture } from '../support/mbtiles-fixtures.ts';
import { tileAt } from '../../src/state/basemap-spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'anju-basemap-'));
const file = (name: string, bytes: Uint8Array | string) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const PM = vectorFixture();
const CALLERS: Caller[] = ['anonymous', ...IDENTITIES.flatMap((role) => (['token', 'session'] as const).map((via) => ({ role, via })))];
const label = (c: Caller) => (c === 'anonymous' ? 'anonymous' : `${c.role}/${c.via}`);

/** GET on a second server over the harness's store (its users, tokens and sessions hold there too). */
type Server = { port: number; users: ApiHarness['users']; call(who: Caller, method: 'GET', path: string, o?: { headers?: Record<string, string> }): Promise<Reply> };
function secondServer(h: ApiHarness, app: AppServer): Server {
  const port = (app.server.address() as { port: number }).port;
  return {
    port,
    users: h.users,
    call(who, method, path, o = {}) {
      const auth: Record<string, string> = who === 'anonymous' ? {} : who.via === 'token' ? { Authorization: `Bearer ${h.users[who.role].token}` } : { Cookie: h.users[who.role].cookie };
      return httpRequest(port, method, path, { Host: `127.0.0.1:${port}`, ...auth, ...o.headers });
    },
  };
}

describe.each(STORE_KINDS)('the team basemap on %s', (kind) => {
  let mb: ApiHarness, pm: Server, pmApp: AppServer;
  let pmFile: TeamBasemapFile, mbFile: TeamBasemapFile;
  beforeAll(async () => {
    pmFile = await openTeamBasemap(file('温州.pmtiles', PM));
    mbFile = await openTeamBasemap(file('温州.mbtiles', await mbtilesVectorFixture()));
    mb = await startApi(kind, { basemap: mbFile });
    pmApp = createAppServer({ db: mb.store.db, distDir: null, basemap: pmFile });
    await new Promise<void>((r) => pmApp.server.listen(0, '127.0.0.1', () => r()));
    pm = secondServer(mb, pmApp);
  });
  afterAll(async () => {
    await pmApp?.shutdown(2000);
    await mb?.close();
    pmFile?.close();
    mbFile?.close();
  });

  it('answers every signed-in role and refuses the signed-out, on every basemap route', async () => {
    const t = tileAt(120.65, 27.99, 10);
    const table: string[] = [];
    for (const who of CALLERS) {
      const want = (ok: number) => (who === 'anonymous' ? 401 : ok);
      const calls: [Pick<Server, 'call'>, string, Record<string, string>, number][] = [
        [pm, '/api/basemap', {}, 200],
        [pm, '/api/basemap/file', { Range: 'bytes=0-126' }, 206],
        [mb, '/api/basemap', {}, 200],
        [mb, `/api/basemap/tiles/${t.z}/${t.x}/${t.y}`, {}, 200],
      ];
      for (const [h, path, headers, ok] of calls) {
        const r = await h.call(who, 'GET', path, { headers });
        table.push(`${path} as ${label(who)}: ${r.status}${r.status === want(ok) ? '' : ` (expected ${want(ok)})`}`);
      }
    }
    expect(table.filter((l) => l.includes('expected'))).toEqual([]);
  });

  it('says what the basemap is', async () => {
    const viewer = { role: 'viewer', via: 'token' } as const;
    expect((await pm.call(viewer, 'GET', '/api/basemap')).json).toEqual({ basemap: { name: '温州.pmtiles', sizeBytes: PM.length, format: 'pmtiles', url: 'basemap/file' } });
    const m = (await mb.call(viewer, 'GET', '/api/basemap')).json.basemap;
    expect(m).toMatchObject({ name: '温州.mbtiles', format: 'mbtiles', tiles: 'basemap/tiles/{z}/{x}/{y}', info: { format: 'pbf', minZoom: 5, maxZoom: 10 } });
    expect(m.info.vectorLayers.map((l: { id: string }) => l.id)).toContain('roads');
  });

  it('serves the PMTiles file by HTTP range, and the pmtiles library reads it from the server', async () => {
    const auth = { Authorization: `Bearer ${pm.users.planner.token}` };
    const url = `http://127.0.0.1:${pm.port}/api/basemap/file`;
    const part = await fetch(url, { headers: { ...auth, Range: 'bytes=100-199' } });
    expect([part.status, part.headers.get('content-range'), part.headers.get('accept-ranges')]).toEqual([206, `bytes 100-199/${PM.length}`, 'bytes']);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(PM.subarray(100, 200));
    const tail = await fetch(url, { headers: { ...auth, Range: 'bytes=-10' } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(PM.subarray(PM.length - 10));
    const beyond = await fetch(url, { headers: { ...auth, Range: `bytes=${PM.length}-` } });
    expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, `bytes */${PM.length}`]);
    const whole = await fetch(url, { headers: auth });
    expect([whole.status, Number(whole.headers.get('content-length'))]).toEqual([200, PM.length]);
    await whole.arrayBuffer();
    const archive = new PMTiles(new FetchSource(url, new Headers(auth)));
    expect((await archive.getHeader()).tileType).toBe(TileType.Mvt);
    const t = tileAt(120.65, 27.99, 10);
    expect((await archive.getZxy(t.z, t.x, t.y))?.data.byteLength).toBeGreaterThan(100);
    // The MBTiles server has no PMTiles file, and the reverse.
    expect((await mb.call({ role: 'planner', via: 'token' }, 'GET', '/api/basemap/file')).status).toBe(404);
    expect((await pm.call({ role: 'planner', via: 'token' }, 'GET', '/api/basemap/tiles/1/0/0')).status).toBe(404);
  });

  it('serves the MBTiles file tile by tile: XYZ rows, gzip declared, 204 where it has none, 400 for a bad address', async () => {
    const auth = { Authorization: `Bearer ${mb.users.reviewer.token}` };
    const t = tileAt(120.65, 27.99, 10);
    const expected = vectorFixtureTiles().tiles.find((p) => p.z === t.z && p.x === t.x && p.y === t.y)!.data;
    const r = await fetch(`http://127.0.0.1:${mb.port}/api/basemap/tiles/${t.z}/${t.x}/${t.y}`, { headers: auth });
    expect([r.status, r.headers.get('content-type'), r.headers.get('content-encoding')]).toEqual([200, 'application/x-protobuf', 'gzip']);
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(expected); // fetch undoes the gzip, as the browser does
    expect((await mb.call({ role: 'viewer', via: 'session' }, 'GET', '/api/basemap/tiles/3/0/0')).status).toBe(204);
    expect((await mb.call({ role: 'viewer', via: 'session' }, 'GET', '/api/basemap/tiles/a/0/0')).status).toBe(400);
  });
});

describe('a team basemap the server cannot serve', () => {
  it('is refused at start with what is wrong', async () => {
    await expect(openTeamBasemap(file('notes.mbtiles', 'just some text, not a database at all'))).rejects.toThrow(/notes\.mbtiles is neither a PMTiles archive nor a SQLite \(MBTiles\) database/);
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE parcels (id integer)');
    await expect(openTeamBasemap(file('parcels.mbtiles', db.export()))).rejects.toThrow(/not MBTiles: it has no tiles table/);
    await expect(openTeamBasemap(join(dir, 'missing.pmtiles'))).rejects.toThrow(/no such file/);
  });
});
