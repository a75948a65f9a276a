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
  /** Residents of each point, in the narrowest array that holds every value read exactly (CountArray). */
  population: CountArray;
  rows?: Int32Array;
}

/**
 * Numbers ≥ 0 in the narrowest array that holds each one exactly: a Uint8Array, Uint16Array or
 * Uint32Array while every value is a whole number below 2^8, 2^16 or 2^32, a Float64Array otherwise
 * (src/io/growable-column.ts, growableCount). `a[i]` reads as the number read from the file either way.
 */
export type CountArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;
