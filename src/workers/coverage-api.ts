/**
 * The coverage worker's API (src/workers/coverage.worker.ts serves it): the methods of one
 * CoverageSession. Free of worker globals, so it is tested in Node.
 */
import { packedTransfer } from '../geo/packed-points.ts';
import { withTransfer } from './rpc-protocol.ts';
import { CoverageSession, type CoverageInit } from '../analysis/coverage/coverage-session.ts';
import type { FacilityGroup, Facility, LonLat } from '../domain/facility.ts';
import type { NetworkRunsInput } from '../analysis/coverage/network-runs.ts';
import type { PopulationColumns } from '../domain/population.ts';
import { pointsOfColumns } from '../analysis/coverage/population-columns-of.ts';
import { unpackFacilityBytes, type PackedFacilityBytes } from '../analysis/coverage/packed-facility-bytes.ts';

export function coverageApi(session = new CoverageSession(() => performance.now())) {
  return {
    // Facilities arrive packed as bytes (packed-facility-bytes.ts) and points as columns (population-columns-of.ts), all
    // transferred: cloning 300,000 facility objects blocked the page for seconds, and their texts as strings for 0.25–0.5 s.
    // The transferred columns are the worker's own: the engine adopts them (no copy).
    init: (i: Omit<CoverageInit, 'facilities' | 'adoptPopulationColumns'> & { facilities: PackedFacilityBytes }) =>
      session.init({ ...i, facilities: unpackFacilityBytes(i.facilities), adoptPopulationColumns: true }),
    // With when the worker finished (ms since the epoch, performance.timeOrigin-based, as the page measures): the page
    // splits a drag move's round trip into the way there and back (coverage-client.ts MoveTiming).
    move: (i: { facilityId: string; lonLat: LonLat }) => ({ ...session.move(i), doneAtMs: performance.timeOrigin + performance.now() }),
    add: (i: { facility: Facility }) => session.add(i),
    remove: (i: { facilityId: string }) => session.remove(i),
    // The gap cells' buffers are transferred: the page forwards them to the tile worker unread (ui/coverage/gap-tiles.ts).
    gaps: (i: { group: FacilityGroup; radiusM: number; cellSizeM?: number }) => {
      const g = session.gaps(i);
      return withTransfer(g, packedTransfer(g.points));
    },
    rings: (i: { facilityIds?: string[]; group?: FacilityGroup; radiusM: number; maxRings?: number }) => session.rings(i),
    // Facilities and points arrive as in init (transferred), and become objects here, off the page.
    network: (i: Omit<NetworkRunsInput, 'facilities' | 'population'> & { facilities: PackedFacilityBytes; population?: PopulationColumns }) =>
      session.network({ ...i, facilities: unpackFacilityBytes(i.facilities), population: i.population && pointsOfColumns(i.population) }),
  };
}

export type CoverageApi = ReturnType<typeof coverageApi>;
