/**
 * The arithmetic half of the job–housing engine: given precomputed overlaps (CatchmentShares),
 * jobs per park and dwellings per board, the per-board figures, verdicts and a city summary.
 * O(boards × parks); no geometry, so it reruns on every keystroke of a job figure.
 */
import type { CatchmentShares } from './catchment-geometry.ts';
import { VERDICTS, type BalancedBand, type BoardJobsHousing, type HousingSide, type JobsHousingResult, type Verdict } from './types.ts';

export interface JobsHousingInputs {
  /** Jobs per park id; a park missing here counts 0 jobs. */
  jobsByPark: Readonly<Record<string, number>>;
  /** Dwellings (套) per board id; null/missing = unknown. */
  dwellingsByBoard: Readonly<Record<string, number | null | undefined>>;
  /** Planned units (套) per board id from supply allocations, added to dwellings in `withPlanned`. */
  plannedUnitsByBoard?: Readonly<Record<string, number>>;
  band: BalancedBand;
}

/** The verdict for a ratio (jobs per dwelling); bounds are inclusive on the balanced side. */
export function verdictFor(ratio: number | null, band: BalancedBand): Verdict {
  if (ratio === null || !Number.isFinite(ratio)) return 'unknown';
  if (ratio < band.minJobsPerDwelling) return 'housing-rich';
  if (ratio > band.maxJobsPerDwelling) return 'jobs-rich';
  return 'balanced';
}

function housingSide(jobsInReach: number, dwellings: number | null, band: BalancedBand): HousingSide {
  const jobsHousingRatio = dwellings !== null && dwellings > 0 ? jobsInReach / dwellings : null;
  return { dwellings, jobsHousingRatio, verdict: verdictFor(jobsHousingRatio, band) };
}

function countVerdicts(vs: Verdict[]): Record<Verdict, number> {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const v of vs) out[v]++;
  return out;
}

/** Jobs in reach of each board (JOBS_IN_REACH_FORMULA), in the order of cg.boardIds. */
export function jobsInReachByBoard(cg: CatchmentShares, jobsByPark: Readonly<Record<string, number>>): number[] {
  const jobs = cg.parkIds.map((id) => jobsByPark[id] ?? 0);
  return cg.share.map((row) => row.reduce((sum, s, p) => sum + s * jobs[p], 0));
}

/** Per-board figures and the city summary. Does not mutate its inputs. */
export function computeJobsHousing(cg: CatchmentShares, inputs: JobsHousingInputs): JobsHousingResult {
  const reach = jobsInReachByBoard(cg, inputs.jobsByPark);
  const boards: BoardJobsHousing[] = cg.boardIds.map((id, b) => {
    const known = inputs.dwellingsByBoard[id];
    const dwellings = typeof known === 'number' && Number.isFinite(known) ? known : null;
    const plannedUnits = inputs.plannedUnitsByBoard?.[id] ?? 0;
    const withPlannedDwellings = dwellings === null ? null : dwellings + plannedUnits;
    return {
      id,
      name: cg.boardNames[b],
      overlapShare: cg.overlapShare[b],
      jobsInReach: reach[b],
      ...housingSide(reach[b], dwellings, inputs.band),
      plannedUnits,
      withPlanned: housingSide(reach[b], withPlannedDwellings, inputs.band),
    };
  });
  const totalJobs = cg.parkIds.reduce((s, id) => s + (inputs.jobsByPark[id] ?? 0), 0);
  const totalDwellings = boards.reduce((s, r) => s + (r.dwellings ?? 0), 0);
  const totalDwellingsWithPlanned = boards.reduce((s, r) => s + (r.withPlanned.dwellings ?? 0), 0);
  const totalAreaM2 = cg.boardAreaM2.reduce((s, a) => s + a, 0);
  return {
    radiusKm: cg.radiusKm,
    boards,
    summary: {
      totalJobs,
      totalDwellings,
      totalDwellingsWithPlanned,
      cityRatio: totalDwellings > 0 ? totalJobs / totalDwellings : null,
      cityRatioWithPlanned: totalDwellingsWithPlanned > 0 ? totalJobs / totalDwellingsWithPlanned : null,
      areaWeightedOverlapShare: totalAreaM2 > 0 ? cg.overlapShare.reduce((s, o, b) => s + o * cg.boardAreaM2[b], 0) / totalAreaM2 : 0,
      verdictCounts: countVerdicts(boards.map((r) => r.verdict)),
      verdictCountsWithPlanned: countVerdicts(boards.map((r) => r.withPlanned.verdict)),
      changedByPlanned: boards.filter((r) => r.verdict !== r.withPlanned.verdict).map((r) => r.id),
    },
  };
}
