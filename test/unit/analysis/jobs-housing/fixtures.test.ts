/**
 * Golden fixtures of the job–housing metrics: test/fixtures/jobs-housing/in/*.geojson (boards
 * and parks with `role`, parameters in the collection's `properties`) → out/*.json.
 * REGEN=1 rewrites the goldens; the analytic expectations below must hold either way.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { expectGolden } from '../../../support/golden.ts';
import type { Feature, FeatureCollection } from 'geojson';
import { analyseJobsHousing, type JhBoard, type JhPark, type JobCounting, type JobsHousingResult } from '../../../../src/analysis/jobs-housing/index.ts';
import type { Areal } from '../../../../src/geo/polygon-ops.ts';

const DIR = new URL('../../../fixtures/jobs-housing/', import.meta.url);
const BAND = { minJobsPerDwelling: 1.3, maxJobsPerDwelling: 1.7 };

/**
 * Run a fixture with its own parameters: `radiusKm` and optional `jobCounting` on the collection
 * (`counting` overrides it), dwellings and optional `plannedUnits` on each board (else the
 * planned units below, by id).
 */
function run(name: string, counting?: JobCounting): JobsHousingResult {
  const fc = JSON.parse(readFileSync(new URL(`in/${name}`, DIR), 'utf8')) as FeatureCollection & { properties: { radiusKm: number; jobCounting?: JobCounting } };
  const props = (f: Feature) => f.properties as Record<string, string & number>;
  const boards: JhBoard[] = fc.features.filter((f) => props(f).role === 'board').map((f) => ({ id: props(f).id, name: props(f).name, geometry: f.geometry as Areal }));
  const parks: JhPark[] = fc.features.filter((f) => props(f).role === 'park').map((f) => ({ id: props(f).id, name: props(f).name, jobs: props(f).jobs, geometry: f.geometry as Areal }));
  const boardFeatures = fc.features.filter((f) => props(f).role === 'board');
  const dwellingsByBoard = Object.fromEntries(boardFeatures.map((f) => [props(f).id, props(f).dwellings]));
  const planned = Object.fromEntries(boardFeatures.filter((f) => props(f).plannedUnits !== undefined).map((f) => [props(f).id, props(f).plannedUnits]));
  return analyseJobsHousing(boards, parks, fc.properties.radiusKm, {
    dwellingsByBoard,
    band: BAND,
    plannedUnitsByBoard: { inside: 500, outside: 100000, ...planned },
    jobCounting: counting ?? fc.properties.jobCounting ?? 'every-board',
  });
}

/** Round every number to 6 significant digits so goldens do not churn on float noise. */
function truncate(x: unknown): unknown {
  if (typeof x === 'number') return Number(x.toPrecision(6));
  if (Array.isArray(x)) return x.map(truncate);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, truncate(v)]));
  return x;
}

