/**
 * Dragging a whole feature (point or polygon) of an overlay that has `onDrag`: the moved copy is
 * previewed over the map as SVG in the edit layer's look, moved by a CSS transform (no map source
 * changes per pointer move, so no map frame: on SwiftShader each took 50–200 ms of the page under
 * load), and the overlay is told once, on release (one undoable change). The preview stays until
 * the overlay's new data is drawn. A press that moves less than 3 px is a click, not a drag.
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { Feature, Point, Polygon } from 'geojson';
import { isTiled, type Overlay } from './overlay.ts';
import { overlayHit } from './overlay-hit.ts';
import type { LonLat } from './draw.ts';
import { EDIT_COLOR } from './edit-layer.ts';
import { whenSourceDrawn } from './feature-drag.ts';

const SVG = 'http://www.w3.org/2000/svg';

interface Drag {
  overlay: Overlay;
  id: string;
  feature: Feature<Point | Polygon>;
  from: LonLat;
  fromPx: { x: number; y: number };
  to: LonLat | null;
  preview: Preview | null;
}

/**
 * The feature as it would be after the drag so far, drawn like the edit layer (anju-edit-fill,
 * -line, -vertex): the geometry projected at the current camera, shifted by the pointer's
 * on-screen offset (for a city-sized feature the same as moving it by the lon/lat offset, to well
 * under a pixel: Mercator's scale changes by ~0.1 % over a kilometre at 28° N).
 */
class Preview {
  readonly el: SVGSVGElement;
  readonly #shape: SVGPathElement | SVGCircleElement;
  #to: LonLat;
  readonly #redraw = () => this.#draw();
  cancel: () => void = () => {};

  constructor(
    private readonly map: MlMap,
    private readonly feature: Feature<Point | Polygon>,
    private readonly from: LonLat,
  ) {
    this.#to = from;
    this.el = document.createElementNS(SVG, 'svg');
    this.el.dataset.testid = 'overlay-drag-preview';
    this.el.setAttribute('aria-hidden', 'true');
    this.el.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;overflow:visible;pointer-events:none;will-change:transform;z-index:1';
    if (feature.geometry.type === 'Point') {
      this.#shape = document.createElementNS(SVG, 'circle');
      for (const [k, v] of [['r', '4.5'], ['fill', '#ffffff'], ['stroke', EDIT_COLOR], ['stroke-width', '2']]) this.#shape.setAttribute(k, v);
    } else {
      this.#shape = document.createElementNS(SVG, 'path');
      for (const [k, v] of [['fill', EDIT_COLOR], ['fill-opacity', '0.25'], ['stroke', EDIT_COLOR], ['stroke-width', '2'], ['stroke-dasharray', '4 2'], ['fill-rule', 'evenodd']]) this.#shape.setAttribute(k, v);
    }
    this.el.append(this.#shape);
    map.getCanvasContainer().append(this.el);
    map.on('move', this.#redraw);
    this.#draw();
  }

  moveTo(to: LonLat): void {
    this.#to = to;
    this.#place();
  }

  /** The geometry where it is now, projected at the current camera (again after a zoom). */
  #draw(): void {
    const m = this.map;
    const g = this.feature.geometry;
    if (g.type === 'Point') {
      const p = m.project(g.coordinates as [number, number]);
      this.#shape.setAttribute('cx', p.x.toFixed(1));
      this.#shape.setAttribute('cy', p.y.toFixed(1));
    } else {
      const d = g.coordinates.map((ring) => ring.map((c, i) => {
        const p = m.project(c as [number, number]);
        return `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
      }).join('') + 'Z');
      this.#shape.setAttribute('d', d.join(''));
    }
    this.#place();
  }

  #place(): void {
    const a = this.map.project(this.from), b = this.map.project(this.#to);
    this.el.style.transform = `translate(${b.x - a.x}px, ${b.y - a.y}px)`;
  }

  remove(): void {
    this.cancel();
    this.map.off('move', this.#redraw);
    this.el.remove();
  }
}

export class OverlayDrag {
  #drag: Drag | null = null;
  /** A dropped drag's preview, kept until the overlay's new data is drawn. */
  #dropped: Preview | null = null;
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
    this.#drag = { overlay: hit.overlay, id: hit.id, feature: feature as Feature<Point | Polygon>, from: [e.lngLat.lng, e.lngLat.lat], fromPx: e.point, to: null, preview: null };
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
    if (!d.preview) {
      this.#dropped?.remove();
      this.#dropped = null;
      d.preview = new Preview(this.map, d.feature, d.from);
    }
    d.preview.moveTo(d.to);
  }

  #up(e: MapMouseEvent): void {
    this.map.off('mousemove', this.#onMove);
    const d = this.#drag;
    this.#drag = null;
    if (!d?.preview) return;
    const p = d.preview;
    if (!d.to || Math.hypot(e.point.x - d.fromPx.x, e.point.y - d.fromPx.y) < 3) return p.remove(); // a click, not a drag
    const to: LonLat = [e.lngLat.lng, e.lngLat.lat];
    p.moveTo(to);
    // Listen before the drop is applied: the overlay's data may change at once.
    this.#dropped = p;
    p.cancel = whenSourceDrawn(this.map, d.overlay.id, () => {
      p.remove();
      if (this.#dropped === p) this.#dropped = null;
    });
    d.overlay.onDrag?.(d.id, d.from, to);
  }
}
