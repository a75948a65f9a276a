/**
 * Render the map offscreen at print size: a second, invisible MapLibre map with the same style
 * and data (export-style.ts), `pixelRatio` set so labels and lines keep their printed size.
 * The live map (MapView) is not touched.
 */
import * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import type { Camera } from '../state/map-view.ts';
import { SOURCES } from '../map/layer-ids.ts';
import { MAP_FONT_STACK } from '../map/colors.ts';
import { distanceM } from '../geo/measure.ts';

export interface RenderRequest {
  style: StyleSpecification;
  /** The live map's view and its size in CSS px: the export shows at least what it shows. */
  camera: Camera;
  liveSizeCssPx: { width: number; height: number };
  widthPx: number;
  heightPx: number;
  /** Output pixels per CSS pixel (dpi / 96): a 12 px label prints 12/96 inch tall. */
  pixelRatio: number;
  /** Choropleth colours per board id (feature state), or null for category colours. */
  boardColors: Record<string, string> | null;
  /** Give up after this long (SwiftShader renders a 17-megapixel sheet in seconds, not minutes). */
  timeoutMs?: number;
}

export interface RenderedMap {
  canvas: HTMLCanvasElement;
  /** Ground metres per output pixel at the centre, for the scale bar. */
  metresPerPx: number;
  bearingDeg: number;
}

function once(map: maplibregl.Map, event: 'load' | 'idle', timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`map ${event} timed out after ${timeoutMs} ms`)), timeoutMs);
    map.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Draw the map at `widthPx × heightPx` and return it on a 2D canvas of exactly that size. */
export async function renderMap(req: RenderRequest): Promise<RenderedMap> {
  const timeoutMs = req.timeoutMs ?? 120_000;
  const cssW = req.widthPx / req.pixelRatio;
  const cssH = req.heightPx / req.pixelRatio;
  const container = document.createElement('div');
  Object.assign(container.style, { position: 'fixed', left: '-30000px', top: '0', width: `${cssW}px`, height: `${cssH}px`, pointerEvents: 'none' });
  container.setAttribute('aria-hidden', 'true');
  document.body.appendChild(container);
  // Contain the live view: the export shows at least what the screen shows.
  const scale = Math.min(cssW / req.liveSizeCssPx.width, cssH / req.liveSizeCssPx.height);
  const map = new maplibregl.Map({
    container,
    style: req.style,
    center: req.camera.center,
    zoom: req.camera.zoom + Math.log2(scale),
    bearing: req.camera.bearingDeg,
    pitch: req.camera.pitchDeg,
    pixelRatio: req.pixelRatio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    maxCanvasSize: [Math.ceil(req.widthPx) + 2, Math.ceil(req.heightPx) + 2],
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    localIdeographFontFamily: MAP_FONT_STACK.join(', '),
  });
  try {
    await once(map, 'load', timeoutMs);
    for (const [id, color] of Object.entries(req.boardColors ?? {})) map.setFeatureState({ source: SOURCES.boards, id }, { color });
    const idle = once(map, 'idle', timeoutMs);
    map.triggerRepaint();
    await idle;
    const out = document.createElement('canvas');
    out.width = req.widthPx;
    out.height = req.heightPx;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.drawImage(map.getCanvas(), 0, 0, req.widthPx, req.heightPx);
    const c = { x: cssW / 2, y: cssH / 2 };
    const a = map.unproject([c.x - 50, c.y]);
    const b = map.unproject([c.x + 50, c.y]);
    const metresPerPx = distanceM([a.lng, a.lat], [b.lng, b.lat]) / (100 * req.pixelRatio);
    return { canvas: out, metresPerPx, bearingDeg: map.getBearing() };
  } finally {
    map.remove();
    container.remove();
  }
}
