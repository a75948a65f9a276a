/**
 * The coverage worker's API (src/workers/coverage.worker.ts serves it): the methods of one
 * CoverageSession. Free of worker globals, so it is tested in Node.
 */
import { CoverageSession, type CoverageInit } from '../analysis/coverage/coverage-session.ts';
import type { FacilityGroup, Facility, LonLat } from '../domain/facility.ts';
import type { NetworkRunsInput } from '../analysis/coverage/network-runs.ts';

export function coverageApi(session = new CoverageSession(() => performance.now())) {
  return {
    init: (i: CoverageInit) => session.init(i),
    move: (i: { facilityId: string; lonLat: LonLat }) => session.move(i),
    add: (i: { facility: Facility }) => session.add(i),
    remove: (i: { facilityId: string }) => session.remove(i),
    gaps: (i: { group: FacilityGroup; radiusM: number; cellSizeM?: number }) => session.gaps(i),
    rings: (i: { facilityIds?: string[]; group?: FacilityGroup; radiusM: number }) => session.rings(i),
    network: (i: NetworkRunsInput) => session.network(i),
  };
}

export type CoverageApi = ReturnType<typeof coverageApi>;
