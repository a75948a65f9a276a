/**
 * Messages between the app and the coverage worker. Requests carry an `id` echoed in the reply,
 * so the app can drop stale replies while dragging (only the latest move matters).
 */
import type { Facility, FacilityGroup, LonLat } from '../../domain/facility.ts';
import type { PopulationInput } from '../../domain/population.ts';
import type { CoverageBoard, CoverageResult } from './types.ts';
import type { GapProperties } from './gap-layer.ts';
import type { NetworkRun, NetworkRunsInput } from './network-runs.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type CoverageRequest =
  | {
      type: 'init';
      id: number;
      boards: CoverageBoard[];
      facilities: Facility[];
      population: PopulationInput;
      radiiM: number[];
      groups?: FacilityGroup[];
    }
  | { type: 'move'; id: number; facilityId: string; lonLat: LonLat }
  | { type: 'add'; id: number; facility: Facility }
  | { type: 'remove'; id: number; facilityId: string }
  | { type: 'gaps'; id: number; group: FacilityGroup; radiusM: number; cellSizeM?: number }
  | { type: 'rings'; id: number; facilityIds?: string[]; group?: FacilityGroup; radiusM: number }
  /** Walking-network coverage; stateless (needs no init), so it can go to a second worker. */
  | ({ type: 'network'; id: number } & NetworkRunsInput);

export type CoverageReply =
  | { type: 'result'; id: number; result: CoverageResult; computeMs: number }
  | { type: 'gaps'; id: number; gaps: FeatureCollection<MultiPolygon, GapProperties> }
  | { type: 'rings'; id: number; rings: FeatureCollection<Polygon, { id: string; radiusM: number }> }
  | { type: 'network'; id: number; runs: NetworkRun[]; computeMs: number }
  | { type: 'error'; id: number; message: string };
