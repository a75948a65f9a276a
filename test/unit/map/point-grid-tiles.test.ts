/**
 * The lean index of plain points (src/geo/point-grid-tiles.ts, what the tile worker uses for the
 * facilities) gives the tiles geojson-vt gives (src/geo/point-tile-index.ts, what it used before and
 * still uses for rings and boxes): the same features at the same positions with the same
 * properties, tile buffer included, before and after edits. Decoded with @mapbox/vector-tile, the
 * reader MapLibre uses.
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PointGridTiles } from '../../../src/geo/point-grid-tiles.ts';
import { PointTileIndex } from '../../../src/geo/point-tile-index.ts';
import { POINT_TILE_LAYER, type PackedPoints, type PointsChange } from '../../../src/geo/packed-points.ts';

interface Pt { id: string; lon: number; lat: number; category: string | null; n: number | boolean; name: string }

function pack(pts: Pt[]): PackedPoints {
  const lonLat = new Float64Array(2 * pts.length);
  pts.forEach((p, i) => lonLat.set([p.lon, p.lat], 2 * i));
  const json = JSON.stringify({ id: pts.map((p) => p.id), category: pts.map((p) => p.category), n: pts.map((p) => p.n), name: pts.map((p) => p.name) });
  return { count: pts.length, lonLat, columnsUtf8: new TextEncoder().encode(json) };
}

function points(count: number, seed: number): Pt[] {
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const names = ['社区卫生服务站', '𠀀 school', 'a "quoted" name', ''];
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    // Central Wenzhou, a few points stacked on one spot, and values of every kind MVT has.
    lon: i % 97 === 0 ? 120.65 : 120.5 + rand() * 0.3,
    lat: i % 97 === 0 ? 28.0 : 27.9 + rand() * 0.2,
    category: i % 5 === 0 ? null : ['kindergarten', 'fresh-market', '1', 'true'][i % 4],
    n: i % 7 === 0 ? true : i % 3 === 0 ? -i : i % 2 ? i + 0.5 : 1,
    name: names[i % names.length],
  }));
}

/** A tile's features as text lines (id, type, position in tile units, properties), sorted by id. */
function decode(buf: ArrayBuffer): string[] {
  const layer = new VectorTile(new PbfReader(new Uint8Array(buf))).layers[POINT_TILE_LAYER];
  if (!layer) return [];
  const out: string[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const [[p]] = f.loadGeometry();
    out.push(JSON.stringify([f.properties.id, f.type, layer.extent, p.x, p.y, f.properties]));
  }
  return out.sort();
}

const tileOf = (lon: number, lat: number, z: number): [number, number] => {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
};

/** Tiles at z 6–14 around a few places (with their neighbours, so points in the buffers are compared too). */
function tiles(zooms: readonly number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const z of zooms) {
    for (const [lon, lat] of [[120.65, 28.0], [120.55, 27.95], [120.78, 28.08]]) {
      const [x, y] = tileOf(lon, lat, z);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push([z, x + dx, y + dy]);
    }
  }
  return out;
}

function expectSameTiles(grid: PointGridTiles, vt: PointTileIndex, minPoints: number, zooms: readonly number[] = [6, 9, 11, 12, 13, 14]): number {
  let seen = 0;
  let dropped = 0;
  for (const [z, x, y] of tiles(zooms)) {
    const got = decode(grid.tile(z, x, y));
    let want = decode(vt.tile(z, x, y));
    if (z < 14) {
      // Below zoom 14 a point on the same half pixel (4 tile units) as one already in the tile is left
      // out: every point geojson-vt has is there or has one on its spot, and every point there is geojson-vt's.
      const spot = (line: string) => {
        const [, , , px, py] = JSON.parse(line) as number[];
        return `${Math.floor((px + 128) / 4)},${Math.floor((py + 128) / 4)}`;
      };
      const spots = new Set(got.map(spot));
      expect(want.filter((w) => !spots.has(spot(w))), `tile ${z}/${x}/${y}: points without one on their spot`).toEqual([]);
      expect(spots.size, 'one point a spot').toBe(got.length);
      const all = new Set(want);
      expect(got.filter((g) => !all.has(g)), `tile ${z}/${x}/${y}`).toEqual([]);
      dropped += want.length - got.length;
      want = got;
    }
    // Compared as one text (a deep comparison of thousands of features per tile is slow); the first difference if any.
    if (got.join('\n') !== want.join('\n')) expect(got.filter((g, i) => g !== want[i]).slice(0, 3), `tile ${z}/${x}/${y}`).toEqual(want.filter((w, i) => w !== got[i]).slice(0, 3));
    seen += got.length;
  }
  expect(seen).toBeGreaterThan(minPoints);
  return dropped;
}

