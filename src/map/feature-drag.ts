/**
 * Dragging point features of overlay layers. While a feature is dragged it is hidden in its own
 * layer (a filter) and drawn by a copy of that layer over a 1-feature "ghost" source that is
 * updated per pointer move — the layer's own source (possibly thousands of features) is not
 * re-uploaded until the caller changes its data on drop. Pan is suppressed for the gesture.
 */
import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MlMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { Feature, GeoJsonProperties, Point } from 'geojson';
import { drawnLayerId, type FeatureDragEvent } from './overlay.ts';

export const DRAG_GHOST_SOURCE = 'feature-drag-ghost';
/** Pixels the pointer must move before a press becomes a drag (MapLibre's click tolerance). */
const TOLERANCE_PX = 3;

interface Active {
  layerId: string;
  featureId: string;
  properties: GeoJsonProperties;
  start: { x: number; y: number };
  moved: boolean;
  filter: FilterSpecification | null;
}

export class FeatureDrag {
  #active: Active | null = null;
  /** The drag whose ghost is on the map (it stays until the map is idle after the drop). */
  #shown: Active | null = null;

  constructor(
    private readonly map: MlMap,
    private readonly layers: () => string[],
    private readonly emit: (e: FeatureDragEvent) => void,
  ) {
    map.on('mousedown', (e) => this.#down(e));
    map.on('mousemove', (e) => this.#move(e));
    map.on('mouseup', (e) => this.#up(e));
  }

  #down(e: MapMouseEvent): void {
    const layers = this.layers().filter((l) => this.map.getLayer(l));
    if (!layers.length || e.originalEvent.button !== 0) return;
    const hit = this.map.queryRenderedFeatures(e.point as PointLike, { layers })[0];
    if (!hit || hit.properties?.id === undefined) return;
    e.preventDefault(); // no map pan for this gesture
    // Copy: rendered features' properties have no prototype, which MapLibre's worker transfer rejects.
    this.#active = { layerId: hit.layer.id, featureId: String(hit.properties.id), properties: { ...hit.properties }, start: { x: e.point.x, y: e.point.y }, moved: false, filter: null };
  }

  #move(e: MapMouseEvent): void {
    const a = this.#active;
    if (!a) return;
    // Released outside the map (no mouseup reached it): end the drag here.
    if ((e.originalEvent.buttons & 1) === 0) return this.#up(e);
    const lonLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (!a.moved) {
      if (Math.hypot(e.point.x - a.start.x, e.point.y - a.start.y) < TOLERANCE_PX) return;
      a.moved = true;
      this.#showGhost(a);
      this.emit({ layerId: a.layerId, featureId: a.featureId, lonLat, phase: 'start' });
    }
    this.#ghostAt(a, lonLat);
    this.emit({ layerId: a.layerId, featureId: a.featureId, lonLat, phase: 'move' });
  }

  #up(e: MapMouseEvent): void {
    const a = this.#active;
    this.#active = null;
    if (!a?.moved) return;
    const lonLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    this.#ghostAt(a, lonLat);
    this.emit({ layerId: a.layerId, featureId: a.featureId, lonLat, phase: 'end' });
    // Keep the ghost until the layer's new data has been drawn, so the feature does not blink back.
    this.map.once('idle', () => {
      if (this.#shown === a) this.#hideGhost(a);
    });
  }

  #showGhost(a: Active): void {
    const m = this.map;
    // A layer drawn from images below a zoom is not drawn itself: the ghost looks like its drawn copy, at every zoom.
    const drawn = m.getLayer(drawnLayerId(a.layerId)) ? drawnLayerId(a.layerId) : null;
    const spec = m.getStyle().layers.find((l) => l.id === (drawn ?? a.layerId));
    if (!spec || !('source' in spec)) return;
    if (this.#shown) this.#hideGhost(this.#shown);
    if (!m.getSource(DRAG_GHOST_SOURCE)) m.addSource(DRAG_GHOST_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    // The ghost is a GeoJSON source: a tiled layer's `source-layer` would find nothing in it.
    const { filter: _filter, 'source-layer': _sourceLayer, minzoom: _minzoom, ...rest } = spec as typeof spec & { 'source-layer'?: string };
    m.addLayer({ ...rest, id: DRAG_GHOST_SOURCE, source: DRAG_GHOST_SOURCE } as LayerSpecification);
    this.#shown = a;
    a.filter = (m.getFilter(a.layerId) as FilterSpecification | undefined) ?? null;
    const hideThis: FilterSpecification = ['!=', ['to-string', ['get', 'id']], a.featureId];
    for (const id of [a.layerId, drawn]) if (id) m.setFilter(id, a.filter ? (['all', a.filter, hideThis] as unknown as FilterSpecification) : hideThis);
  }

  #ghostAt(a: Active, lonLat: [number, number]): void {
    const f: Feature<Point> = { type: 'Feature', properties: a.properties, geometry: { type: 'Point', coordinates: lonLat } };
    (this.map.getSource(DRAG_GHOST_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [f] });
  }

  #hideGhost(a: Active): void {
    const m = this.map;
    for (const id of [a.layerId, drawnLayerId(a.layerId)]) if (m.getLayer(id)) m.setFilter(id, a.filter);
    if (m.getLayer(DRAG_GHOST_SOURCE)) m.removeLayer(DRAG_GHOST_SOURCE);
    this.#shown = null;
    (m.getSource(DRAG_GHOST_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
  }
}
