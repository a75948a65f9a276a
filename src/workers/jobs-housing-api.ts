/**
 * The job–housing worker's API (src/workers/jobs-housing.worker.ts serves it): one catchment
 * session's methods. Free of worker globals, so it is tested in Node.
 */
import { CatchmentSession } from '../analysis/jobs-housing/catchment-session.ts';
import type { ParkShape } from '../analysis/jobs-housing/catchment-geometry.ts';
import type { JhBoard } from '../analysis/jobs-housing/types.ts';
import type { Areal } from '../geo/polygon-ops.ts';

export function jobsHousingApi(session = new CatchmentSession(() => performance.now())) {
  return {
    prepare: (i: { boards: JhBoard[]; parks: ParkShape[]; radiusKm: number }) => session.prepare(i),
    redrawPark: (i: { parkId: string; geometry: Areal | null }) => session.redrawPark(i),
  };
}

export type JobsHousingApi = ReturnType<typeof jobsHousingApi>;
