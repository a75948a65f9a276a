/**
 * The facilities as a TiledPoints overlay (src/map/overlay.ts) from TILED_MIN_FACILITIES on: the
 * tile worker gets them packed once, and a drag, an added or a removed facility as a small change
 * (facility-points.ts, loaded on first use). Below that the map takes a GeoJSON collection
 * (coverage-data.ts `facilityCollection`, import-overlays.ts on the other tabs). The coverage tab's
 * facilities layer and the imported facilities of the other tabs draw the same set (`shared`).
 */
import type { Facility } from '../../domain/facility.ts';
import type { TiledPoints } from '../../map/overlay.ts';
import type { PackedPoints } from '../../geo/packed-points.ts';
import { onceByList } from '../../state/once-by-list.ts';

/** From this many facilities the map draws them from vector tiles made in a worker. */
export const TILED_MIN_FACILITIES = 5_000;

/**
 * Below this map zoom the tile worker draws the facilities' tiles as images (src/map/overlay.ts
 * `rasterBelowZoom`): at 300,000 facilities SwiftShader took 0.7–1.1 s a frame to draw the circles,
 * and from zoom 14 a 512 px tile holds a few hundred to a few thousand of them.
 */
export const RASTER_BELOW_ZOOM = 14;

/** The tile worker's name for the facilities, whichever overlay draws them. */
const FACILITY_TILES = 'facilities';

const packing = () => import('./facility-points.ts');
const made = new WeakMap<readonly Facility[], TiledPoints>();
const listOf = new WeakMap<TiledPoints, readonly Facility[]>();
/** Points packed already (an imported layer, by the import worker from its columns): the first pack hands them on (they are transferred). */
const prepacked = onceByList<PackedPoints>();

/** `points` are what packing `facilities` would give (analysis/coverage/facility-tile-points.ts); the first send uses them. */
export const rememberFacilityPoints = (facilities: readonly Facility[], points: PackedPoints): void => prepacked.remember(facilities, points);

/** The facilities as tiled points; the same list gives the same object (so it is not sent twice). */
export function facilityTiles(facilities: readonly Facility[]): TiledPoints {
  let t = made.get(facilities);
  if (!t) {
    t = {
      type: 'TiledPoints',
      count: facilities.length,
      shared: FACILITY_TILES,
      rasterBelowZoom: RASTER_BELOW_ZOOM,
      pack: async () => prepacked.take(facilities) ?? (await packing()).packFacilityPointsSliced(facilities),
      backend: () => import('../../workers/point-tiles-client.ts'),
      changeFrom: async (prev) => {
        const before = listOf.get(prev);
        return before ? (await packing()).facilityChange(before, facilities) : null;
      },
    };
    made.set(facilities, t);
    listOf.set(t, facilities);
  }
  return t;
}
