/**
 * Generic polygon editing on the map (used through MapView's `editing` prop): shows one
 * polygon with a handle per vertex; dragging a handle moves that vertex, dragging inside the
 * shape moves the whole shape. While dragging only this 1-feature source and its handles are
 * updated (no other data is re-uploaded); on release `onEnd(id, geometry)` reports the result
 * once, so the owner can apply it as one undoable change. Mouse only.
 */
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { moveVertex, translateGeometry, vertexHandles, type EditableGeometry, type VertexPath } from './edit-geometry.ts';

export interface EditTarget {
  id: string;
  geometry: EditableGeometry;
}

export const EDIT_SOURCES = { shape: 'edit-shape', vertices: 'edit-vertices' } as const;
export const EDIT_LAYERS = { fill: 'edit-shape-fill', line: 'edit-shape-line', vertex: 'edit-vertex' } as const;
const EDIT_COLOR = '#c51b7d';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

type Drag = { kind: 'vertex'; path: VertexPath } | { kind: 'move'; startLon: number; startLat: number; base: EditableGeometry };

export class GeometryEditor {
  #map: MlMap;
  #onEnd: (id: string, geometry: EditableGeometry) => void;
  #target: EditTarget | null = null;
  #drag: Drag | null = null;
  #moved = false;

  constructor(map: MlMap, onEnd: (id: string, geometry: EditableGeometry) => void) {
    this.#map = map;
    this.#onEnd = onEnd;
    map.addSource(EDIT_SOURCES.shape, { type: 'geojson', data: EMPTY });
    map.addSource(EDIT_SOURCES.vertices, { type: 'geojson', data: EMPTY });
    map.addLayer({ id: EDIT_LAYERS.fill, type: 'fill', source: EDIT_SOURCES.shape, paint: { 'fill-color': EDIT_COLOR, 'fill-opacity': 0.15 } });
    map.addLayer({ id: EDIT_LAYERS.line, type: 'line', source: EDIT_SOURCES.shape, paint: { 'line-color': EDIT_COLOR, 'line-width': 2 } });
    map.addLayer({ id: EDIT_LAYERS.vertex, type: 'circle', source: EDIT_SOURCES.vertices, paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': EDIT_COLOR, 'circle-stroke-width': 2 } });
    map.on('mousedown', this.#down);
    map.on('mousemove', this.#hover);
  }

  /** Show (or clear, with null) the polygon being edited. */
  set(target: EditTarget | null): void {
    if (this.#drag) return; // the owner's echo of our own drag: keep the live shape
    this.#target = target;
    this.#draw(target?.geometry ?? null);
  }

  #draw(g: EditableGeometry | null): void {
    (this.#map.getSource(EDIT_SOURCES.shape) as GeoJSONSource | undefined)?.setData(g ? { type: 'Feature', properties: {}, geometry: g } : EMPTY);
    (this.#map.getSource(EDIT_SOURCES.vertices) as GeoJSONSource | undefined)?.setData(g ? vertexHandles(g) : EMPTY);
  }

  #down = (e: MapMouseEvent): void => {
    const t = this.#target;
    if (!t || e.originalEvent.button !== 0) return;
    const hits = this.#map.queryRenderedFeatures(e.point, { layers: [EDIT_LAYERS.vertex, EDIT_LAYERS.fill] });
    const vertex = hits.find((h) => h.layer.id === EDIT_LAYERS.vertex);
    if (vertex) {
      const p = vertex.properties as VertexPath;
      this.#drag = { kind: 'vertex', path: { polygon: Number(p.polygon), ring: Number(p.ring), index: Number(p.index) } };
    } else if (hits.length) {
      this.#drag = { kind: 'move', startLon: e.lngLat.lng, startLat: e.lngLat.lat, base: t.geometry };
    } else return;
    e.preventDefault(); // no map panning while dragging the shape
    this.#moved = false;
    this.#map.on('mousemove', this.#move);
    this.#map.once('mouseup', this.#up);
  };

  #move = (e: MapMouseEvent): void => {
    const t = this.#target;
    const d = this.#drag;
    if (!t || !d) return;
    const g = d.kind === 'vertex' ? moveVertex(t.geometry, d.path, [e.lngLat.lng, e.lngLat.lat]) : translateGeometry(d.base, e.lngLat.lng - d.startLon, e.lngLat.lat - d.startLat);
    this.#target = { id: t.id, geometry: g };
    this.#moved = true;
    this.#draw(g);
  };

  #up = (): void => {
    this.#map.off('mousemove', this.#move);
    const t = this.#target;
    const moved = this.#moved;
    this.#drag = null;
    if (t && moved) this.#onEnd(t.id, t.geometry);
  };

  #hover = (e: MapMouseEvent): void => {
    if (!this.#target || this.#drag) return;
    const hits = this.#map.queryRenderedFeatures(e.point, { layers: [EDIT_LAYERS.vertex, EDIT_LAYERS.fill] });
    if (hits.length) this.#map.getCanvas().style.cursor = hits.some((h) => h.layer.id === EDIT_LAYERS.vertex) ? 'crosshair' : 'move';
  };

  destroy(): void {
    this.#map.off('mousedown', this.#down);
    this.#map.off('mousemove', this.#hover);
    this.#map.off('mousemove', this.#move);
  }
}
