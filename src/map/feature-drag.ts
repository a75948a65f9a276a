/**
 * Dragging point features of overlay layers without a map frame per pointer move. The dragged
 * feature is drawn as a DOM "ghost" over the map — a dot in its layer's own paint and, when the
 * drag's `start` handler gives one, a reach ring — moved by a CSS transform to
 * `map.project(lonLat)`. A move changes no source, layer or filter, so MapLibre draws nothing: a
 * frame on SwiftShader takes 50–200 ms of the page's main thread, and the figures of a move used to
 * wait behind the frame the previous move's ghost (a 1-feature GeoJSON source) had caused.
 *
 * The original stays where it was, dimmed when its layer reads the `DRAGGED_STATE` feature state
 * (`draggedOpacity`): feature state repaints one feature, where a layer filter (the earlier way to
 * hide it) makes MapLibre reload and re-lay out every tile of the layer's source. It shows where the
 * feature comes from. The layer's data changes once, when the caller applies the drop; the ghost
 * (and the dimming) stay until that data has been drawn, so the feature does not blink back.
 * Where the layer is drawn from images (below its drawn copy's zoom, map/overlay-source.ts), feature
 * state changes no pixel: an image is not redrawn for it, and redrawing every image of the set without
 * the point would be tile work on each drag start. There a DOM veil over the original, white at
 * 1 − DRAGGED_FROM_OPACITY, dims it instead (the dot shows through at about the dimmed opacity).
 * Pan is suppressed for the gesture.
 */
import type { ExpressionSpecification, MapGeoJSONFeature, Map as MlMap, MapMouseEvent, MapSourceDataEvent, PointLike } from 'maplibre-gl';
import { drawnLayerId, type DragGhostRing, type FeatureDragEvent } from './overlay.ts';
import { circleRasterPaint } from './point-raster-paint.ts';
import { makeLocalFrame } from '../geo/local-frame.ts';

/** Pixels the pointer must move before a press becomes a drag (MapLibre's click tolerance). */
const TOLERANCE_PX = 3;
/** Feature state set on the dragged feature's original while it is dragged (until its new place is drawn). */
export const DRAGGED_STATE = 'dragged';
/** Opacity of the dragged feature's original: it marks where the feature comes from. */
export const DRAGGED_FROM_OPACITY = 0.3;
/** A layer's opacity paint that dims the dragged feature's original (circle-opacity, circle-stroke-opacity …); needs the source's promoteId. */
export const draggedOpacity = (opacity = 1): ExpressionSpecification => ['case', ['boolean', ['feature-state', DRAGGED_STATE], false], DRAGGED_FROM_OPACITY * opacity, opacity];
/** The ghost element's data-testid (tests find it by this; data-feature-id holds the dragged feature's id). */
const DRAG_GHOST_TESTID = 'feature-drag-ghost';
/** The veil over the dragged original where it is drawn from images. */
const DRAG_VEIL_TESTID = 'feature-drag-veil';
/** The ghost is removed at the latest this long after the drop, if the layer's data never changed (a refused drop). */
const GHOST_AFTER_DROP_MAX_MS = 10_000;

interface Active {
  layerId: string;
  source: string;
  sourceLayer: string | undefined;
  /** The feature's id as MapLibre knows it (promoteId), for feature state; undefined: the original is not dimmed. */
  stateId: string | number | undefined;
  featureId: string;
  /** The layer's paint, evaluated for this feature at the press's zoom (rendered features carry it). */
  paint: Record<string, unknown>;
  /** Where the original is, and the zoom below which it is drawn from images (undefined: drawn as circles at every zoom). */
  origin: [number, number] | null;
  imagesBelow: number | undefined;
  start: { x: number; y: number };
  moved: boolean;
}

/** A dragged feature's ghost on the page. */
interface Ghost {
  drag: Active;
  el: HTMLElement;
  ring: HTMLElement | null;
  /** Dims the original where it is drawn from images (feature state does not redraw an image), or null. */
  veil: HTMLElement | null;
  ringM: number;
  lonLat: [number, number];
  /** Undoes the listeners that wait for the dropped data to be drawn. */
  cancel: () => void;
}

/**
 * Calls `done` once the source has new data (its next `content` event, from setData or setTiles)
 * and the map has drawn it (idle), or after GHOST_AFTER_DROP_MAX_MS if it never gets any (a drop
 * the app refused). Returns a function that cancels the wait.
 */
export function whenSourceDrawn(m: MlMap, source: string, done: () => void): () => void {
  const onData = (e: MapSourceDataEvent) => {
    if (e.sourceId !== source || e.sourceDataType !== 'content') return;
    m.off('sourcedata', onData);
    m.once('idle', finish);
  };
  const finish = () => {
    cancel();
    done();
  };
  const timer = setTimeout(finish, GHOST_AFTER_DROP_MAX_MS);
  const cancel = () => {
    m.off('sourcedata', onData);
    m.off('idle', finish);
    clearTimeout(timer);
  };
  m.on('sourcedata', onData);
  return cancel;
}

