/**
 * The page side of TiledPoints overlays (src/map/overlay.ts), loaded with the first one (overlay-source.ts):
 * the `anju-points://<overlay>/<version>/{z}/{x}/{y}` protocol MapLibre requests tiles through,
 * and which data each overlay's tiles show. The worker and the code talking to it
 * (src/workers/point-tiles-client.ts, handed over by the overlay data) load on the first tiled overlay.
 */
import { addProtocol, type CircleLayerSpecification, type RasterSourceSpecification, type VectorSourceSpecification } from 'maplibre-gl';
import type { TiledPoints } from './overlay.ts';
import { circleRasterPaint } from './point-raster-paint.ts';
import { PointSets } from './point-sets.ts';

export const POINT_TILES_PROTOCOL = 'anju-points';
export const POINT_RASTER_PROTOCOL = 'anju-point-raster';
/**
 * Css pixels of a raster tile's side: tile z is drawn at map zoom z - 1 (MapLibre's tiles are 512
 * css px at zoom z), as an image of 256 × the pixel ratio: 512 px at a pixel ratio of 2.
 */
const RASTER_TILE_CSS = 256;
/** Deepest zoom with its own tiles (the worker's index cuts to the same); MapLibre overzooms beyond. */
const MAX_ZOOM = 14;

/** The sets the tile worker holds and the overlays drawing them (point-sets.ts). */
const sets = new PointSets();
let registered = false;
/** Each raster-drawn circle layer's paint, by layer id (the raster tile URLs name the layer). */
const rasterPaint = new Map<string, CircleLayerSpecification['paint']>();

