/** An overlay's source and layers as MapLibre takes them, for the live map and the export's offscreen one. */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { isTiled, type Overlay } from './overlay.ts';
import { POINT_TILE_LAYER } from './packed-points.ts';
import { pointTilesSource } from './point-tiles.ts';

export function overlaySource(o: Overlay): SourceSpecification {
  if (isTiled(o.data)) return { ...pointTilesSource(o.id, o.data), ...(o.promoteId ? { promoteId: o.promoteId } : {}) };
  return { type: 'geojson', data: o.data, ...(o.promoteId ? { promoteId: o.promoteId } : {}) };
}

export function overlayLayers(o: Overlay): LayerSpecification[] {
  const tiled = isTiled(o.data);
  return o.layers.map((l) => ({ ...l, source: o.id, ...(tiled ? { 'source-layer': POINT_TILE_LAYER } : {}) }) as LayerSpecification);
}
