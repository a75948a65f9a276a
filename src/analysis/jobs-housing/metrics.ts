/**
 * The arithmetic half of the job–housing engine: given precomputed overlaps (CatchmentShares),
 * jobs per park and dwellings per board, the per-board figures, verdicts and a city summary.
 * O(boards × parks); no geometry, so it reruns on every keystroke of a job figure.
 */
import type { CatchmentShares } from './catchment-geometry.ts';
import { VERDICTS, type BalancedBand, type BoardJobsHousing, type HousingSide, type JobCounting, type JobsHousingResult, type Verdict } from './types.ts';

export interface JobsHousingInputs {
  /** Jobs per park id; a park missing here counts 0 jobs. */
  jobsByPark: Readonly<Record<string, number>>;
  /** Dwellings (套) per board id; null/missing = unknown. */
  dwellingsByBoard: Readonly<Record<string, number | null | undefined>>;
  /** Planned units (套) per board id from supply allocations, added to dwellings in `withPlanned`. */
  plannedUnitsByBoard?: Readonly<Record<string, number>>;
  band: BalancedBand;
  /** Count each job for every board that reaches it (default), or share it among them (JobCounting). */
  jobCounting?: JobCounting;
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
  return { jobsInReach, dwellings, jobsHousingRatio, verdict: verdictFor(jobsHousingRatio, band) };
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

/**
 * Jobs in reach of each board when boards compete for a park's jobs (SHARED_JOBS_FORMULA):
 * park p's jobs are split among the boards in proportion to share[b][p] × dwellings_b, so each
 * job is counted once. Boards with unknown (null) or zero dwellings take no share; the jobs of
 * a park with no dwellings in its catchment reach no board. In the order of cg.boardIds.
 */
function sharedJobsInReachByBoard(cg: CatchmentShares, jobsByPark: Readonly<Record<string, number>>, dwellings: readonly (number | null)[]): number[] {
  const d = dwellings.map((x) => (x !== null && x > 0 ? x : 0));
  const demand = cg.parkIds.map((_, p) => cg.share.reduce((sum, row, b) => sum + row[p] * d[b], 0));
  const jobsPerDwelling = cg.parkIds.map((id, p) => (demand[p] > 0 ? (jobsByPark[id] ?? 0) / demand[p] : 0));
  return cg.share.map((row, b) => d[b] * row.reduce((sum, s, p) => sum + s * jobsPerDwelling[p], 0));
}

/** Per-board figures and the city summary. Does not mutate its inputs. */
export function computeJobsHousing(cg: CatchmentShares, inputs: JobsHousingInputs): JobsHousingResult {
  const jobCounting = inputs.jobCounting ?? 'every-board';
  const dwellingsOf = cg.boardIds.map((id) => {
    const known = inputs.dwellingsByBoard[id];
    return typeof known === 'number' && Number.isFinite(known) ? known : null;
  });
  const plannedOf = cg.boardIds.map((id) => inputs.plannedUnitsByBoard?.[id] ?? 0);
  const withPlannedOf = dwellingsOf.map((d, b) => (d === null ? null : d + plannedOf[b]));
  const everyBoard = jobCounting === 'every-board' ? jobsInReachByBoard(cg, inputs.jobsByPark) : null;
  const reach = everyBoard ?? sharedJobsInReachByBoard(cg, inputs.jobsByPark, dwellingsOf);
  const reachWithPlanned = everyBoard ?? sharedJobsInReachByBoard(cg, inputs.jobsByPark, withPlannedOf);
  const boards: BoardJobsHousing[] = cg.boardIds.map((id, b) => ({
    id,
    name: cg.boardNames[b],
    overlapShare: cg.overlapShare[b],
    ...housingSide(reach[b], dwellingsOf[b], inputs.band),
    plannedUnits: plannedOf[b],
    withPlanned: housingSide(reachWithPlanned[b], withPlannedOf[b], inputs.band),
  }));
  const totalJobs = cg.parkIds.reduce((s, id) => s + (inputs.jobsByPark[id] ?? 0), 0);
  const totalDwellings = boards.reduce((s, r) => s + (r.dwellings ?? 0), 0);
  const totalDwellingsWithPlanned = boards.reduce((s, r) => s + (r.withPlanned.dwellings ?? 0), 0);
  const totalAreaM2 = cg.boardAreaM2.reduce((s, a) => s + a, 0);
  return {
    radiusKm: cg.radiusKm,
    jobCounting,
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
