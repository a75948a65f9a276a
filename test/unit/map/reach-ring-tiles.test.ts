/**
 * Reach rings drawn by the tile worker (src/ui/coverage/reach-ring-tiles.ts picks the centres,
 * src/geo/point-tile-index.ts draws the circles): over a real MessageChannel, decoded with
 * @mapbox/vector-tile as MapLibre reads them. A ring is where its facility is, at the tier's
 * radius, in the tier's colour; another tier's facilities have none; a new tier replaces them.
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { LineString, MultiLineString } from 'geojson';
import { pointTilesApi, type PointTilesApi } from '../../../src/workers/point-tiles-api.ts';
import { WorkerClient } from '../../../src/workers/worker-client.ts';
import { POINT_TILE_LAYER, decodeColumns, packedTransfer } from '../../../src/geo/packed-points.ts';
import { makeLocalFrame } from '../../../src/geo/local-frame.ts';
import { isTiled, type OverlayData } from '../../../src/map/overlay.ts';
import { reachRingTiles, type RingChoice } from '../../../src/ui/coverage/reach-ring-tiles.ts';
import { TIER_COLORS } from '../../../src/ui/coverage/coverage-overlays.ts';
import type { Facility } from '../../../src/domain/facility.ts';
import { channelWorker } from '../../support/channel-worker.ts';

const tileOf = (lon: number, lat: number, z: number): [number, number] => {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
};

interface Ring { id: string; color: string; vertices: [number, number][] }
function decode(buf: ArrayBuffer, z: number, x: number, y: number): Ring[] {
  const layer = new VectorTile(new PbfReader(new Uint8Array(buf))).layers[POINT_TILE_LAYER];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => {
    const f = layer.feature(i);
    const g = f.toGeoJSON(x, y, z).geometry as LineString | MultiLineString;
    const vertices = (g.type === 'LineString' ? g.coordinates : g.coordinates.flat()) as [number, number][];
    return { id: String(f.properties.id), color: String(f.properties.color), vertices };
  });
}
/** Metres from a centre (local frame at the centre). */
const distanceM = (c: readonly number[], p: readonly number[]) => {
  const f = makeLocalFrame(c[0], c[1]);
  return Math.hypot((p[0] - c[0]) * f.kx, (p[1] - c[1]) * f.ky);
};

const fs: Facility[] = [
  { id: 'school-a', category: 'primary-school', lonLat: [120.65, 28.05] },
  { id: 'school-b', category: 'primary-school', lonLat: [120.7, 28.03] },
  { id: 'kg', category: 'kindergarten', lonLat: [120.62, 28.07] },
  { id: 'odd', category: 'no-such-category', lonLat: [120.6, 28.06] },
];
const choice = (c: Partial<RingChoice>): RingChoice => ({ facilities: fs, tier: '10-min', radiiM: { '15-min': 1000, '10-min': 500, '5-min': 300 }, selected: null, hiddenId: null, maxRings: 2000, ...c });

describe('reach rings from the tile worker', () => {
  it('draws each ring of the tier around its facility at the radius, and a new tier replaces them', async () => {
    const client = new WorkerClient<PointTilesApi>(() => channelWorker(pointTilesApi()));
    const send = async (d: OverlayData) => {
      if (!isTiled(d)) throw new Error('no rings to send');
      const points = await d.pack();
      expect(points.columnsUtf8.byteLength + points.lonLat.byteLength, 'centres are sent, not vertices').toBeLessThan(200);
      return client.call('set', { overlay: 'coverage-rings', points }, { transfer: packedTransfer(points) });
    };
    const tile = async (z: number, lon: number, lat: number) => {
      const [x, y] = tileOf(lon, lat, z);
      return decode(await client.call('tile', { overlay: 'coverage-rings', z, x, y }), z, x, y);
    };

    expect(await send(reachRingTiles(choice({})))).toBe(2);
    // One low-zoom tile holds both rings whole; every vertex lies on the circle (1 unit ≈ 9.5 m at z10).
    const low = await tile(10, 120.65, 28.05);
    expect(low.map((r) => r.id).sort()).toEqual(['school-a', 'school-b']);
    for (const r of low) {
      const c = fs.find((f) => f.id === r.id)!.lonLat;
      expect(r.color).toBe(TIER_COLORS['10-min']);
      expect(r.vertices.length).toBeGreaterThanOrEqual(8);
      for (const v of r.vertices) expect(Math.abs(distanceM(c, v) - 500)).toBeLessThan(15);
      // All around the centre: east, west, north and south of it.
      expect(Math.max(...r.vertices.map((v) => v[0]))).toBeGreaterThan(c[0] + 0.004);
      expect(Math.min(...r.vertices.map((v) => v[0]))).toBeLessThan(c[0] - 0.004);
      expect(Math.max(...r.vertices.map((v) => v[1]))).toBeGreaterThan(c[1] + 0.004);
      expect(Math.min(...r.vertices.map((v) => v[1]))).toBeLessThan(c[1] - 0.004);
    }
    // At the deepest zoom the ring's east point is at 500 m within a metre or two.
    const east: [number, number] = [fs[0].lonLat[0] + 500 / makeLocalFrame(fs[0].lonLat[0], fs[0].lonLat[1]).kx, fs[0].lonLat[1]];
    const deep = (await tile(14, ...east)).find((r) => r.id === 'school-a')!;
    expect(deep.vertices.length).toBeGreaterThan(2);
    for (const v of deep.vertices) expect(Math.abs(distanceM(fs[0].lonLat, v) - 500)).toBeLessThan(2);
    // The kindergarten (5-min) and the unknown category have no 10-min ring.
    expect(await tile(14, ...fs[2].lonLat)).toEqual([]);

    // The 5-min tier: only the kindergarten's ring, at 300 m; the schools' rings are gone.
    expect(await send(reachRingTiles(choice({ tier: '5-min' })))).toBe(1);
    const kg = await tile(10, 120.65, 28.05);
    expect(kg.map((r) => [r.id, r.color])).toEqual([['kg', TIER_COLORS['5-min']]]);
    for (const v of kg[0].vertices) expect(Math.abs(distanceM(fs[2].lonLat, v) - 300)).toBeLessThan(15);
    expect(await tile(14, ...east)).toEqual([]);
  });

  it('a selected facility shows its own ring only (at its tier), hidden while dragged; too many rings draw none', async () => {
    const selected = reachRingTiles(choice({ tier: '5-min', selected: fs[1] }));
    expect(isTiled(selected) && selected.count).toBe(1);
    const p = isTiled(selected) ? await selected.pack() : null;
    expect(p && { ids: decodeColumns(p).id, radiusM: p.ringRadiusM, lonLat: [...p.lonLat] }).toEqual({ ids: ['school-b'], radiusM: 500, lonLat: fs[1].lonLat });
    const untiered = reachRingTiles(choice({ tier: '15-min', selected: fs[3] }));
    expect(isTiled(untiered) && (await untiered.pack()).ringRadiusM).toBe(1000);
    expect(reachRingTiles(choice({ selected: fs[1], hiddenId: 'school-b' }))).toEqual({ type: 'FeatureCollection', features: [] });
    const dragged = reachRingTiles(choice({ hiddenId: 'school-a' }));
    expect(isTiled(dragged) && decodeColumns(await dragged.pack()).id).toEqual(['school-b']);
    expect(reachRingTiles(choice({ maxRings: 1 }))).toEqual({ type: 'FeatureCollection', features: [] });
    expect(reachRingTiles(choice({ tier: '15-min' }))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
