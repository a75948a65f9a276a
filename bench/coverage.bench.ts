/**
 * Coverage engine benchmark on generated data (seeded): 5,000 facilities × 100,000 population
 * points × 3 radii over the 21 boards, full recompute and one-facility moves; and side by side
 * the naive Turf approach (buffer each facility, union, intersect each board, area) at 100 and
 * 300 facilities, with the largest disagreement in percentage points.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { createCoverageModel } from '../src/analysis/coverage/model.ts';
import { boardContains, boardShape } from '../src/analysis/coverage/board-shape.ts';
import { frameForBbox, project } from '../src/analysis/coverage/local-frame.ts';
import { categoryTiers, type Facility, type FacilityGroup, type LonLat } from '../src/domain/facility.ts';
import type { PopulationInput } from '../src/domain/population.ts';
import { gb50180 } from '../src/data/gb50180.ts';
import { defaultBoards } from '../src/cli/default-data.ts';
import { mulberry32 } from './seeded.ts';

const RADII = [300, 500, 1000];
const CATS = ['kindergarten', 'primary-school', 'junior-middle-school', 'community-health-centre', 'fresh-market', 'elderly-day-care'];
const tiers = categoryTiers(gb50180.facilities);

const boards = defaultBoards().features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
const [w, s, e, n] = turf.bbox(defaultBoards()) as [number, number, number, number];
const frame = frameForBbox(w, s, e, n);
const shapes = boards.map((b) => boardShape(b.geometry, frame));

/** Random positions inside the boards (rejection sampling in the bbox). */
function insideBoards(count: number, random: () => number): LonLat[] {
  const out: LonLat[] = [];
  while (out.length < count) {
    const p: LonLat = [w + random() * (e - w), s + random() * (n - s)];
    const [x, y] = project(frame, p);
    if (shapes.some((sh) => boardContains(sh, x, y))) out.push(p);
  }
  return out;
}

function facilitiesOf(count: number, seed: number): Facility[] {
  const random = mulberry32(seed);
  return insideBoards(count, random).map((lonLat, i) => ({ id: `f${i}`, category: CATS[i % CATS.length], lonLat }));
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  return a[Math.floor(a.length / 2)];
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

function naiveTurf(facilities: Facility[], radiusM: number): number[] {
  const circles = facilities.map((f) => turf.circle(f.lonLat, radiusM, { units: 'meters', steps: 64 }));
  const u = turf.union(turf.featureCollection(circles)) as Feature<Polygon | MultiPolygon>;
  return boards.map((b) => {
    const inter = turf.intersect(turf.featureCollection([u, turf.feature(b.geometry)]));
    return inter ? turf.area(inter) / turf.area(b.geometry) : 0;
  });
}

export function run(): void {
  const facilities = facilitiesOf(5000, 1);
  const population: PopulationInput = {
    kind: 'points',
    points: insideBoards(100_000, mulberry32(2)).map((lonLat, i) => ({ lonLat, population: 1 + (i % 97) })),
  };
  const rows: Record<string, string>[] = [];
  for (const groups of [['any'], ['any', '15-min', '10-min', '5-min']] as FacilityGroup[][]) {
    const coldTimes: number[] = [];
    let model = createCoverageModel(boards, facilities, population, { radiiM: RADII, groups, categoryTiers: tiers });
    for (let k = 0; k < 3; k++) coldTimes.push(time(() => (model = createCoverageModel(boards, facilities, population, { radiiM: RADII, groups, categoryTiers: tiers })))[1]);
    // Full recompute of every facility, boards and population already prepared (e.g. a new facility layer).
    const times: number[] = [];
    for (let k = 0; k < 5; k++) times.push(time(() => model.setFacilities(facilities))[1]);
    // Drag: 300 small steps of one facility (≈ 20 m each), as while dragging on the map.
    const moveTimes: number[] = [];
    const f0 = facilities[123];
    for (let k = 0; k < 300; k++) {
      const p: LonLat = [f0.lonLat[0] + 0.0002 * Math.sin(k / 10) * (k % 7), f0.lonLat[1] + 0.0002 * Math.cos(k / 10) * (k % 5)];
      moveTimes.push(time(() => model.moveFacility(f0.id, p))[1]);
    }
    const [, resultMs] = time(() => model.result());
    rows.push({
      case: `engine 5000 fac × 100000 pop × 3 radii, groups=${groups.join('+')}`,
      'cold build ms (incl. preparing boards + population; median of 3)': median(coldTimes).toFixed(0),
      'full recompute ms (median of 5)': median(times).toFixed(1),
      'move ms (median / p95, incl. result)': `${median(moveTimes).toFixed(3)} / ${[...moveTimes].sort((a, b) => a - b)[Math.floor(0.95 * moveTimes.length)].toFixed(3)}`,
      'result() ms': resultMs.toFixed(3),
    });
  }
  console.table(rows);

  const cmp: Record<string, string>[] = [];
  for (const count of [100, 300]) {
    const fac = facilitiesOf(count, 3 + count);
    const [engine, engineMs] = time(() => createCoverageModel(boards, fac, { kind: 'none' }, { radiiM: RADII, groups: ['any'], categoryTiers: tiers }).result());
    let naiveMs = 0;
    let worstPp = 0;
    RADII.forEach((r, k) => {
      const [shares, ms] = time(() => naiveTurf(fac, r));
      naiveMs += ms;
      shares.forEach((v, b) => (worstPp = Math.max(worstPp, Math.abs(v - engine.boards[b].groups[0].radii[k].areaShare) * 100)));
    });
    cmp.push({
      facilities: String(count),
      'engine ms': engineMs.toFixed(1),
      'naive Turf ms': naiveMs.toFixed(0),
      'ratio (naive / engine)': (naiveMs / engineMs).toFixed(0),
      'largest disagreement (pp)': worstPp.toFixed(3),
    });
  }
  console.table(cmp);
}
