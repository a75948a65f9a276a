/**
 * The job–housing catchment geometry as a session (what src/workers/jobs-housing-api.ts serves in
 * the worker): it keeps the heavy planar geometry and answers with CatchmentShares (boards × parks
 * numbers) and the catchment rings in WGS-84 for the map. Editing jobs or dwellings needs no
 * worker round trip: computeJobsHousing(shares, inputs) is microseconds on the main thread.
 */
import type { Areal } from '../../geo/polygon-ops.ts';
import { catchmentsLonLat, prepareCatchments, sharesOf, withParkGeometry, type CatchmentGeometry, type CatchmentShares, type ParkShape } from './catchment-geometry.ts';
import type { JhBoard } from './types.ts';

export interface Catchments {
  shares: CatchmentShares;
  rings: { parkId: string; geometry: Areal }[];
  elapsedMs: number;
}

export class CatchmentSession {
  #state: CatchmentGeometry | null = null;

  /** @param now a clock in ms for elapsedMs (no clock in the core: the worker passes performance.now). */
  constructor(private readonly now: () => number = () => 0) {}

  /** Catchments of every park at `radiusKm` over these boards (replaces the session's geometry). */
  prepare(i: { boards: JhBoard[]; parks: ParkShape[]; radiusKm: number }): Catchments {
    const t0 = this.now();
    this.#state = prepareCatchments(i.boards, i.parks, i.radiusKm);
    return this.#answer(t0);
  }

  /** One park redrawn (null: removed), the others kept. Throws before `prepare`. */
  redrawPark(i: { parkId: string; geometry: Areal | null }): Catchments {
    const t0 = this.now();
    if (!this.#state) throw new Error('redraw-park before prepare');
    this.#state = withParkGeometry(this.#state, i.parkId, i.geometry);
    return this.#answer(t0);
  }

  #answer(t0: number): Catchments {
    const s = this.#state as CatchmentGeometry;
    return { shares: sharesOf(s), rings: catchmentsLonLat(s), elapsedMs: this.now() - t0 };
  }
}
