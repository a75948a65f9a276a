/**
 * The MBTiles reader (src/io/mbtiles.ts) on databases the test writes with sql.js: metadata,
 * TMS rows, gzip, the mbutil/tippecanoe view layout, files without metadata, and every refusal.
 */
import { describe, expect, it } from 'vitest';
import initSqlJs from 'sql.js';
import { checkMbtilesFile, inflateTile, isSqlite, MBTILES_MAX_BYTES, MbtilesTiles, readMbtilesInfo, type SqlDatabase } from '../../../src/io/mbtiles.ts';
import { tileCrsHint } from '../../../src/io/tile-crs-hint.ts';
import { tileAt } from '../../../src/state/basemap-spec.ts';
import { mbtilesRasterFixture, mbtilesVectorFixture, writeMbtiles } from '../../support/mbtiles-fixtures.ts';
import { rasterFixtureTiles, vectorFixture, vectorFixtureTiles, FIXTURE_BOUNDS } from '../../support/basemap-fixtures.ts';

const SQL = await initSqlJs();
const open = (bytes: Uint8Array): SqlDatabase => new SQL.Database(bytes);
const PNG_1 = rasterFixtureTiles([10, 20, 30])[0].data;

describe('reading an MBTiles file', () => {
  it('reads the metadata of a vector file stored as map + images tables and a tiles view', async () => {
    const r = readMbtilesInfo(open(await mbtilesVectorFixture()));
    expect(r.ok && r.info).toEqual({
      format: 'pbf',
      minZoom: 5,
      maxZoom: 10,
      bounds: FIXTURE_BOUNDS,
      name: 'anju-test-vector',
      attribution: '© OpenStreetMap contributors (test fixture)',
      vectorLayers: ['earth', 'water', 'boundaries', 'roads', 'places'].map((id) => ({ id, fields: {} })),
    });
  });

  it('finds a tile by its XYZ address in TMS rows, and none at the unflipped row', async () => {
    // One tile only, at z=2 x=1 y=0 (the northern row): stored as tile_row 3.
    const db = open(await writeMbtiles({ tiles: [{ z: 2, x: 1, y: 0, data: PNG_1 }], metadata: { format: 'png' } }));
    expect(db.exec('SELECT tile_row FROM tiles')[0].values).toEqual([[3]]);
    const tiles = new MbtilesTiles(db);
    expect(tiles.get(2, 1, 0)).toEqual(PNG_1);
    expect(tiles.get(2, 1, 3)).toBeNull();
    expect(tiles.get(2, 4, 0)).toBeNull(); // outside the zoom's grid
  });

  it('gives back the vector tile the fixture made, gzip removed', async () => {
    const { tiles: plain } = vectorFixtureTiles();
    const t = tileAt(120.65, 27.99, 10);
    const expected = plain.find((p) => p.z === t.z && p.x === t.x && p.y === t.y)!.data;
    const stored = new MbtilesTiles(open(await mbtilesVectorFixture())).get(t.z, t.x, t.y)!;
    expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b]);
    expect(await inflateTile(stored)).toEqual(expected);
    expect(await inflateTile(expected)).toBe(expected); // not compressed: as is
  });

  it('takes the format from the tiles and the zooms from the rows when there is no metadata table', async () => {
    const r = readMbtilesInfo(open(await writeMbtiles({ tiles: rasterFixtureTiles([1, 2, 3]), metadata: null })));
    expect(r.ok && [r.info.format, r.info.minZoom, r.info.maxZoom, r.info.bounds]).toEqual(['png', 5, 10, null]);
  });

  it('reads a raster file and refuses nothing about it', async () => {
    const bytes = await mbtilesRasterFixture([200, 30, 30]);
    expect(checkMbtilesFile(bytes.length, bytes.subarray(0, 16))).toBeNull();
    const r = readMbtilesInfo(open(bytes));
    expect(r.ok && r.info.format).toBe('png');
  });
});

describe('refusing what is not a usable MBTiles file', () => {
  it('a file that is not SQLite (a PMTiles archive, text)', () => {
    const pm = vectorFixture();
    expect(isSqlite(pm)).toBe(false);
    expect(checkMbtilesFile(pm.length, pm.subarray(0, 16))).toEqual({ reason: 'not-sqlite' });
    expect(checkMbtilesFile(5, new TextEncoder().encode('hello'))).toEqual({ reason: 'not-sqlite' });
  });

  it('a file larger than the browser limit, before reading it', async () => {
    const head = (await mbtilesRasterFixture([1, 1, 1])).subarray(0, 16);
    expect(checkMbtilesFile(MBTILES_MAX_BYTES + 1, head)).toEqual({ reason: 'too-large', sizeMb: 257, maxMb: 256 });
  });

  it('a SQLite database without a tiles table, or with no tiles in it', async () => {
    const other = new SQL.Database();
    other.run('CREATE TABLE parcels (id integer)');
    expect(readMbtilesInfo(open(other.export()))).toEqual({ ok: false, problem: { reason: 'no-tiles' } });
    expect(readMbtilesInfo(open(await writeMbtiles({ tiles: [], metadata: { format: 'png' } })))).toEqual({ ok: false, problem: { reason: 'empty' } });
  });

  it('a tile format the map cannot draw', async () => {
    const r = readMbtilesInfo(open(await writeMbtiles({ tiles: [{ z: 0, x: 0, y: 0, data: new Uint8Array([1, 2, 3]) }], metadata: { format: 'tiff' } })));
    expect(r).toEqual({ ok: false, problem: { reason: 'format', format: 'tiff' } });
  });

  it('a truncated database', async () => {
    const bytes = await mbtilesRasterFixture([1, 1, 1]);
    const r = readMbtilesInfo(open(bytes.slice(0, 4096)));
    expect(!r.ok && r.problem.reason).toBe('corrupt');
  });

  it('tiles whose metadata names GCJ-02, BD-09 or a geographic tile matrix', async () => {
    const withMeta = async (m: Record<string, string>) => readMbtilesInfo(open(await mbtilesRasterFixture([1, 1, 1], m)));
    expect(await withMeta({ name: '高德地图 温州' })).toEqual({ ok: false, problem: { reason: 'crs', crs: 'gcj02', where: 'name: 高德地图 温州' } });
    expect(await withMeta({ crs: 'BD09' })).toEqual({ ok: false, problem: { reason: 'crs', crs: 'bd09', where: 'crs: BD09' } });
    expect(await withMeta({ srs: 'EPSG:4490' })).toEqual({ ok: false, problem: { reason: 'crs', crs: 'geographic', where: 'srs: EPSG:4490' } });
    expect((await withMeta({ crs: 'EPSG:3857', description: 'OpenStreetMap extract' })).ok).toBe(true);
  });

  it('the same coordinate-system hints in PMTiles-style JSON metadata', () => {
    expect(tileCrsHint({ name: 'x', attribution: '© AutoNavi' })?.crs).toBe('gcj02');
    expect(tileCrsHint({ name: 'Wenzhou', vector_layers: [] })).toBeNull();
  });
});
