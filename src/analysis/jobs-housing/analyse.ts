/**
 * One-shot job–housing analysis (what the CLI runs): precompute catchment geometry, then the
 * arithmetic. The app instead keeps the CatchmentGeometry and reruns only computeJobsHousing
 * when a job figure or a dwelling count changes, and withParkGeometry when a park is redrawn.
 */
import { prepareCatchments } from './catchment-geometry.ts';
import { computeJobsHousing, type JobsHousingInputs } from './metrics.ts';
import type { JhBoard, JhPark, JobsHousingResult } from './types.ts';

export function analyseJobsHousing(
  boards: readonly JhBoard[],
  parks: readonly JhPark[],
  radiusKm: number,
  inputs: Omit<JobsHousingInputs, 'jobsByPark'>,
): JobsHousingResult {
  const cg = prepareCatchments(boards, parks, radiusKm);
  const jobsByPark = Object.fromEntries(parks.map((p) => [p.id, p.jobs]));
  return computeJobsHousing(cg, { ...inputs, jobsByPark });
}