describe('point tiles without a feature per point', () => {
  it('gives the tiles geojson-vt gives: every point in a tile or its buffer, where it is, with its properties', () => {
    const pts = points(2000, 11);
    const grid = new PointGridTiles(pack(pts));
    const vt = new PointTileIndex(pack(pts));
    expect(grid.count).toBe(2000);
    // Points on one spot at low zooms (every 97th is on the same place) are left out there.
    expect(expectSameTiles(grid, vt, 8_000)).toBeGreaterThan(1000);
    // Nothing where there is no point.
    const [sx, sy] = tileOf(125.5, 30.5, 12);
    expect(grid.tile(12, sx, sy).byteLength).toBe(0);
    // At zoom 14 every point is in its tile even when many share a place.
    const [x14, y14] = tileOf(120.65, 28.0, 14);
    expect(decode(grid.tile(14, x14, y14)).filter((l) => l.includes(',1,4096,') && JSON.parse(l)[0].startsWith('p')).length).toBeGreaterThanOrEqual(Math.ceil(2000 / 97));
  });

  it('stays the same as geojson-vt through moves, adds, removals and replacements, and after sorting many added points in', () => {
    const pts = points(1500, 5);
    const grid = new PointGridTiles(pack(pts));
    const vt = new PointTileIndex(pack(pts));
    const apply = (c: () => PointsChange) => {
      grid.apply(c());
      vt.apply(c());
      expect(grid.count).toBe(vt.count);
    };
    // A drag: p1 taken out, put back elsewhere; a point added; one removed; one replaced by id alone.
    apply(() => ({ remove: ['p1'], upsert: pack([{ ...pts[1], lon: 120.66, lat: 28.01 }]) }));
    apply(() => ({ remove: [], upsert: pack([{ id: 'new', lon: 120.651, lat: 28.001, category: 'kindergarten', n: 3, name: 'n' }]) }));
    apply(() => ({ remove: ['p2', 'no-such-point'], upsert: pack([]) }));
    apply(() => ({ remove: [], upsert: pack([{ ...pts[3], lon: 120.6, lat: 27.99, category: 'fresh-market' }]) }));
    expect(grid.count).toBe(1500);
    const EDITED = [9, 12, 14];
    expectSameTiles(grid, vt, 3_000, EDITED);
    // More added points than are scanned one by one: the set is sorted again.
    const more = points(4200, 9).map((p) => ({ ...p, id: `m${p.id}` }));
    apply(() => ({ remove: ['p4'], upsert: pack(more) }));
    expect(grid.count).toBe(5699);
    expectSameTiles(grid, vt, 8_000, EDITED);
    apply(() => ({ remove: ['mp0', 'p5'], upsert: pack([{ ...pts[5], lon: 120.7, lat: 28.05 }]) }));
    expectSameTiles(grid, vt, 8_000, EDITED);
  });

  it('refuses rings, boxes and columns that do not match the points', () => {
    const p = pack(points(3, 1));
    expect(() => new PointGridTiles({ ...p, ringRadiusM: 500 })).toThrow(/not plain points/);
    expect(() => new PointGridTiles({ ...p, count: 4, lonLat: new Float64Array(8) })).toThrow(/id column has 3 values for 4 points/);
    const grid = new PointGridTiles(pack([...points(3, 1), { ...points(3, 1)[0] }]));
    expect(() => grid.apply({ remove: ['p0'], upsert: pack([]) })).toThrow(/"p0" is repeated/);
  });
});