/** A number of a rendered feature's evaluated paint, or the fallback. */
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
/** A colour of a rendered feature's evaluated paint (a CSS string, or MapLibre's Color whose toString is `rgba(…)`), or the fallback. */
export const cssColor = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : v && typeof v === 'object' && 'r' in v ? String(v) : fallback);

/**
 * The on-screen radius (px) of a ring of `radiusM` metres around `lonLat`, as the tile worker draws
 * reach rings (src/geo/point-tile-index.ts `ringAround`: the local frame's metres per degree):
 * the mean of its east and north radii through the map's projection.
 */
export function ringRadiusPx(project: (lonLat: [number, number]) => { x: number; y: number }, lonLat: [number, number], radiusM: number): number {
  const f = makeLocalFrame(lonLat[0], lonLat[1]);
  const c = project(lonLat);
  const e = project([lonLat[0] + radiusM / f.kx, lonLat[1]]);
  const n = project([lonLat[0], lonLat[1] + radiusM / f.ky]);
  return (Math.hypot(e.x - c.x, e.y - c.y) + Math.hypot(n.x - c.x, n.y - c.y)) / 2;
}

/**
 * The paint the ghost copies: the hit layer's, evaluated for the feature — or, for a layer drawn from
 * images below a zoom (map/overlay-source.ts: there it is only hit-tested, in one colour at opacity
 * 0), its drawn copy's (`drawnLayerId`), evaluated for the feature at the map's zoom.
 */
export function ghostPaint(map: MlMap, hit: MapGeoJSONFeature): Record<string, unknown> {
  const own = { ...(hit.layer.paint as Record<string, unknown> | undefined) };
  const drawn = drawnLayerId(hit.layer.id);
  const spec = map.getLayer(drawn) ? map.getStyle().layers.find((l) => l.id === drawn) : undefined;
  const p = spec?.type === 'circle' ? circleRasterPaint(spec.paint, map.getZoom(), 1) : null;
  if (!p) return own;
  const i = p.colorBy ? p.colorBy.values.indexOf(hit.properties?.[p.colorBy.property] as string | number | boolean) : 0;
  return { 'circle-color': p.colors[i >= 0 ? i : p.colors.length - 1], 'circle-radius': p.radius, 'circle-stroke-width': p.strokeWidth, 'circle-stroke-color': p.strokeColor };
}

/**
 * The zoom below which `hit`'s layer is drawn from images (its drawn copy's minzoom, overlay-source.ts),
 * or undefined when the layer draws its own circles.
 */
function imagesBelowZoom(map: MlMap, hit: MapGeoJSONFeature): number | undefined {
  const drawn = map.getLayer(drawnLayerId(hit.layer.id));
  return drawn ? drawn.minzoom : undefined;
}

export class FeatureDrag {
  #active: Active | null = null;
  /** The ghost on the map (it stays after the drop until the layer's new data is drawn). */
  #ghost: Ghost | null = null;
  readonly #reproject = () => this.#place();

