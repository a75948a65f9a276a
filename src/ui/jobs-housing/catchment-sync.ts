/**
 * Decides what the job–housing worker must recompute when the inputs change: nothing (only
 * jobs or dwellings changed: the main thread redoes the arithmetic), one park's catchment (a
 * park was redrawn or moved), or everything (boards, radius or the set of parks changed).
 * Pure: compares the last-sent inputs with the current ones by reference.
 */
import type { Areal } from '../../geo/polygon-ops.ts';
import type { JhBoard, ParkShape } from '../../analysis/jobs-housing/index.ts';
import type { JobsHousingApi } from '../../workers/jobs-housing-api.ts';

export interface SentInputs {
  boardsKey: unknown;
  radiusKm: number;
  parks: ReadonlyMap<string, Areal>;
}

/** One call to the job–housing worker (src/workers/jobs-housing-api.ts), tagged with its kind. */
export type CatchmentRequest = ({ type: 'prepare' } & Parameters<JobsHousingApi['prepare']>[0]) | ({ type: 'redraw-park' } & Parameters<JobsHousingApi['redrawPark']>[0]);

/** The requests (without ids) that bring the worker from `sent` to the current inputs; [] when nothing changed. */
export function catchmentRequests(sent: SentInputs | null, boardsKey: unknown, boards: () => JhBoard[], parks: readonly ParkShape[], radiusKm: number): CatchmentRequest[] {
  const sameParkIds = sent !== null && sent.parks.size === parks.length && parks.every((p) => sent.parks.has(p.id));
  if (!sent || sent.boardsKey !== boardsKey || sent.radiusKm !== radiusKm || !sameParkIds) {
    return [{ type: 'prepare', boards: boards(), parks: parks.map((p) => ({ id: p.id, geometry: p.geometry })), radiusKm }];
  }
  return parks.filter((p) => sent.parks.get(p.id) !== p.geometry).map((p) => ({ type: 'redraw-park', parkId: p.id, geometry: p.geometry }));
}

/** What was sent after `catchmentRequests`. */
export function sentInputs(boardsKey: unknown, parks: readonly ParkShape[], radiusKm: number): SentInputs {
  return { boardsKey, radiusKm, parks: new Map(parks.map((p) => [p.id, p.geometry])) };
}
