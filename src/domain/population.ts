/**
 * Where residents live, for population shares. Either a layer of points / grid-cell polygons
 * with a numeric `population`, or one residents figure per board spread uniformly over it
 * (an assumption the UI must label as such).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from './facility.ts';

export interface PopulationPoint {
  lonLat: LonLat;
  /** Residents (人) at this point. */
  population: number;
}

export interface PopulationCell {
  geometry: Polygon | MultiPolygon;
  /** Residents (人) in this cell. */
  population: number;
}

export type PopulationInput =
  | { kind: 'none' }
  | { kind: 'points'; points: PopulationPoint[] }
  /** Cells are reduced to their area centroid (see src/analysis/coverage/README in the engine docs). */
  | { kind: 'cells'; cells: PopulationCell[] }
  /** Residents per board id, assumed uniform over the board's area: population share = area share. */
  | { kind: 'uniform'; residentsByBoard: Record<string, number>; assumption: true };

/**
 * Population points as columns (a million points without an object each): what the command line
 * and the import worker read a large CSV of points into. `rows[i]` is the file's line of point i.
 * The coverage engine takes it as it takes `points`.
 */
export interface PopulationColumns {
  kind: 'point-columns';
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
  rows?: Int32Array;
}
