/**
 * The coverage gap cells as a TiledPoints overlay (src/map/overlay.ts): the coverage worker packs
 * them as boxes (analysis/coverage/gap-layer.ts `gapCells`, transferred), and the page forwards the
 * buffers to the tile worker without reading them; the tile worker draws them into vector tiles
 * (src/geo/point-tile-index.ts). Before, they were a GeoJSON collection: cloned out of the coverage
 * worker, then serialized again by MapLibre's `setData` for its own worker (211–243 ms in one task
 * under load; README Speed).
 */
import type { FeatureCollection } from 'geojson';
import type { GapCells } from '../../analysis/coverage/gap-layer.ts';
import type { PackedPoints } from '../../geo/packed-points.ts';
import type { OverlayData, TiledPoints } from '../../map/overlay.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const made = new WeakMap<GapCells, TiledPoints>();

/** A copy with buffers of its own: the tile worker takes what it is sent, and a restarted one is sent the cells again. */
const copy = (p: PackedPoints): PackedPoints => ({ count: p.count, lonLat: p.lonLat.slice(), columnsUtf8: p.columnsUtf8.slice(), ...(p.boxes ? { boxes: p.boxes.slice() } : {}) });

/** The gap cells as tiled data (an empty collection when there are none); the same cells give the same object, sent once. */
export function gapTiles(g: GapCells | null): OverlayData {
  if (!g || g.points.count === 0) return EMPTY;
  let t = made.get(g);
  if (!t) {
    t = {
      type: 'TiledPoints',
      count: g.points.count,
      pack: async () => copy(g.points),
      // New cells come whole (a drag's drop changes them across a board): no small edit.
      changeFrom: async () => null,
      backend: () => import('../../workers/point-tiles-client.ts'),
    };
    made.set(g, t);
  }
  return t;
}
