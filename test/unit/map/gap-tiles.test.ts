/**
 * Gap cells from the coverage worker to the tile worker, as the page passes them: the coverage
 * session behind a real MessageChannel answers `gaps` with packed boxes (transferred), gap-tiles.ts
 * forwards them, the tile worker cuts them into vector tiles, decoded with @mapbox/vector-tile as
 * MapLibre reads them. A gap cell is drawn where the engine put it, with its board; once a facility
 * moves onto it, the new cells no longer cover that place.
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Polygon, MultiPolygon } from 'geojson';
import { pointTilesApi, type PointTilesApi } from '../../../src/workers/point-tiles-api.ts';
import { coverageApi, type CoverageApi } from '../../../src/workers/coverage-api.ts';
import { WorkerClient } from '../../../src/workers/worker-client.ts';
import { POINT_TILE_LAYER, packedTransfer } from '../../../src/geo/packed-points.ts';
import { packFacilityBytesSteps } from '../../../src/analysis/coverage/packed-facility-bytes.ts';
import { runSteps } from '../../../src/analysis/coverage/packed-facilities.ts';
import { gapCollection, type GapCells } from '../../../src/analysis/coverage/gap-layer.ts';
import { isTiled } from '../../../src/map/overlay.ts';
import { gapTiles } from '../../../src/ui/coverage/gap-tiles.ts';
import { channelWorker } from '../../support/channel-worker.ts';
import { readCoverageFixture } from '../analysis/coverage/fixture-input.ts';

const tileOf = (lon: number, lat: number, z: number): [number, number] => {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
};

/** Boards of the tile's polygons that contain (lon, lat) (every drawn ring is a box, clipped or not). */
function boardsAt(buf: ArrayBuffer, z: number, x: number, y: number, lon: number, lat: number): string[] {
  const layer = new VectorTile(new PbfReader(new Uint8Array(buf))).layers[POINT_TILE_LAYER];
  if (!layer) return [];
  const out: string[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const g = f.toGeoJSON(x, y, z).geometry as Polygon | MultiPolygon;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const [ring] of polys) {
      const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
      if (lon >= Math.min(...xs) && lon <= Math.max(...xs) && lat >= Math.min(...ys) && lat <= Math.max(...ys)) out.push(String(f.properties.boardId));
    }
  }
  return out;
}

const fx = readCoverageFixture('test/fixtures/coverage/in/facility-outside-every-board.geojson');
const Z = 13;

describe('gap cells drawn by the tile worker', () => {
  it('draws a gap cell where the engine put it, with its board, and not once a facility moved there', async () => {
    const coverage = new WorkerClient<CoverageApi>(() => channelWorker(coverageApi()));
    const tiles = new WorkerClient<PointTilesApi>(() => channelWorker(pointTilesApi()));
    const facilities = runSteps(packFacilityBytesSteps(fx.facilities));
    await coverage.call('init', { boards: fx.boards, facilities, population: { kind: 'none' }, radiiM: [500], groups: ['any'] });
    const gaps = () => coverage.call('gaps', { group: 'any', radiusM: 500, cellSizeM: 50 }) as Promise<GapCells>;
    const send = async (g: GapCells) => {
      const d = gapTiles(g);
      if (!isTiled(d)) throw new Error('no gap cells to send');
      expect(gapTiles(g), 'the same cells are the same data (sent once)').toBe(d);
      const points = await d.pack();
      return tiles.call('set', { overlay: 'coverage-gaps', points }, { transfer: packedTransfer(points) });
    };
    const at = async (lon: number, lat: number) => {
      const [x, y] = tileOf(lon, lat, Z);
      return boardsAt(await tiles.call('tile', { overlay: 'coverage-gaps', z: Z, x, y }), Z, x, y, lon, lat);
    };

    const before = await gaps();
    expect(before.points.boxes).toBeInstanceOf(Float64Array);
    expect(before.points.count).toBeGreaterThan(0);
    // The widest run's middle: a gap the engine found (board a is 2 × 2 km; only 'in' at its centre reaches 500 m).
    const b = before.points.boxes!;
    let widest = 0;
    for (let i = 1; i < before.points.count; i++) if (b[4 * i + 2] - b[4 * i] > b[4 * widest + 2] - b[4 * widest]) widest = i;
    const spot: [number, number] = [(b[4 * widest] + b[4 * widest + 2]) / 2, (b[4 * widest + 1] + b[4 * widest + 3]) / 2];
    expect(await send(before)).toBe(before.points.count);
    expect(await at(...spot)).toEqual(['a']);
    // The page forwarded copies: its cells still read as GeoJSON, and agree with the engine's area.
    expect(gapCollection(before).features[0].properties.gapAreaKm2).toBeGreaterThan(0);

    await coverage.call('move', { facilityId: 'far', lonLat: spot });
    const after = await gaps();
    expect(after.points.count).toBeGreaterThan(0);
    expect(await send(after)).toBe(after.points.count);
    expect(await at(...spot), 'the moved facility covers the spot').toEqual([]);
    expect(after.boards[0].gapAreaKm2).toBeLessThan(before.boards[0].gapAreaKm2);
    coverage.terminate();
    tiles.terminate();
  });
});
