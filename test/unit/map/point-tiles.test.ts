/**
 * The point-tiles worker's answer (src/workers/point-tiles-api.ts over a real MessageChannel, as
 * the page calls it): a tile holds exactly the points inside it, with their properties; an empty
 * area gives an empty tile; a moved, added or removed point changes the tiles it touches. Tiles
 * are decoded with @mapbox/vector-tile, the reader MapLibre uses.
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { pointTilesApi, type PointTilesApi } from '../../../src/workers/point-tiles-api.ts';
import { WorkerClient } from '../../../src/workers/worker-client.ts';
import { POINT_TILE_LAYER, packedTransfer } from '../../../src/geo/packed-points.ts';
import { facilityChange, packFacilityPoints, packFacilityPointsSliced } from '../../../src/ui/coverage/facility-points.ts';
import { facilityTiles } from '../../../src/ui/coverage/facility-tiles.ts';
import { packFacilities } from '../../../src/analysis/coverage/packed-facilities.ts';
import type { Facility } from '../../../src/domain/facility.ts';
import { channelWorker, type ChannelWorker } from '../../support/channel-worker.ts';
import { pointTilesClient } from '../../../src/workers/point-tiles-client.ts';

const Z = 12;
const tileOf = (lon: number, lat: number, z: number): [number, number] => {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
};

/** 3,000 seeded facilities over central Wenzhou, with every category the tiers know and one they do not. */
function facilities(): Facility[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const categories = ['kindergarten', 'primary-school', 'fresh-market', 'community-health-station', 'no-such-category'];
  return Array.from({ length: 3000 }, (_, i) => ({ id: `f${i}`, category: categories[i % categories.length], lonLat: [120.55 + rand() * 0.2, 27.95 + rand() * 0.1] as [number, number] }));
}

interface Decoded { id: string; tier: string; category: string; lonLat: [number, number]; inside: boolean }
function decode(buf: ArrayBuffer, z: number, x: number, y: number): Decoded[] {
  const tile = new VectorTile(new PbfReader(new Uint8Array(buf)));
  const layer = tile.layers[POINT_TILE_LAYER];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => {
    const f = layer.feature(i);
    const [[p]] = f.loadGeometry();
    const g = f.toGeoJSON(x, y, z).geometry as GeoJSON.Point;
    return { id: String(f.properties.id), tier: String(f.properties.tier), category: String(f.properties.category), lonLat: g.coordinates as [number, number], inside: p.x >= 0 && p.x < layer.extent && p.y >= 0 && p.y < layer.extent };
  });
}

async function session(fs: Facility[]) {
  const client = new WorkerClient<PointTilesApi>(() => channelWorker(pointTilesApi()));
  const points = packFacilityPoints(fs);
  expect(await client.call('set', { overlay: 'facilities', points }, { transfer: packedTransfer(points) })).toBe(fs.length);
  expect(points.lonLat.byteLength, 'coordinates were transferred, not copied').toBe(0);
  expect(points.columnsUtf8.byteLength, 'texts were transferred, not copied').toBe(0);
  const tile = async (z: number, x: number, y: number) => decode(await client.call('tile', { overlay: 'facilities', z, x, y }), z, x, y);
  return { client, tile };
}

