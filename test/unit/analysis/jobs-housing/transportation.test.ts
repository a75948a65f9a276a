import { describe, expect, it } from 'vitest';
import { solveTransportation, commuteBounds, commutingPotentialUtilised, excessCommuting } from '../../../../src/analysis/jobs-housing/index.ts';

/** Seeded LCG (Numerical Recipes constants) so the random problems are the same every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Optimality certificate, independent of the solver: a feasible flow is optimal iff its
 * residual network has no negative-cost cycle (Bellman–Ford from a virtual root).
 */
function residualHasNegativeCycle(flows: number[][], cost: number[][]): boolean {
  const m = flows.length, n = flows[0].length;
  const edges: [number, number, number][] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      edges.push([i, m + j, cost[i][j]]);
      if (flows[i][j] > 1e-12) edges.push([m + j, i, -cost[i][j]]);
    }
  const dist = new Array<number>(m + n).fill(0);
  for (let k = 0; k < m + n; k++) for (const [a, b, c] of edges) if (dist[a] + c < dist[b] - 1e-9) dist[b] = dist[a] + c;
  return edges.some(([a, b, c]) => dist[a] + c < dist[b] - 1e-9);
}

describe('solveTransportation', () => {
  it('solves a 2 × 2 problem by hand', () => {
    // Home A (10) is next to job X; home B (10) next to job Y; X takes 15, Y 5.
    // Best: A→X 10, B→X 5, B→Y 5; cost 10·1 + 5·4 + 5·1 = 35.
    const s = solveTransportation([10, 10], [15, 5], [[1, 5], [4, 1]]);
    expect(s.totalCost).toBeCloseTo(35, 9);
    expect(s.flows[0][0]).toBeCloseTo(10, 9);
    expect(s.flows[1][0]).toBeCloseTo(5, 9);
    expect(s.flows[1][1]).toBeCloseTo(5, 9);
    expect(residualHasNegativeCycle(s.flows, [[1, 5], [4, 1]])).toBe(false);
    // The certificate does catch a worse plan (everyone commutes across): 50 + 40 + … > 35.
    expect(residualHasNegativeCycle([[5, 5], [10, 0]], [[1, 5], [4, 1]])).toBe(true);
  });

  it('finds feasible, optimal flows on seeded random problems (including negative costs)', () => {
    const rand = rng(20261125);
    for (let k = 0; k < 40; k++) {
      const m = 1 + Math.floor(rand() * 8), n = 1 + Math.floor(rand() * 6);
      const supply = Array.from({ length: m }, () => rand() * 100);
      const demandRaw = Array.from({ length: n }, () => rand() * 100 + 1);
      const total = supply.reduce((a, b) => a + b, 0);
      const dsum = demandRaw.reduce((a, b) => a + b, 0);
      const demand = demandRaw.map((d) => (d * total) / dsum);
      const sign = k % 2 ? -1 : 1;
      const cost = supply.map(() => demand.map(() => sign * rand() * 20));
      const s = solveTransportation(supply, demand, cost);
      s.flows.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(supply[i], 6));
      demand.forEach((d, j) => expect(s.flows.reduce((a, row) => a + row[j], 0)).toBeCloseTo(d, 6));
      for (const row of s.flows) for (const x of row) expect(x).toBeGreaterThanOrEqual(-1e-9);
      expect(residualHasNegativeCycle(s.flows, cost)).toBe(false);
    }
  });

  it('rejects unbalanced or malformed problems', () => {
    expect(() => solveTransportation([1], [2], [[1]])).toThrow(/unbalanced/);
    expect(() => solveTransportation([1, 1], [2], [[1]])).toThrow(/matrix/);
    expect(() => solveTransportation([-1], [-1], [[1]])).toThrow(/≥ 0/);
  });
});

describe('commuteBounds', () => {
  const homes = [[120.6, 28.0], [120.8, 28.0]];
  const parks = [[120.6, 28.0], [120.8, 28.0]];

  it('is 0 when every home has its jobs on the spot, and orders min ≤ random ≤ max', () => {
    const b = commuteBounds(homes, [100, 300], parks, [1, 3])!;
    expect(b.minMeanKm).toBeCloseTo(0, 9);
    expect(b.randomMeanKm).toBeGreaterThan(b.minMeanKm);
    expect(b.maxMeanKm).toBeGreaterThanOrEqual(b.randomMeanKm);
    // Max: 1/4 of workers at home 0 go to park 1 and 1/4 of jobs at park 0 are filled from home 1.
    const dKm = 19.66; // 0.2° of longitude at 28° N on the sphere of radius 6371.0088 km
    expect(b.maxMeanKm).toBeCloseTo(0.5 * dKm, 1);
  });

  it('normalises workers and jobs, so employed residents per dwelling cancel', () => {
    const a = commuteBounds(homes, [100, 300], parks, [3, 1])!;
    const b = commuteBounds(homes, [130, 390], parks, [3000, 1000])!;
    expect(b.minMeanKm).toBeCloseTo(a.minMeanKm, 9);
    expect(a.minMeanKm).toBeGreaterThan(0);
  });

  it('is null without workers or jobs', () => {
    expect(commuteBounds(homes, [0, 0], parks, [1, 1])).toBeNull();
  });

  it('turns an observed commute into Horner’s and White’s measures', () => {
    const b = { minMeanKm: 2, maxMeanKm: 12 };
    expect(commutingPotentialUtilised(5, b)).toBeCloseTo(0.3, 12);
    expect(excessCommuting(5, b)).toBeCloseTo(0.6, 12);
    expect(commutingPotentialUtilised(5, { minMeanKm: 3, maxMeanKm: 3 })).toBeNull();
  });
});
