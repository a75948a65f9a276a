/** Moving, adding and removing facilities incrementally gives the same result as computing from scratch. */
import { describe, expect, it } from 'vitest';
import { createCoverageModel } from '../../../../src/analysis/coverage/model.ts';
import { categoryTiers, type Facility, type LonLat } from '../../../../src/domain/facility.ts';
import type { PopulationInput } from '../../../../src/domain/population.ts';
import { gb50180 } from '../../../../src/data/gb50180.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import type { CoverageResult } from '../../../../src/analysis/coverage/types.ts';

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tiers = categoryTiers(gb50180.facilities);
const boards = defaultBoards.features.filter((f) => ['jiucheng', 'yangshuang', 'jingxin', 'wutian'].includes(f.properties.id)).map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
const CATS = ['kindergarten', 'primary-school', 'junior-middle-school', 'community-health-station'];
const options = { radiiM: [300, 500, 1000], categoryTiers: tiers, tierStandards: gb50180.tiers };

function expectSame(a: CoverageResult, b: CoverageResult): void {
  a.boards.forEach((ba, i) => {
    ba.groups.forEach((ga, j) => {
      const gb = b.boards[i].groups[j];
      expect(ga.facilities, `${ba.id} ${ga.group}`).toBe(gb.facilities);
      ga.radii.forEach((ra, k) => {
        expect(ra.areaShare).toBeCloseTo(gb.radii[k].areaShare, 9);
        expect(ra.populationShare ?? -1).toBeCloseTo(gb.radii[k].populationShare ?? -1, 9);
      });
    });
  });
}

describe('incremental coverage updates', () => {
  const random = rng(7);
  const [w, s, e, n] = [120.58, 27.96, 120.72, 28.04];
  const at = (): LonLat => [w + random() * (e - w), s + random() * (n - s)];
  const facilities: Facility[] = Array.from({ length: 120 }, (_, i) => ({ id: `f${i}`, category: CATS[i % CATS.length], lonLat: at() }));
  const population: PopulationInput = { kind: 'points', points: Array.from({ length: 3000 }, () => ({ lonLat: at(), population: 1 + Math.floor(random() * 50) })) };

  it('move, add and remove match a full recompute', () => {
    const model = createCoverageModel(boards, facilities, population, options);
    const current = new Map(facilities.map((f) => [f.id, { ...f }]));
    for (let step = 0; step < 40; step++) {
      const id = `f${Math.floor(random() * 120)}`;
      if (!current.has(id)) continue;
      const to = at();
      model.moveFacility(id, to);
      current.get(id)!.lonLat = to;
    }
    // Onto another facility's exact position (coincident facilities).
    model.moveFacility('f1', current.get('f2')!.lonLat);
    current.get('f1')!.lonLat = current.get('f2')!.lonLat;
    model.addFacility({ id: 'new', category: 'kindergarten', lonLat: [120.65, 28.0] });
    current.set('new', { id: 'new', category: 'kindergarten', lonLat: [120.65, 28.0] });
    model.removeFacility('f3');
    current.delete('f3');
    const incremental = model.result();
    const full = createCoverageModel(boards, [...current.values()], population, options).result();
    expectSame(incremental, full);
  });

  it('moving a facility changes the board figures where it goes', () => {
    const model = createCoverageModel(boards, [{ id: 'k', category: 'kindergarten', lonLat: [100, 0] }], { kind: 'none' }, options);
    const before = model.result().boards.map((b) => b.groups[0].radii[0].areaShare);
    expect(before.every((v) => v === 0)).toBe(true);
    const after = model.moveFacility('k', [120.655, 28.005]).boards.map((b) => b.groups[0].radii[0].areaShare);
    expect(Math.max(...after)).toBeGreaterThan(0);
  });
});

describe('population shares are exact for points', () => {
  it('equal the brute-force share of residents within the radius (local frame)', () => {
    const random = rng(11);
    const fac: Facility[] = Array.from({ length: 30 }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', lonLat: [120.6 + random() * 0.1, 27.97 + random() * 0.06] }));
    const pts = Array.from({ length: 2000 }, () => ({ lonLat: [120.6 + random() * 0.1, 27.97 + random() * 0.06] as LonLat, population: 1 + Math.floor(random() * 9) }));
    const model = createCoverageModel(boards, fac, { kind: 'points', points: pts }, { ...options, groups: ['any'] });
    const { frame } = model;
    const xy = (p: LonLat) => [(p[0] - frame.lon0) * frame.kx, (p[1] - frame.lat0) * frame.ky];
    const r = model.result();
    r.boards.forEach((b) => {
      b.groups[0].radii.forEach((rc) => {
        if (rc.populationShare === null || b.residents === null) return;
        // Brute force over the points the engine placed in this board (its residents total).
        let covered = 0;
        let total = 0;
        for (const p of pts) {
          const inBoard = model.boardOf(p.lonLat) === b.id;
          if (!inBoard) continue;
          total += p.population;
          const [px, py] = xy(p.lonLat);
          if (fac.some((f) => { const [fx, fy] = xy(f.lonLat); return (fx - px) ** 2 + (fy - py) ** 2 <= rc.radiusM ** 2; })) covered += p.population;
        }
        expect(total).toBe(b.residents);
        expect(rc.coveredResidents).toBe(covered);
      });
    });
  });
});
