/**
 * Showing or hiding a map layer only when that changes anything. MapLibre compares the new value with
 * the layer's own, and a layer that never had one has none: setting 'visible' on it counts as a change
 * and re-tiles the layer's whole source (one more round to the worker and a few more frames).
 */
import type { Map as MlMap } from 'maplibre-gl';

export function setVisibility(map: MlMap, layerId: string, visible: boolean): void {
  const want = visible ? 'visible' : 'none';
  if ((map.getLayoutProperty(layerId, 'visibility') ?? 'visible') !== want) map.setLayoutProperty(layerId, 'visibility', want);
}
