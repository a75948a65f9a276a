/**
 * The engine against an exact polygon computation: Turf circles with many steps, unioned,
 * intersected with the board, areas compared (spherical Turf vs the engine's local frame).
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createCoverageModel } from '../../../../src/analysis/coverage/model.ts';
import { categoryTiers, type Facility } from '../../../../src/domain/facility.ts';
import { gb50180 } from '../../../../src/data/gb50180.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';

/** Mulberry32: deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tiers = categoryTiers(gb50180.facilities);
const boards = defaultBoards.features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));

function turfShare(board: Polygon | MultiPolygon, facilities: Facility[], radiusM: number): number {
  const circles = facilities.map((f) => turf.circle(f.lonLat, radiusM, { units: 'meters', steps: 720 }));
  const u = circles.length > 1 ? turf.union(turf.featureCollection(circles)) : circles[0];
  const inter = u ? turf.intersect(turf.featureCollection([u as Feature<Polygon | MultiPolygon>, turf.feature(board)])) : null;
  return inter ? turf.area(inter) / turf.area(board) : 0;
}

// The reference (Turf buffer → union → intersect) takes 1–2 s per board alone and 5–10 s on a loaded
// 2-core machine: a timeout here would fail for the machine, not the engine.
describe('coverage engine vs union of Turf buffers', { timeout: 60_000 }, () => {
  const random = rng(42);
  for (const id of ['jiucheng', 'xianli-chashan', 'dongtou-island', 'wutian']) {
    it(`agrees within 0.5 pp on ${id} with 1–5 facilities near its edges`, () => {
      const board = boards.find((b) => b.id === id)!;
      const [w, s, e, n] = turf.bbox(board.geometry);
      for (let trial = 0; trial < 3; trial++) {
        const count = 1 + Math.floor(random() * 5);
        const facilities: Facility[] = Array.from({ length: count }, (_, k) => ({
          id: `f${k}`,
          category: 'kindergarten',
          // Up to 10 % outside the bbox, so some facilities sit outside the board.
          lonLat: [w - 0.1 * (e - w) + random() * 1.2 * (e - w), s - 0.1 * (n - s) + random() * 1.2 * (n - s)],
        }));
        const radiiM = [300, 500, 1000];
        const r = createCoverageModel([board], facilities, { kind: 'none' }, { radiiM, groups: ['any'], categoryTiers: tiers }).result();
        radiiM.forEach((radiusM, k) => {
          const expected = turfShare(board.geometry, facilities, radiusM);
          expect(Math.abs(r.boards[0].groups[0].radii[k].areaShare - expected) * 100, `${id} trial ${trial} r=${radiusM}`).toBeLessThan(0.5);
        });
      }
    });
  }
});
