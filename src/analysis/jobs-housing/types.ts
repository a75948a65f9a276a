/** Inputs and outputs of the job–housing (职住平衡) engine: plain, structured-clone-able data. */
import type { Areal } from '../../geo/polygon-ops.ts';

/** A board as the engine needs it. */
export interface JhBoard {
  id: string;
  name: string;
  geometry: Areal;
}

/** An employment area (产业园区/就业区), e.g. 经开区. `jobs` = number of jobs (就业岗位). */
export interface JhPark {
  id: string;
  name: string;
  jobs: number;
  geometry: Areal;
}

export const VERDICTS = ['housing-rich', 'balanced', 'jobs-rich', 'unknown'] as const;

/**
 * How a park's jobs are counted towards the boards that reach it:
 * - `every-board`: each job counts in full for every board whose area lies in the park's
 *   catchment (JOBS_IN_REACH_FORMULA) — a job 5 km from three boards counts three times;
 * - `shared`: the boards compete for the park's jobs, which are split among them in proportion
 *   to the dwellings each has in the catchment, so every job is counted once (SHARED_JOBS_FORMULA;
 *   the two-step floating catchment area method, Luo & Wang 2003).
 */
export const JOB_COUNTINGS = ['every-board', 'shared'] as const;
export type JobCounting = (typeof JOB_COUNTINGS)[number];
export type Verdict = (typeof VERDICTS)[number];

/** The balanced band of the chosen ratio, jobs per dwelling (geodata/standards/jobs-housing.json). */
export interface BalancedBand {
  minJobsPerDwelling: number;
  maxJobsPerDwelling: number;
}

/** The housing side of one board under one scenario. */
export interface HousingSide {
  /**
   * Jobs in reach of the board (see JobCounting). Counted for every board, it does not depend on
   * dwellings; shared by competition, it does (planned units take a larger share).
   */
  jobsInReach: number;
  /** Dwellings (套); null when unknown. */
  dwellings: number | null;
  /** jobsInReach / dwellings; null when dwellings is null or 0. */
  jobsHousingRatio: number | null;
  verdict: Verdict;
}

export interface BoardJobsHousing extends HousingSide {
  id: string;
  name: string;
  /** Share (0–1) of the board's area within the catchment of any employment area. */
  overlapShare: number;
  /** Planned units added to the board's dwellings (0 when none). */
  plannedUnits: number;
  /** The same board with planned units added to its dwellings. */
  withPlanned: HousingSide;
}

export interface JobsHousingSummary {
  /** Total jobs of all employment areas (each job counted once). */
  totalJobs: number;
  /** Total dwellings of the boards whose dwellings are known. */
  totalDwellings: number;
  totalDwellingsWithPlanned: number;
  /** totalJobs / totalDwellings, null when no dwellings. */
  cityRatio: number | null;
  cityRatioWithPlanned: number | null;
  /** Mean overlap share weighted by board area (= share of the boards' total area within reach). */
  areaWeightedOverlapShare: number;
  verdictCounts: Record<Verdict, number>;
  verdictCountsWithPlanned: Record<Verdict, number>;
  /** Ids of boards whose verdict changes when planned units are added. */
  changedByPlanned: string[];
}

export interface JobsHousingResult {
  radiusKm: number;
  /** How jobs were counted towards boards. */
  jobCounting: JobCounting;
  boards: BoardJobsHousing[];
  summary: JobsHousingSummary;
}
