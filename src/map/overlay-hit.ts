/** The topmost rendered feature under a point among the overlays a caller accepts, with its id. */
import type { Map as MlMap, PointLike } from 'maplibre-gl';
import type { Overlay } from './overlay.ts';

export function overlayHit(map: MlMap, overlays: readonly Overlay[], point: PointLike, want: (o: Overlay) => boolean): { overlay: Overlay; id: string } | null {
  const byLayer = new Map<string, Overlay>();
  for (const o of overlays) if (want(o)) for (const l of o.layers) if (map.getLayer(l.id)) byLayer.set(l.id, o);
  if (!byLayer.size) return null;
  const f = map.queryRenderedFeatures(point, { layers: [...byLayer.keys()] })[0];
  if (!f) return null;
  const overlay = byLayer.get(f.layer.id)!;
  const id = f.properties?.[overlay.promoteId ?? 'id'];
  return id === undefined ? null : { overlay, id: String(id) };
}
