/**
 * Drawing a point or polygon on the map for a `DrawRequest` (see draw.ts for the gestures and
 * exactly what snapping does): clicks add vertices, double-click / Enter / a click on the first
 * vertex finishes, Backspace removes the last vertex, Esc cancels. The sketch is drawn in the
 * edit layer (edit-layer.ts), so a mouse move re-uploads a handful of vertices only.
 */
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { nearestWithin, ringFromVertices, type LonLat } from './draw.ts';
import type { DrawRequest } from '../state/map-view.ts';
import { EDIT_SOURCE, EMPTY, sketchFeatures } from './edit-layer.ts';

export class DrawController {
  #sketch: LonLat[] = [];
  readonly #onKey = (e: KeyboardEvent) => this.#key(e);

  constructor(
    private readonly map: MlMap,
    private readonly request: () => DrawRequest | null,
  ) {
    map.on('mousemove', (e) => this.#move(e));
    map.on('dblclick', (e) => {
      if (this.request()?.mode !== 'polygon') return;
      e.preventDefault();
      this.#finishPolygon();
    });
    window.addEventListener('keydown', this.#onKey);
    map.once('remove', () => window.removeEventListener('keydown', this.#onKey));
  }

  /** A new request (or none): forget the sketch; double-click finishes polygons instead of zooming. */
  reset(): void {
    this.#sketch = [];
    this.#show(EMPTY);
    if (this.request()) this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
  }

  /** Handle a map click; true when a drawing consumed it. */
  click(e: MapMouseEvent): boolean {
    const d = this.request();
    if (!d) return false;
    const s = this.#snapped(e);
    if (d.mode === 'point') {
      this.#show(EMPTY);
      d.onDone({ type: 'Point', coordinates: s.at });
      return true;
    }
    const first = this.#sketch[0];
    if (this.#sketch.length >= 3 && first && s.at[0] === first[0] && s.at[1] === first[1]) {
      this.#finishPolygon();
      return true;
    }
    const last = this.#sketch.at(-1);
    if (!last || last[0] !== s.at[0] || last[1] !== s.at[1]) this.#sketch = [...this.#sketch, s.at];
    this.#show(sketchFeatures(this.#sketch, null, false));
    return true;
  }

  #show(data: FeatureCollection): void {
    (this.map.getSource(EDIT_SOURCE) as GeoJSONSource | undefined)?.setData(data);
  }

  #snapped(e: MapMouseEvent): { at: LonLat; snapped: boolean } {
    const d = this.request();
    const lonLat: LonLat = [e.lngLat.lng, e.lngLat.lat];
    if (!d) return { at: lonLat, snapped: false };
    const candidates = [...d.snapVertices, ...this.#sketch];
    const i = nearestWithin(e.point, candidates.map((c) => this.map.project(c)), d.snapPx);
    return i === null ? { at: lonLat, snapped: false } : { at: [candidates[i][0], candidates[i][1]], snapped: true };
  }

  #move(e: MapMouseEvent): void {
    const d = this.request();
    if (!d) return;
    const s = this.#snapped(e);
    this.#show(sketchFeatures(d.mode === 'polygon' ? this.#sketch : [], s.at, s.snapped));
  }

  #finishPolygon(): void {
    const d = this.request();
    const g = ringFromVertices(this.#sketch);
    if (!d || !g) return; // fewer than 3 vertices: keep drawing
    this.#sketch = [];
    this.#show(EMPTY);
    d.onDone(g);
  }

  #key(e: KeyboardEvent): void {
    const d = this.request();
    if (!d) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
    if (e.key === 'Enter') this.#finishPolygon();
    else if (e.key === 'Escape') {
      this.#sketch = [];
      this.#show(EMPTY);
      d.onCancel();
    } else if (e.key === 'Backspace' && this.#sketch.length) {
      e.preventDefault();
      this.#sketch = this.#sketch.slice(0, -1);
      this.#show(sketchFeatures(this.#sketch, null, false));
    }
  }
}