  constructor(
    private readonly map: MlMap,
    private readonly layers: () => string[],
    /** Drag events; on `start` the handler may give a reach ring to draw around the ghost. */
    private readonly emit: (e: FeatureDragEvent) => DragGhostRing | void,
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
    this.#active = {
      layerId: hit.layer.id,
      source: hit.source,
      sourceLayer: hit.sourceLayer,
      stateId: hit.id,
      featureId: String(hit.properties.id),
      paint: ghostPaint(this.map, hit),
      origin: hit.geometry.type === 'Point' ? (hit.geometry.coordinates.slice(0, 2) as [number, number]) : null,
      imagesBelow: imagesBelowZoom(this.map, hit),
      start: { x: e.point.x, y: e.point.y },
      moved: false,
    };
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
      const ring = this.emit({ layerId: a.layerId, featureId: a.featureId, lonLat, phase: 'start' });
      this.#showGhost(a, lonLat, ring || null);
    }
    this.#ghostAt(lonLat);
    this.emit({ layerId: a.layerId, featureId: a.featureId, lonLat, phase: 'move' });
  }

  #up(e: MapMouseEvent): void {
    const a = this.#active;
    this.#active = null;
    if (!a?.moved) return;
    const lonLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    this.#ghostAt(lonLat);
    const g = this.#ghost;
    // Listen before the drop is applied: the caller may change the layer's data at once.
    if (g?.drag === a) this.#hideWhenDrawn(g);
    this.emit({ layerId: a.layerId, featureId: a.featureId, lonLat, phase: 'end' });
  }

  /** Keep the ghost until the layer's source has new data and the map has drawn it (idle). */
  #hideWhenDrawn(g: Ghost): void {
    const m = this.map;
    // Undim the original (now at its new place, under the ghost) first, and take the ghost away once that is drawn too.
    g.cancel = whenSourceDrawn(m, g.drag.source, () => {
      const a = g.drag;
      g.veil?.remove();
      if (a.stateId === undefined || !m.getSource(a.source)) return this.#hideGhost(g);
      m.removeFeatureState({ source: a.source, sourceLayer: a.sourceLayer, id: a.stateId }, DRAGGED_STATE);
      const hide = () => this.#hideGhost(g);
      m.once('idle', hide);
      g.cancel = () => m.off('idle', hide);
    });
  }

  #showGhost(a: Active, lonLat: [number, number], ring: DragGhostRing | null): void {
    const m = this.map;
    if (this.#ghost) this.#hideGhost(this.#ghost);
    const p = a.paint;
    const r = num(p['circle-radius'], 6);
    const stroke = num(p['circle-stroke-width'], 1.5);
    const el = document.createElement('div');
    el.dataset.testid = DRAG_GHOST_TESTID;
    el.dataset.featureId = a.featureId;
    // Pointer-only feedback: the figures and the selected facility's panel say what the drag does.
    el.setAttribute('aria-hidden', 'true');
    el.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;will-change:transform;z-index:1';
    let ringEl: HTMLElement | null = null;
    if (ring && ring.radiusM > 0) {
      ringEl = document.createElement('div');
      ringEl.dataset.ringM = String(ring.radiusM);
      ringEl.style.cssText = `position:absolute;border-radius:50%;box-sizing:border-box;border:1.4px solid ${ring.color};opacity:0.85`;
      el.append(ringEl);
    }
    const dot = document.createElement('div');
    const d = 2 * (r + stroke);
    dot.style.cssText =
      `position:absolute;left:${-d / 2}px;top:${-d / 2}px;width:${d}px;height:${d}px;box-sizing:border-box;border-radius:50%;` +
      `background:${cssColor(p['circle-color'], '#0571b0')};border:${stroke}px solid ${cssColor(p['circle-stroke-color'], '#ffffff')};box-shadow:0 1px 4px #0006`;
    el.append(dot);
    let veil: HTMLElement | null = null;
    if (a.imagesBelow !== undefined && a.origin) {
      // √2 × the dot: an image is drawn for one zoom and scaled by up to √2 between zooms.
      const v = Math.ceil(d * Math.SQRT2) + 2;
      veil = document.createElement('div');
      veil.dataset.testid = DRAG_VEIL_TESTID;
      veil.setAttribute('aria-hidden', 'true');
      veil.style.cssText =
        `position:absolute;left:${-v / 2}px;top:${-v / 2}px;width:${v}px;height:${v}px;pointer-events:none;z-index:1;will-change:transform;` +
        `border-radius:50%;background:rgba(255,255,255,${1 - DRAGGED_FROM_OPACITY})`;
      m.getCanvasContainer().append(veil);
    }
    m.getCanvasContainer().append(el);
    this.#ghost = { drag: a, el, ring: ringEl, veil, ringM: ring?.radiusM ?? 0, lonLat, cancel: () => {} };
    // Zooming during (or just after) the drag keeps the ghost on its place and the ring to scale.
    m.on('move', this.#reproject);
    if (a.stateId !== undefined) m.setFeatureState({ source: a.source, sourceLayer: a.sourceLayer, id: a.stateId }, { [DRAGGED_STATE]: true });
  }

  #ghostAt(lonLat: [number, number]): void {
    const g = this.#ghost;
    if (!g) return;
    g.lonLat = lonLat;
    this.#place();
  }

  /** Put the ghost where its position projects now, its ring at the current scale. */
  #place(): void {
    const g = this.#ghost;
    if (!g) return;
    const m = this.map;
    const p = m.project(g.lonLat);
    g.el.style.transform = `translate(${p.x}px, ${p.y}px)`;
    const a = g.drag;
    if (g.veil && a.origin) {
      const o = m.project(a.origin);
      g.veil.style.transform = `translate(${o.x}px, ${o.y}px)`;
      // From the drawn copy's zoom the original is a circle, dimmed by feature state.
      g.veil.style.display = m.getZoom() < a.imagesBelow! ? '' : 'none';
    }
    if (g.ring) {
      const r = ringRadiusPx((ll) => m.project(ll), g.lonLat, g.ringM);
      const s = g.ring.style;
      s.left = s.top = `${-r}px`;
      s.width = s.height = `${2 * r}px`;
    }
  }

  #hideGhost(g: Ghost): void {
    if (this.#ghost !== g) return;
    const m = this.map;
    g.cancel();
    g.el.remove();
    g.veil?.remove();
    m.off('move', this.#reproject);
    this.#ghost = null;
    const a = g.drag;
    if (a.stateId !== undefined && m.getSource(a.source)) m.removeFeatureState({ source: a.source, sourceLayer: a.sourceLayer, id: a.stateId }, DRAGGED_STATE);
  }
}