describe('jobs-housing golden fixtures', () => {
  for (const name of readdirSync(new URL('in/', DIR)).filter((f) => f.endsWith('.geojson'))) {
    it(name, () => {
      const got = truncate(run(name));
      const outUrl = new URL(`out/${name.replace(/\.geojson$/, '.json')}`, DIR);
      expectGolden(got, outUrl);
    });
  }

  it('inside / outside / straddling a catchment, and zero dwellings', () => {
    const r = Object.fromEntries(run('inside-outside-straddle.geojson').boards.map((b) => [b.id, b]));
    expect(r.inside.overlapShare).toBeCloseTo(1, 6);
    expect(r.inside.jobsInReach).toBeCloseTo(2000, 3);
    expect(r.inside.jobsHousingRatio).toBeCloseTo(2, 5);
    expect(r.inside.verdict).toBe('jobs-rich');
    // 500 planned units: 2000 jobs / 1500 dwellings = 1.33, inside the 1.3–1.7 band.
    expect(r.inside.withPlanned.dwellings).toBe(1500);
    expect(r.inside.withPlanned.verdict).toBe('balanced');
    expect(r.outside.overlapShare).toBe(0);
    expect(r.outside.jobsInReach).toBe(0);
    expect(r.outside.verdict).toBe('housing-rich');
    // 1.5–3.5 km from the edge with a 2 km catchment: a quarter of the board.
    expect(r.straddle.overlapShare).toBeCloseTo(0.25, 3);
    expect(r.straddle.jobsInReach).toBeCloseTo(500, 0);
    expect(r.straddle.dwellings).toBe(0);
    expect(r.straddle.jobsHousingRatio).toBeNull();
    expect(r.straddle.verdict).toBe('unknown');
    expect(r.outside.withPlanned.verdict).toBe('housing-rich');
  });

  it('a MultiPolygon park reaches from both parts; overlapping catchments count once in overlapShare', () => {
    const res = run('multipolygon-park.geojson');
    const r = Object.fromEntries(res.boards.map((b) => [b.id, b]));
    expect(r.between.overlapShare).toBeCloseTo(1 / 3, 3);
    expect(r.between.jobsInReach).toBeCloseTo(1000, 0);
    expect(r.between.verdict).toBe('housing-rich');
    expect(r['near-both'].overlapShare).toBeCloseTo(1, 3);
    expect(r['near-both'].jobsInReach).toBeCloseTo(0.5 * 3000 + 0.5 * 1000, 0);
    expect(r['near-both'].jobsHousingRatio).toBeCloseTo(2000 / 1300, 3);
    expect(r['near-both'].verdict).toBe('balanced');
    expect(res.summary.totalJobs).toBe(4000);
    expect(res.summary.cityRatio).toBeCloseTo(4000 / 2800, 9);
  });

  it('shared by competition: each park’s jobs are split by the dwellings in its catchment, each job counted once', () => {
    const res = run('competition-shared.geojson');
    expect(res.jobCounting).toBe('shared');
    const r = Object.fromEntries(res.boards.map((b) => [b.id, b]));
    // Demand on P: 1000 + 2000 + 0.5 × 2000 = 4000 weighted dwellings for 6000 jobs → 1.5 each.
    expect(r.a.jobsInReach).toBeCloseTo(1500, 0);
    expect(r.a.jobsHousingRatio).toBeCloseTo(1.5, 4);
    expect(r.a.verdict).toBe('balanced');
    expect(r.b.jobsInReach).toBeCloseTo(3000, 0);
    expect(r.b.verdict).toBe('balanced');
    expect(r.c.overlapShare).toBeCloseTo(0.5, 3);
    expect(r.c.jobsInReach).toBeCloseTo(1500, 0);
    expect(r.c.jobsHousingRatio).toBeCloseTo(0.75, 3);
    expect(r.c.verdict).toBe('housing-rich');
    // No dwellings: no share of the jobs, no ratio.
    expect(r.d.jobsInReach).toBe(0);
    expect(r.d.verdict).toBe('unknown');
    expect(r.e.jobsInReach).toBe(0);
    // Every job of P is counted once; Q reaches no dwellings, so its jobs reach no board.
    expect(res.boards.reduce((s, b) => s + b.jobsInReach, 0)).toBeCloseTo(6000, 6);
    // 1000 planned units on A raise the demand to 5000 → 1.2 jobs per weighted dwelling, for every board.
    expect(r.a.withPlanned.dwellings).toBe(2000);
    expect(r.a.withPlanned.jobsInReach).toBeCloseTo(2400, 0);
    expect(r.a.withPlanned.jobsHousingRatio).toBeCloseTo(1.2, 4);
    expect(r.b.withPlanned.jobsHousingRatio).toBeCloseTo(1.2, 4);
    expect(r.b.withPlanned.verdict).toBe('housing-rich');
    expect(r.c.withPlanned.jobsInReach).toBeCloseTo(1200, 0);
    expect(res.summary.changedByPlanned.sort()).toEqual(['a', 'b']);
  });

  it('counted for every board, the same fixture counts P’s jobs in full for each board that reaches it', () => {
    const res = run('competition-shared.geojson', 'every-board');
    expect(res.jobCounting).toBe('every-board');
    const r = Object.fromEntries(res.boards.map((b) => [b.id, b]));
    expect(r.a.jobsInReach).toBeCloseTo(6000, 3);
    expect(r.a.verdict).toBe('jobs-rich');
    expect(r.b.jobsHousingRatio).toBeCloseTo(3, 6);
    expect(r.c.jobsInReach).toBeCloseTo(3000, 0);
    expect(r.c.verdict).toBe('balanced');
    expect(r.d.jobsInReach).toBeCloseTo(6000, 3);
    // Planned units change the dwellings, not the jobs in reach.
    expect(r.a.withPlanned.jobsInReach).toBe(r.a.jobsInReach);
    // 6000 jobs counted for A, B and D, half of them for C: 21,000 in all, 3.5 times P's jobs.
    expect(res.boards.reduce((s, b) => s + b.jobsInReach, 0)).toBeCloseTo(21000, 0);
  });
});
