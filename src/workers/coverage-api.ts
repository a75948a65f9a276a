/**
 * The coverage worker's API (src/workers/coverage.worker.ts serves it): the methods of one
 * CoverageSession. Free of worker globals, so it is tested in Node.
 */
import { CoverageSession, type CoverageInit } from '../analysis/coverage/coverage-session.ts';
import type { FacilityGroup, Facility, LonLat } from '../domain/facility.ts';
import type { NetworkRunsInput } from '../analysis/coverage/network-runs.ts';
import { unpackFacilities, type PackedFacilities } from '../analysis/coverage/packed-facilities.ts';

export function coverageApi(session = new CoverageSession(() => performance.now())) {
  return {
    // Facilities arrive packed (packed-facilities.ts): cloning 300,000 objects blocked the page for seconds.
    init: (i: Omit<CoverageInit, 'facilities'> & { facilities: PackedFacilities }) => session.init({ ...i, facilities: unpackFacilities(i.facilities) }),
    // With when the worker finished (ms since the epoch, performance.timeOrigin-based, as the page measures): the page
    // splits a drag move's round trip into the way there and back (coverage-client.ts MoveTiming).
    move: (i: { facilityId: string; lonLat: LonLat }) => ({ ...session.move(i), doneAtMs: performance.timeOrigin + performance.now() }),
    add: (i: { facility: Facility }) => session.add(i),
    remove: (i: { facilityId: string }) => session.remove(i),
    gaps: (i: { group: FacilityGroup; radiusM: number; cellSizeM?: number }) => session.gaps(i),
    rings: (i: { facilityIds?: string[]; group?: FacilityGroup; radiusM: number; maxRings?: number }) => session.rings(i),
    network: (i: NetworkRunsInput) => session.network(i),
  };
}

export type CoverageApi = ReturnType<typeof coverageApi>;
