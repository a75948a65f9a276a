/**
 * An overlay's source and layers as MapLibre takes them, for the live map and the export's
 * offscreen one. Loaded with the first tiled overlay (MapView) or export, not in the first load.
 */
import type { LayerSpecification, Map as MlMap, SourceSpecification } from 'maplibre-gl';
import { isTiled, type Overlay } from './overlay.ts';
import { POINT_TILE_LAYER } from '../geo/packed-points.ts';
import { pointTilesSource } from './point-tiles.ts';

export function overlaySource(o: Overlay): SourceSpecification {
  if (isTiled(o.data)) return { ...pointTilesSource(o.id, o.data), ...(o.promoteId ? { promoteId: o.promoteId } : {}) };
  return { type: 'geojson', data: o.data, ...(o.promoteId ? { promoteId: o.promoteId } : {}) };
}

export function overlayLayers(o: Overlay): LayerSpecification[] {
  const tiled = isTiled(o.data);
  return o.layers.map((l) => ({ ...l, source: o.id, ...(tiled ? { 'source-layer': POINT_TILE_LAYER } : {}) }) as LayerSpecification);
}

/** Adds the overlay's source and layers to a live map, below `beforeId`. */
export function addOverlay(m: MlMap, o: Overlay, beforeId: string): void {
  m.addSource(o.id, overlaySource(o));
  for (const l of overlayLayers(o)) m.addLayer(l, beforeId);
}

export { pointTilesUrl } from './point-tiles.ts';
