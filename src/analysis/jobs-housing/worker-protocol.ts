/**
 * Typed messages between the app and src/workers/jobs-housing.worker.ts, and the pure handler
 * the worker runs (testable in Node). The worker keeps the heavy planar geometry; it answers
 * with CatchmentShares (boards × parks numbers) and the catchment rings in WGS-84 for the map.
 * Editing jobs or dwellings needs no worker round trip: computeJobsHousing(shares, inputs) is
 * microseconds on the main thread.
 */
import type { Areal } from '../../geo/polygon-ops.ts';
import { catchmentsLonLat, prepareCatchments, sharesOf, withParkGeometry, type CatchmentGeometry, type CatchmentShares, type ParkShape } from './catchment-geometry.ts';
import type { JhBoard } from './types.ts';

export type JhWorkerRequest =
  | { type: 'prepare'; requestId: number; boards: JhBoard[]; parks: ParkShape[]; radiusKm: number }
  | { type: 'redraw-park'; requestId: number; parkId: string; geometry: Areal | null };

export type JhWorkerResponse =
  | { type: 'catchments'; requestId: number; shares: CatchmentShares; rings: { parkId: string; geometry: Areal }[]; elapsedMs: number }
  | { type: 'error'; requestId: number; message: string };

/** One request: the new worker state and the response to post. `nowMs` is injected (no clock in the core). */
export function handleJobsHousingRequest(
  state: CatchmentGeometry | null,
  req: JhWorkerRequest,
  nowMs: () => number,
): { state: CatchmentGeometry | null; response: JhWorkerResponse } {
  const t0 = nowMs();
  try {
    let next: CatchmentGeometry;
    if (req.type === 'prepare') next = prepareCatchments(req.boards, req.parks, req.radiusKm);
    else if (!state) return { state, response: { type: 'error', requestId: req.requestId, message: 'redraw-park before prepare' } };
    else next = withParkGeometry(state, req.parkId, req.geometry);
    return { state: next, response: { type: 'catchments', requestId: req.requestId, shares: sharesOf(next), rings: catchmentsLonLat(next), elapsedMs: nowMs() - t0 } };
  } catch (e) {
    return { state, response: { type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) } };
  }
}
