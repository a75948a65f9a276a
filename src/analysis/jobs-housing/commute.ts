/**
 * Commute bounds for the given homes and jobs (Hamilton 1982; White 1988; Horner 2002):
 * the minimum and maximum possible mean commute (transportation problems) and the mean
 * under random assignment. ASSUMPTIONS (state them with the figures): each board's
 * workers are proportional to its dwellings (the same employed residents per dwelling
 * everywhere, so that number cancels), every worker works in one of the employment areas and
 * every park job is filled by a board resident (a closed system: totals are normalised to
 * shares), and commute = straight-line distance between the board's and the park's label
 * points (not along roads, not within boards or parks).
 */
import type { Position } from 'geojson';
import { distanceM, labelPoint } from '../../geo/measure.ts';
import type { Areal } from '../../geo/polygon-ops.ts';
import { solveTransportation } from './transportation.ts';

export interface CommuteBounds {
  /** Least possible mean commute, km. */
  minMeanKm: number;
  /** Greatest possible mean commute, km. */
  maxMeanKm: number;
  /** Mean commute if workplaces were assigned at random (proportionally), km. */
  randomMeanKm: number;
  /** Share of all workers commuting from home i to park j in the minimum solution (sums to 1). */
  minFlowShares: number[][];
}

/**
 * Mean-commute bounds. `workers[i]` at `homes[i]`, `jobs[j]` at `parks[j]` (lon/lat); the
 * totals need not match (each side is normalised to shares). Null when either total is 0.
 */
export function commuteBounds(homes: readonly Position[], workers: readonly number[], parks: readonly Position[], jobs: readonly number[]): CommuteBounds | null {
  const w = workers.reduce((s, x) => s + x, 0);
  const J = jobs.reduce((s, x) => s + x, 0);
  if (!(w > 0) || !(J > 0)) return null;
  const supply = workers.map((x) => x / w);
  const demand = jobs.map((x) => x / J);
  const km = homes.map((h) => parks.map((p) => distanceM(h, p) / 1000));
  const min = solveTransportation(supply, demand, km);
  const max = solveTransportation(supply, demand, km.map((row) => row.map((d) => -d)));
  let randomMeanKm = 0;
  for (let i = 0; i < homes.length; i++) for (let j = 0; j < parks.length; j++) randomMeanKm += supply[i] * demand[j] * km[i][j];
  return { minMeanKm: min.totalCost, maxMeanKm: -max.totalCost, randomMeanKm, minFlowShares: min.flows };
}

/** Horner (2002) commuting potential utilised: (T_obs − T_min) / (T_max − T_min); null if T_max = T_min. */
export function commutingPotentialUtilised(observedMeanKm: number, b: Pick<CommuteBounds, 'minMeanKm' | 'maxMeanKm'>): number | null {
  const range = b.maxMeanKm - b.minMeanKm;
  return range > 0 ? (observedMeanKm - b.minMeanKm) / range : null;
}

/** Excess commuting (White 1988; Horner 2002): (T_obs − T_min) / T_obs; null if T_obs ≤ 0. */
export function excessCommuting(observedMeanKm: number, b: Pick<CommuteBounds, 'minMeanKm'>): number | null {
  return observedMeanKm > 0 ? (observedMeanKm - b.minMeanKm) / observedMeanKm : null;
}

/**
 * Commute bounds for boards and employment areas: homes at each board's label point with
 * workers ∝ dwellings (unknown dwellings count 0), jobs at each park's label point.
 */
export function commuteBoundsForBoards(
  boards: readonly { id: string; geometry: Areal }[],
  dwellingsByBoard: Readonly<Record<string, number | null | undefined>>,
  parks: readonly { geometry: Areal; jobs: number }[],
): CommuteBounds | null {
  return commuteBounds(
    boards.map((b) => labelPoint(b.geometry)),
    boards.map((b) => dwellingsByBoard[b.id] ?? 0),
    parks.map((p) => labelPoint(p.geometry)),
    parks.map((p) => p.jobs),
  );
}