function register(): void {
  if (registered) return;
  registered = true;
  addProtocol(POINT_TILES_PROTOCOL, async (params, abort) => {
    const m = /^anju-points:\/\/([^/]+)\/\d+\/(\d+)\/(\d+)\/(\d+)(?:\/pick-below-(\d+))?$/.exec(params.url);
    if (!m) throw new Error(`not a point tile: ${params.url}`);
    const set = decodeURIComponent(m[1]);
    const data = await sets.answer(set, (c) => c.tile(set, Number(m[2]), Number(m[3]), Number(m[4]), abort.signal, m[5] === undefined ? undefined : Number(m[5])));
    // An empty body is an empty tile to MapLibre (a set dropped while this request was on its way).
    return { data: data ?? new ArrayBuffer(0) };
  });
  addProtocol(POINT_RASTER_PROTOCOL, async (params, abort) => {
    const m = /^anju-point-raster:\/\/([^/]+)\/\d+\/([^/]+)\/(\d+)\/(\d+)\/(\d+)(@2x)?$/.exec(params.url);
    if (!m) throw new Error(`not a point raster tile: ${params.url}`);
    const [set, layer, z, x, y] = [decodeURIComponent(m[1]), decodeURIComponent(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
    // MapLibre's {ratio} is "@2x" from a pixel ratio of 2 (the export's offscreen map too); a 1.5 screen draws at 2.
    const scale = m[6] ? 2 : Math.min(2, Math.ceil(globalThis.devicePixelRatio || 1));
    const paint = circleRasterPaint(rasterPaint.get(layer), z - 1, scale);
    if (!paint) throw new Error(`point raster: the layer "${layer}" cannot be drawn as an image`);
    const bitmap = await sets.answer(set, (c) => c.raster(set, z, x, y, RASTER_TILE_CSS * scale, paint, abort.signal));
    // An empty body is an empty tile to MapLibre (a transparent texture).
    return { data: bitmap ?? new ArrayBuffer(0) };
  });
}

/**
 * `overlay` draws `data`: sent to the tile worker if it does not hold it yet; the set's name and version for the URLs.
 * `hold` is an export's hold (holdPoints), or undefined for the live map (held under the overlay's id).
 */
function use(overlay: string, data: TiledPoints, hold?: PointsHold): { set: string; version: number } {
  register();
  if (!hold) return sets.use(overlay, data);
  const used = sets.use(overlay, data, hold.key(overlay));
  hold.noted(overlay, used);
  return used;
}

/**
 * What an offscreen render (a map export) draws of the tile worker's sets: held under keys of its
 * own until `release`, so the live map letting an overlay go while the export runs (a tab switch,
 * an undo, hiding) does not drop a set the export still asks tiles of. The export asks `changed()`
 * once drawn: overlays whose set was replaced meanwhile (a drag, an undo: its tiles may have been
 * answered from the new data) or is no longer held — such an image must not be handed out.
 */
export interface PointsHold {
  /** The key the hold draws `overlay`'s set under (PointSets.use's holder). */
  key(overlay: string): string;
  /** `overlay`'s set and version as the render's tile URLs name them. */
  noted(overlay: string, used: { set: string; version: number }): void;
  /** Overlays whose set the worker no longer holds in the version noted. */
  changed(): string[];
  /** The render is over: its sets are dropped unless the live map draws them. */
  release(): void;
}

let holdsMade = 0;

export function holdPoints(): PointsHold {
  const prefix = `~hold-${++holdsMade}~`;
  const noted = new Map<string, { set: string; version: number }>();
  return {
    key: (overlay) => prefix + overlay,
    noted: (overlay, used) => void noted.set(overlay, used),
    changed: () => [...noted].filter(([, u]) => sets.version(u.set) !== u.version).map(([o]) => o),
    release: () => {
      for (const o of noted.keys()) sets.release(prefix + o);
    },
  };
}

/** The overlay's sources are gone from the map: the tile worker drops its set unless another overlay draws it. */
export const releasePoints = (overlay: string): void => sets.release(overlay);

/**
 * The tile URL template showing `data` (below `pickBelow` for hit-testing only, pointTilesSource) (sent to the worker first if needed), under the overlay's
 * id or the name of the set it shares with other overlays.
 */
export function pointTilesUrl(overlay: string, data: TiledPoints, pickBelow?: number, hold?: PointsHold): string {
  const { set, version } = use(overlay, data, hold);
  // Every layer drawn from images below pickBelow: the vector tiles there are for hit-testing only (fewer circles to upload).
  const pick = pickBelow === undefined ? '' : `/pick-below-${pickBelow}`;
  return `${POINT_TILES_PROTOCOL}://${encodeURIComponent(set)}/${version}/{z}/{x}/{y}${pick}`;
}

/** A vector source drawing `data` (below `pickBelow` only hit-tested: every layer draws from images there). */
export function pointTilesSource(overlay: string, data: TiledPoints, pickBelow?: number, hold?: PointsHold): VectorSourceSpecification {
  return { type: 'vector', tiles: [pointTilesUrl(overlay, data, pickBelow, hold)], maxzoom: MAX_ZOOM };
}

/**
 * Whether `layer` of tiled `data` is drawn from images below `data.rasterBelowZoom`: plain points
 * and a circle paint the rasteriser understands (point-raster-paint.ts).
 */
export function drawsAsRaster(data: TiledPoints, layer: { id: string; type: string; paint?: unknown }): layer is CircleLayerSpecification {
  return data.rasterBelowZoom !== undefined && layer.type === 'circle' && circleRasterPaint((layer as CircleLayerSpecification).paint, 10, 1) !== null;
}

/** The raster source drawing `layer` (a circle layer of `data`, drawsAsRaster) below `data.rasterBelowZoom`. */
export function pointRasterSource(overlay: string, data: TiledPoints, layer: CircleLayerSpecification | Omit<CircleLayerSpecification, 'source'>, hold?: PointsHold): RasterSourceSpecification {
  return { type: 'raster', tiles: [pointRasterUrl(overlay, data, layer, hold)], tileSize: RASTER_TILE_CSS, maxzoom: (data.rasterBelowZoom ?? 0) + 1 };
}

/** The raster tile URL template for `layer` of `data` (the points sent to the worker first if needed). */
export function pointRasterUrl(overlay: string, data: TiledPoints, layer: Pick<CircleLayerSpecification, 'id' | 'paint'>, hold?: PointsHold): string {
  rasterPaint.set(layer.id, layer.paint);
  const { set, version } = use(overlay, data, hold);
  return `${POINT_RASTER_PROTOCOL}://${encodeURIComponent(set)}/${version}/${encodeURIComponent(layer.id)}/{z}/{x}/{y}{ratio}`;
}
