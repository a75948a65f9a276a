/**
 * The map style of the live map with its data inlined, for an offscreen render at print size:
 * the same layers (base-style.ts), the same data, the same visible groups and overlays.
 * Online basemaps are left out: exports work offline and carry no third-party tiles.
 */
import type { StyleSpecification, LayerSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { BoardCollection } from '../domain/board.ts';
import type { NodeFeature } from '../domain/structure.ts';
import type { Overlay } from '../map/overlay.ts';
import type { PointsHold } from '../map/point-tiles.ts';
import { overlayLayers, overlaySources } from '../map/overlay-source.ts';
import type { Lang } from '../i18n/lang.ts';
import { baseStyle } from '../map/base-style.ts';
import { LAYERS, LAYER_GROUPS, SOURCES } from '../map/layer-ids.ts';
import type { LayerGroup } from '../state/map-view.ts';
import { labelPoints } from '../map/label-points.ts';
import type { ShippedMapData } from '../map/shipped-map-data.ts';

export interface MapContent {
  boards: BoardCollection;
  /** The shipped basemap layers, as the live map has them (URLs of the built app's files). */
  shipped: ShippedMapData;
  nodes: NodeFeature[];
  lang: Lang;
  visible: Record<LayerGroup, boolean>;
  overlays: Overlay[];
  /** Keeps the tiled points the render draws in the tile worker until it ends (point-tiles.ts holdPoints). */
  hold?: PointsHold;
}

export function exportStyle(c: MapContent): StyleSpecification {
  const style = baseStyle(c.shipped, c.lang);
  const data: Record<string, FeatureCollection> = {
    [SOURCES.boards]: c.boards,
    [SOURCES.boardLabels]: labelPoints(c.boards, (p) => ({ id: p.id, label: c.lang === 'zh' ? p.name : p.nameEn })),
    [SOURCES.nodes]: { type: 'FeatureCollection', features: c.nodes },
  };
  for (const [id, fc] of Object.entries(data)) (style.sources[id] as GeoJSONSourceSpecification).data = fc;

  const hidden = new Set<string>();
  for (const [group, ids] of Object.entries(LAYER_GROUPS) as [LayerGroup, readonly string[]][]) if (!c.visible[group]) ids.forEach((id) => hidden.add(id));
  let layers: LayerSpecification[] = style.layers.map((l) => (hidden.has(l.id) && l.type !== 'background' ? ({ ...l, layout: { ...(l.layout ?? {}), visibility: 'none' } } as LayerSpecification) : l));

  for (const o of c.overlays) {
    Object.assign(style.sources, overlaySources(o, c.hold));
    const before = layers.findIndex((l) => l.id === (o.beforeId ?? LAYERS.countyLabel));
    const added = overlayLayers(o);
    layers = before < 0 ? [...layers, ...added] : [...layers.slice(0, before), ...added, ...layers.slice(before)];
  }
  return { ...style, layers };
}
