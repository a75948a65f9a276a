/** Inputs and results of the coverage engine: plain, structured-clone-able data. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CategoryTiers, FacilityGroup } from '../../domain/facility.ts';
import type { RangeOf, TierStandard } from '../../domain/life-circle.ts';

export interface CoverageBoard {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface RadiusCoverage {
  radiusM: number;
  /** Share (0–1) of the board's area within radiusM of at least one facility of the group. */
  areaShare: number;
  coveredAreaKm2: number;
  /** Share (0–1) of the board's residents within reach; null without population. */
  populationShare: number | null;
  coveredResidents: number | null;
}

/** Residents per facility against the standard's residents of one life-circle unit of the tier. */
export type StandardStatus = 'below' | 'within' | 'above';

export interface GroupCoverage {
  group: FacilityGroup;
  /** Facilities of the group inside the board. */
  facilities: number;
  /** Board residents ÷ facilities; null without population or without facilities. */
  residentsPerFacility: number | null;
  /** GB 50180-2018 表3.0.4 residents of one unit of this tier; null for `any`. */
  standardResidents: RangeOf | null;
  standardStatus: StandardStatus | null;
  radii: RadiusCoverage[];
}

export interface BoardCoverage {
  id: string;
  name: string;
  areaKm2: number;
  /** Residents of the board; null without population. */
  residents: number | null;
  groups: GroupCoverage[];
}

export interface CoverageResult {
  radiiM: number[];
  groups: FacilityGroup[];
  /** How distance is measured, for the UI and CLI to state. */
  distanceModel: 'straight-line, local equirectangular frame (WGS-84 radii of curvature at the centre latitude)';
  /** How residents are placed. */
  populationModel: 'none' | 'points' | 'cell-centroids' | 'uniform-assumption';
  boards: BoardCoverage[];
}

export interface CoverageOptions {
  /** Radii in metres (e.g. GB 50180 defaults 300, 500, 1000). */
  radiiM: number[];
  /** Groups to analyse; default every facility (`any`) and the 15-, 10- and 5-minute tiers. */
  groups?: FacilityGroup[];
  categoryTiers: CategoryTiers;
  /** GB 50180 tiers, for residents per facility against 表3.0.4. */
  tierStandards?: TierStandard[];
  /**
   * Point columns' arrays become the engine's (projected and reordered in place) instead of being
   * copied: a million points then cost no second set of columns. The caller must not use them after.
   */
  adoptPopulationColumns?: boolean;
}
