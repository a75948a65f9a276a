/**
 * Network coverage for several facility groups, each at its own radius (e.g. the 5-minute tier
 * at 300 m, the 10-minute tier at 500 m): one `networkCoverage` run per group. Stateless, so it
 * can run in its own worker and never hold up the straight-line engine while a facility is dragged.
 */
import type { Position } from 'geojson';
import { tierOf, type CategoryTiers, type Facility, type FacilityGroup } from '../../domain/facility.ts';
import type { PopulationPoint } from '../../domain/population.ts';
import { bboxOf } from '../../geo/measure.ts';
import { frameForBbox } from './local-frame.ts';
import { networkCoverage, type NetworkCoverage } from './network-coverage.ts';
import type { CoverageBoard } from './types.ts';

export interface NetworkRunSpec {
  group: FacilityGroup;
  radiusM: number;
}

export interface NetworkRun extends NetworkRunSpec {
  coverage: NetworkCoverage;
}

export interface NetworkRunsInput {
  boards: CoverageBoard[];
  facilities: Facility[];
  /** Street lines (WGS-84 lon/lat positions), noded at shared vertices. */
  streets: Position[][];
  runs: NetworkRunSpec[];
  population?: PopulationPoint[];
  /** Spacing (m) of the sample grid for area shares; default 100. */
  sampleSpacingM?: number;
}

/** One network-coverage result per requested group and radius, in request order. */
export function networkRuns(input: NetworkRunsInput, tiers: CategoryTiers): NetworkRun[] {
  if (input.boards.length === 0) return input.runs.map((r) => ({ ...r, coverage: { boards: [], overClaim: { type: 'FeatureCollection', features: [] } } }));
  const boxes = input.boards.map((b) => bboxOf(b.geometry));
  const frame = frameForBbox(
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  );
  return input.runs.map((run) => {
    const facilities = input.facilities.filter((f) => run.group === 'any' || tierOf(f.category, tiers) === run.group).map((f) => f.lonLat);
    const coverage = networkCoverage({
      boards: input.boards,
      facilities,
      streets: input.streets,
      radiiM: [run.radiusM],
      population: input.population,
      frame,
      sampleSpacingM: input.sampleSpacingM ?? 100,
    });
    return { ...run, coverage };
  });
}
