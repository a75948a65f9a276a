/**
 * The figures a planner reads per board and life-circle tier, each tier at its own radius:
 * facilities, area and resident shares in reach (straight line, and along streets when a
 * network was computed), residents per facility against GB 50180-2018 表3.0.4.
 */
import type { RangeOf } from '../../domain/life-circle.ts';
import type { NetworkRun } from './network-runs.ts';
import type { CoverageResult, StandardStatus } from './types.ts';

export const COVERAGE_TIERS = ['15-min', '10-min', '5-min'] as const;
export type CoverageTier = (typeof COVERAGE_TIERS)[number];
/** Walking radius (m) per tier. */
export type TierRadii = Record<CoverageTier, number>;

export interface NetworkFigures {
  areaShare: number;
  populationShare: number | null;
  /** Share of the board within the straight-line radius but beyond it along streets. */
  overClaimShare: number;
}

export interface TierFigures {
  boardId: string;
  tier: CoverageTier;
  radiusM: number;
  facilities: number;
  /** 0–1 share of the board's area within radiusM (straight line). */
  areaShare: number;
  populationShare: number | null;
  residents: number | null;
  residentsPerFacility: number | null;
  standardResidents: RangeOf | null;
  standardStatus: StandardStatus | null;
  /** Along streets; null without a network result for this tier and radius. */
  network: NetworkFigures | null;
}

/** The distinct radii (m) to compute, ascending. */
export function radiiOf(radii: TierRadii): number[] {
  return [...new Set(COVERAGE_TIERS.map((t) => radii[t]))].sort((a, b) => a - b);
}

/** Figures of one board and tier, or null when the result lacks the board, tier or radius. */
export function tierFigures(result: CoverageResult, networks: readonly NetworkRun[] | null, boardId: string, tier: CoverageTier, radiusM: number): TierFigures | null {
  const board = result.boards.find((b) => b.id === boardId);
  const group = board?.groups.find((g) => g.group === tier);
  const r = group?.radii.find((x) => x.radiusM === radiusM);
  if (!board || !group || !r) return null;
  const run = networks?.find((n) => n.group === tier && n.radiusM === radiusM);
  const nb = run?.coverage.boards.find((b) => b.id === boardId)?.radii[0];
  return {
    boardId,
    tier,
    radiusM,
    facilities: group.facilities,
    areaShare: r.areaShare,
    populationShare: r.populationShare,
    residents: board.residents,
    residentsPerFacility: group.residentsPerFacility,
    standardResidents: group.standardResidents,
    standardStatus: group.standardStatus,
    network: nb ? { areaShare: nb.areaShare, populationShare: nb.populationShare ?? null, overClaimShare: nb.overClaimShare } : null,
  };
}
