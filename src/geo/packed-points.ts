/** Points packed for the tile worker, and a small edit of them (src/geo/point-tile-index.ts cuts them into tiles). */

/** A property value a tile can carry (MVT values; null leaves the property out). */
export type PointPropertyValue = string | number | boolean | null;

/** Points packed for a worker message. */
export interface PackedPoints {
  count: number;
  /** lon, lat of point i at [2i], [2i + 1] (WGS-84 degrees); transferred, not copied. */
  lonLat: Float64Array;
  /** JSON of `{ [property]: value[] }`, one array of `count` values per property; must have `id` (text). */
  columnsJson: string;
  /**
   * When set, each point is drawn as the circle of this radius (metres) around it, a LineString
   * (the coverage tab's reach rings), instead of as a point.
   */
  ringRadiusM?: number;
}

/** A small edit of a point set: points taken out by id, points added or replaced (by id). */
export interface PointsChange {
  remove: string[];
  upsert: PackedPoints;
}

/** The source layer of every point tile: MapView sets it as `source-layer` on a tiled overlay's layers. */
export const POINT_TILE_LAYER = 'points';