/** Where a point falls in tile z/x/y, in tile units (0–4096 inside the tile). */
const unitsIn = (lonLat: [number, number], z: number, x: number, y: number): [number, number] => {
  const n = 2 ** z;
  const r = (lonLat[1] * Math.PI) / 180;
  return [(((lonLat[0] + 180) / 360) * n - x) * 4096, (((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n - y) * 4096];
};
/** Points within `margin` tile units of the tile (negative: that far inside its edges). */
const within = (fs: Facility[], z: number, x: number, y: number, margin: number) =>
  fs.filter((f) => unitsIn(f.lonLat, z, x, y).every((u) => u >= -margin && u < 4096 + margin)).map((f) => f.id).sort();
/** The tile buffer: 128 of 4096 units (16 px of a 512 px tile). */
const BUFFER = 128;

describe('point tiles', () => {
  const fs = facilities();

  it('a tile holds exactly the points inside it, with their id, category and tier, where they are', async () => {
    const { tile } = await session(fs);
    const [x, y] = tileOf(fs[0].lonLat[0], fs[0].lonLat[1], Z);
    const got = await tile(Z, x, y);
    const ids = got.map((d) => d.id);
    // Every point inside the tile, and in its buffer (so a dot at the edge is not cut), is there,
    // and none farther; positions are rounded to whole tile units, so a point within one unit of
    // a boundary may fall either way.
    const inside = within(fs, Z, x, y, -1);
    expect(inside.length).toBeGreaterThan(100);
    const missing = (want: string[], have: string[]) => {
      const set = new Set(have);
      return want.filter((id) => !set.has(id));
    };
    expect(missing(inside, got.filter((d) => d.inside).map((d) => d.id))).toEqual([]);
    expect(missing(within(fs, Z, x, y, BUFFER - 1), ids)).toEqual([]);
    expect(missing(ids, within(fs, Z, x, y, BUFFER + 1))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(fs.map((f) => [f.id, f]));
    // 1 tile unit at z12 is under 3 m: the positions are the file's within 0.00003°.
    const wrong = got.filter((d) => {
      const f = byId.get(d.id)!;
      return d.category !== f.category || Math.abs(d.lonLat[0] - f.lonLat[0]) >= 3e-5 || Math.abs(d.lonLat[1] - f.lonLat[1]) >= 3e-5;
    });
    expect(wrong).toEqual([]);
    const tiers = Object.fromEntries(got.map((d) => [d.category, d.tier]));
    expect(tiers).toMatchObject({ kindergarten: '5-min', 'primary-school': '10-min', 'no-such-category': 'other' });
    // At a low zoom one tile holds them all: every point, or one on its half pixel (4 tile units; the
    // same picture: 3,000 points make 786 spots at zoom 6).
    const [x0, y0] = tileOf(120.65, 28.0, 6);
    const low = await tile(6, x0, y0);
    const spot = (u: [number, number]) => u.map((v) => Math.floor((Math.round(v) + 128) / 4)).join();
    const spots = new Set(low.map((d) => spot(unitsIn(byId.get(d.id)!.lonLat, 6, x0, y0))));
    expect(spots.size).toBe(low.length);
    expect(fs.filter((f) => !spots.has(spot(unitsIn(f.lonLat, 6, x0, y0)))).map((f) => f.id)).toEqual([]);
    expect(low.length).toBeLessThan(fs.length);
  });

  it('an area without points gives an empty tile', async () => {
    const { client, tile } = await session(fs);
    const [x, y] = tileOf(125.5, 30.5, Z); // the East China Sea
    expect((await client.call('tile', { overlay: 'facilities', z: Z, x, y })).byteLength).toBe(0);
    expect(await tile(Z, x, y)).toEqual([]);
    await expect(client.call('tile', { overlay: 'no-such-overlay', z: Z, x, y })).rejects.toThrow(/no points for overlay "no-such-overlay"/);
  });

  it('a moved point leaves its old tile and appears in its new one; adds and removals too', async () => {
    const { client, tile } = await session(fs);
    const [ax, ay] = tileOf(fs[0].lonLat[0], fs[0].lonLat[1], Z);
    const to: [number, number] = [120.9, 27.8];
    const [bx, by] = tileOf(to[0], to[1], Z);
    expect((await tile(Z, bx, by)).map((d) => d.id)).not.toContain('f0');
    const moved = [{ ...fs[0], lonLat: to }, ...fs.slice(1)];
    const change = facilityChange(fs, moved)!;
    expect(change.remove).toEqual(['f0']);
    expect(await client.call('change', { overlay: 'facilities', change })).toBe(fs.length);
    expect((await tile(Z, ax, ay)).map((d) => d.id)).not.toContain('f0');
    const there = (await tile(Z, bx, by)).find((d) => d.id === 'f0')!;
    expect(there.lonLat[0]).toBeCloseTo(to[0], 4);
    expect(there.lonLat[1]).toBeCloseTo(to[1], 4);

    const added = [...moved, { id: 'new', category: 'fresh-market', lonLat: [120.91, 27.81] as [number, number] }];
    expect(await client.call('change', { overlay: 'facilities', change: facilityChange(moved, added)! })).toBe(fs.length + 1);
    expect((await tile(Z, ...tileOf(120.91, 27.81, Z))).map((d) => d.id)).toContain('new');
    const removed = added.filter((f) => f.id !== 'f0');
    expect(await client.call('change', { overlay: 'facilities', change: facilityChange(added, removed)! })).toBe(fs.length);
    expect((await tile(Z, bx, by)).map((d) => d.id)).not.toContain('f0');
  });

  it('sends a long run of changes as a new set, and gives the same list the same tiled data', async () => {
    const all = fs.map((f) => ({ ...f }));
    expect(facilityChange(fs, all)).toBeNull();
    expect(facilityChange(fs, fs)).toEqual({ remove: [], upsert: expect.objectContaining({ count: 0 }) });
    expect(facilityTiles(fs)).toBe(facilityTiles(fs));
    expect(facilityTiles(fs).count).toBe(fs.length);
    // A change is only worked out against this overlay's earlier data.
    expect(await facilityTiles(all).changeFrom(facilityTiles(fs))).toBeNull();
    expect((await facilityTiles(fs.slice(1)).changeFrom(facilityTiles(fs)))?.remove).toEqual(['f0']);
  });
});

describe('a tile worker that stops', () => {
  it('a tile asked of a worker that crashes, or of the next one before its points are back, comes from a restarted worker', async () => {
    const fs = facilities();
    const workers: ChannelWorker[] = [];
    const client = pointTilesClient(() => {
      workers.push(channelWorker(pointTilesApi()));
      return workers[workers.length - 1];
    });
    // The page's held data: packed again (sliced, asynchronous) for a restarted worker.
    client.connect(() => [['facilities', { pack: () => packFacilityPointsSliced(fs) }]]);
    client.set('facilities', packFacilityPoints(fs));
    const [x, y] = tileOf(fs[0].lonLat[0], fs[0].lonLat[1], Z);
    const want = decode(await client.tile('facilities', Z, x, y, new AbortController().signal), Z, x, y).map((d) => d.id).sort();
    expect(want.length).toBeGreaterThan(100);
    // Crash while the tile is asked: the worker's 'error' rejects the call; the client asks a new worker.
    const pending = client.tile('facilities', Z, x, y, new AbortController().signal);
    workers[0].crash('out of memory');
    expect(decode(await pending, Z, x, y).map((d) => d.id).sort()).toEqual(want);
    expect(workers).toHaveLength(2);
    // Stopped between two tiles: the next tile starts a worker that has no points yet, and waits for them.
    client.terminate();
    expect(decode(await client.tile('facilities', Z, x, y, new AbortController().signal), Z, x, y).map((d) => d.id).sort()).toEqual(want);
    expect(workers).toHaveLength(3);
    // A cancelled tile is not asked again, and a tile of an overlay no worker holds still fails.
    const abort = new AbortController();
    const cancelled = client.tile('facilities', Z, x, y, abort.signal);
    abort.abort();
    await expect(cancelled).rejects.toThrow(/cancelled/);
    await expect(client.tile('no-such-overlay', Z, x, y, new AbortController().signal)).rejects.toThrow(/no points for overlay/);
    expect(workers).toHaveLength(3);
  });
});

/** The JSON text of packed points' columns. */
const json = (p: { columnsUtf8: Uint8Array }) => new TextDecoder().decode(p.columnsUtf8);

describe('packing facilities for the tile worker', () => {
  it('packs in slices exactly what it packs in one go', async () => {
    const fs = Array.from({ length: 25_000 }, (_, i) => ({ id: `p${i}`, category: i % 3 ? 'kindergarten' : 'x', lonLat: [120 + i * 1e-6, 28 - i * 1e-6] as [number, number] }));
    const [a, b] = [packFacilityPoints(fs), await packFacilityPointsSliced(fs)];
    expect(b.count).toBe(25_000);
    expect(json(b)).toBe(json(a));
    expect(Array.from(b.lonLat.subarray(0, 4))).toEqual([120, 28, 120 + 1e-6, 28 - 1e-6]);
    expect(Buffer.from(b.lonLat.buffer).equals(Buffer.from(a.lonLat.buffer))).toBe(true);
    expect(JSON.parse(json(b)).tier.slice(0, 3)).toEqual(['other', '5-min', '5-min']);
    expect(json(await packFacilityPointsSliced([]))).toBe('{"id":[],"category":[],"tier":[]}');
    // One packer: the tile columns are the coverage worker's packed texts (packFacilities), plus the tier.
    const coverage = packFacilities(fs);
    const columns = JSON.parse(json(b)) as Record<string, string[]>;
    expect(Object.keys(columns)).toEqual(['id', 'category', 'tier']);
    expect(columns.id).toEqual(JSON.parse(coverage.idsJson));
    expect(columns.category).toEqual(JSON.parse(coverage.categoriesJson));
    expect(Buffer.from(coverage.lonLat.buffer).equals(Buffer.from(a.lonLat.buffer))).toBe(true);
  });
});
