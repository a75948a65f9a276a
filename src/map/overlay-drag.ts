/**
 * Dragging a whole feature (point or polygon) of an overlay that has `onDrag`: the moved copy is
 * previewed in the edit layer while the mouse moves, and the overlay is told once, on release
 * (one undoable change). A press that moves less than 3 px is a click, not a drag.
 */
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { Feature, Point, Polygon } from 'geojson';
import { isTiled, type Overlay } from './overlay.ts';
import { overlayHit } from './overlay-hit.ts';
import { translateGeometry, type LonLat } from './draw.ts';
import { EDIT_SOURCE, EMPTY } from './edit-layer.ts';

interface Drag {
  overlay: Overlay;
  id: string;
  feature: Feature<Point | Polygon>;
  from: LonLat;
  fromPx: { x: number; y: number };
  to: LonLat | null;
}

export class OverlayDrag {
  #drag: Drag | null = null;
  readonly #onMove = (e: MapMouseEvent) => this.#move(e);

  constructor(
    private readonly map: MlMap,
    private readonly overlays: () => readonly Overlay[],
    /** True while another gesture (drawing, picking) owns the pointer. */
    private readonly blocked: () => boolean,
  ) {
    map.on('mousedown', (e) => this.#down(e));
    map.on('mousemove', (e) => this.#hover(e));
  }

  #down(e: MapMouseEvent): void {
    if (this.blocked() || e.originalEvent.button !== 0) return;
    const hit = overlayHit(this.map, this.overlays(), e.point, (o) => !!o.onDrag);
    if (!hit) return;
    const key = hit.overlay.promoteId ?? 'id';
    if (isTiled(hit.overlay.data)) return; // whole-feature drag needs the feature's geometry: GeoJSON overlays only
    const feature = hit.overlay.data.features.find((f) => String(f.properties?.[key]) === hit.id);
    if (!feature || (feature.geometry.type !== 'Point' && feature.geometry.type !== 'Polygon')) return;
    e.preventDefault(); // no map pan while dragging a feature
    this.#drag = { overlay: hit.overlay, id: hit.id, feature: feature as Feature<Point | Polygon>, from: [e.lngLat.lng, e.lngLat.lat], fromPx: e.point, to: null };
    this.map.on('mousemove', this.#onMove);
    this.map.once('mouseup', (up) => this.#up(up));
  }

  /** The cursor says what a press would do. */
  #hover(e: MapMouseEvent): void {
    if (this.#drag || this.blocked()) return;
    const overlays = this.overlays();
    if (!overlays.some((o) => o.onDrag || o.onClick)) return;
    const hit = overlayHit(this.map, overlays, e.point, (o) => !!(o.onDrag || o.onClick));
    if (hit) this.map.getCanvas().style.cursor = hit.overlay.onDrag ? 'move' : 'pointer';
  }

  #move(e: MapMouseEvent): void {
    const d = this.#drag;
    if (!d) return;
    d.to = [e.lngLat.lng, e.lngLat.lat];
    const geometry = translateGeometry(d.feature.geometry, d.to[0] - d.from[0], d.to[1] - d.from[1]);
    this.#show({ type: 'FeatureCollection', features: [{ ...d.feature, geometry }] });
  }

  #up(e: MapMouseEvent): void {
    this.map.off('mousemove', this.#onMove);
    const d = this.#drag;
    this.#drag = null;
    this.#show(EMPTY);
    if (!d || !d.to) return;
    if (Math.hypot(e.point.x - d.fromPx.x, e.point.y - d.fromPx.y) < 3) return; // a click, not a drag
    d.overlay.onDrag?.(d.id, d.from, [e.lngLat.lng, e.lngLat.lat]);
  }

  #show(data: GeoJSON.FeatureCollection): void {
    (this.map.getSource(EDIT_SOURCE) as GeoJSONSource | undefined)?.setData(data);
  }
}
