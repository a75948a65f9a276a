/**
 * The facilities as a TiledPoints overlay (src/map/overlay.ts) from TILED_MIN_FACILITIES on: the
 * tile worker gets them packed once, and a drag, an added or a removed facility as a small change.
 * Below that the map takes a GeoJSON collection (coverage-data.ts `facilityCollection`).
 */
import type { Facility } from '../../domain/facility.ts';
import type { TiledPoints } from '../../map/overlay.ts';
import type { PackedPoints, PointsChange } from '../../map/point-tile-index.ts';
import { facilityTier } from './coverage-data.ts';

/** From this many facilities the map draws them from vector tiles made in a worker. */
export const TILED_MIN_FACILITIES = 5_000;
/** A change of more facilities than this is sent as a new set. */
const MAX_CHANGE = 1_000;

/** Coordinates and the properties the facilities layer reads (id for clicks and drags, tier for the colour, category). */
export function packFacilityPoints(fs: readonly Facility[]): PackedPoints {
  const n = fs.length;
  const lonLat = new Float64Array(2 * n);
  const id = new Array<string>(n);
  const category = new Array<string>(n);
  const tier = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const f = fs[i];
    lonLat[2 * i] = f.lonLat[0];
    lonLat[2 * i + 1] = f.lonLat[1];
    id[i] = f.id;
    category[i] = f.category;
    tier[i] = facilityTier(f) ?? 'other';
  }
  return { count: n, lonLat, columnsJson: JSON.stringify({ id, category, tier }) };
}

/**
 * The edit between two facility lists as one run of replaced entries (a move, an add, a removal
 * each changes one entry; the lists share every other object), or null when that run is long.
 */
export function facilityChange(prev: readonly Facility[], next: readonly Facility[]): PointsChange | null {
  const min = Math.min(prev.length, next.length);
  let head = 0;
  while (head < min && prev[head] === next[head]) head++;
  let tail = 0;
  while (tail < min - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  const removed = prev.slice(head, prev.length - tail);
  const added = next.slice(head, next.length - tail);
  if (removed.length + added.length > MAX_CHANGE) return null;
  return { remove: removed.map((f) => f.id), upsert: packFacilityPoints(added) };
}

const made = new WeakMap<readonly Facility[], TiledPoints & { facilities: readonly Facility[] }>();

/** The facilities as tiled points; the same list gives the same object (so it is not sent twice). */
export function facilityTiles(facilities: readonly Facility[]): TiledPoints {
  let t = made.get(facilities);
  if (!t) {
    const self = {
      type: 'TiledPoints' as const,
      count: facilities.length,
      facilities,
      pack: () => packFacilityPoints(facilities),
      changeFrom: (prev: TiledPoints) => (made.get((prev as typeof self).facilities) === prev ? facilityChange((prev as typeof self).facilities, facilities) : null),
    };
    made.set(facilities, (t = self));
  }
  return t;
}
