/** The worker protocol's network request: stateless, one run per tier at its radius, beside the straight-line figures. */
import { describe, expect, it } from 'vitest';
import { CoverageSession } from '../../../../src/analysis/coverage/coverage-session.ts';
import { tierFigures } from '../../../../src/analysis/coverage/tier-figures.ts';
import type { CoverageBoard } from '../../../../src/analysis/coverage/types.ts';
import type { Facility } from '../../../../src/domain/facility.ts';

// A 2 km × 2 km board near Wenzhou (≈ 0.0204° lon × 0.018° lat) with one street along its middle row.
const W = 120.6;
const S = 28.0;
const board: CoverageBoard = { id: 'b', name: 'B', geometry: { type: 'Polygon', coordinates: [[[W, S], [W + 0.0204, S], [W + 0.0204, S + 0.018], [W, S + 0.018], [W, S]]] } };
const midLat = S + 0.009;
const street = Array.from({ length: 21 }, (_, i) => [W + (0.0204 * i) / 20, midLat]);
const facilities: Facility[] = [
  { id: 'k', category: 'kindergarten', lonLat: [W + 0.0102, midLat] },
  { id: 'p', category: 'primary-school', lonLat: [W + 0.005, midLat] },
];

describe('network request', () => {
  it('needs no init and answers one run per tier, never covering more than the straight line', () => {
    const s = new CoverageSession();
    const reply = s.network({ boards: [board], facilities, streets: [street], runs: [{ group: '5-min', radiusM: 300 }, { group: '10-min', radiusM: 500 }], sampleSpacingM: 25 });
    expect(reply.runs.map((r) => [r.group, r.radiusM])).toEqual([['5-min', 300], ['10-min', 500]]);
    const init = s.init({ boards: [board], facilities, population: { kind: 'none' }, radiiM: [300, 500] });
    for (const [tier, r] of [['5-min', 300], ['10-min', 500]] as const) {
      const f = tierFigures(init.result, reply.runs, 'b', tier, r)!;
      expect(f.network, tier).not.toBeNull();
      // Along one street through the facility, "walk along + straight access leg ≤ r" is a diamond
      // (|dx| + |dy| ≤ r): 2/π ≈ 0.64 of the disk, up to the 25 m sampling.
      const ratio = f.network!.areaShare / f.areaShare;
      expect(ratio, tier).toBeGreaterThan(0.55);
      expect(ratio, tier).toBeLessThan(0.75);
      // Straight line says covered, street says not: the over-claim is the difference (up to sampling).
      expect(f.network!.overClaimShare).toBeCloseTo(f.areaShare - f.network!.areaShare, 1);
    }
    const over = reply.runs[0].coverage.overClaim.features.find((x) => x.properties.boardId === 'b')!;
    expect(over.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('tierFigures is null for a tier or radius the result does not hold', () => {
    const s = new CoverageSession();
    const init = s.init({ boards: [board], facilities, population: { kind: 'none' }, radiiM: [300] });
    expect(tierFigures(init.result, null, 'b', '5-min', 300)).toMatchObject({ facilities: 1, network: null });
    expect(tierFigures(init.result, null, 'b', '5-min', 500)).toBeNull();
    expect(tierFigures(init.result, null, 'nope', '5-min', 300)).toBeNull();
  });
});
