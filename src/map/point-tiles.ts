/**
 * The page side of TiledPoints overlays (src/map/overlay.ts), loaded with the first one (overlay-source.ts):
 * the `anju-points://<overlay>/<version>/{z}/{x}/{y}` protocol MapLibre requests tiles through,
 * and which data each overlay's tiles show. The worker and the code talking to it
 * (src/workers/point-tiles-client.ts, handed over by the overlay data) load on the first tiled overlay.
 */
import { addProtocol, type CircleLayerSpecification, type RasterSourceSpecification, type VectorSourceSpecification } from 'maplibre-gl';
import type { PointTilesBackend, TiledPoints } from './overlay.ts';
import { circleRasterPaint } from './point-raster-paint.ts';

export const POINT_TILES_PROTOCOL = 'anju-points';
export const POINT_RASTER_PROTOCOL = 'anju-point-raster';
/**
 * Css pixels of a raster tile's side: tile z is drawn at map zoom z - 1 (MapLibre's tiles are 512
 * css px at zoom z), as an image of 256 × the pixel ratio: 512 px at a pixel ratio of 2.
 */
const RASTER_TILE_CSS = 256;
/** Deepest zoom with its own tiles (the worker's index cuts to the same); MapLibre overzooms beyond. */
const MAX_ZOOM = 14;

/** The tile worker's client, from the first tiled data sent (the map layer does not import workers itself). */
let backend: Promise<PointTilesBackend> | null = null;
const client = (): Promise<PointTilesBackend> => {
  if (!backend) throw new Error('point tiles asked for before any points were sent');
  return backend;
};
/** What the worker holds per overlay (or shared set), and the version in its tile URLs (a new version reloads every tile). */
const sent = new Map<string, { data: TiledPoints; version: number }>();
/**
 * Sends in order: each waits for the one before (a full set is packed in slices, off the long
 * task), and a tile request waits for the sends made before it, so the worker gets the data first.
 */
let queue: Promise<unknown> = Promise.resolve();
let registered = false;
/** Each raster-drawn circle layer's paint, by layer id (the raster tile URLs name the layer). */
const rasterPaint = new Map<string, CircleLayerSpecification['paint']>();

function register(): void {
  if (registered) return;
  registered = true;
  addProtocol(POINT_TILES_PROTOCOL, async (params, abort) => {
    const m = /^anju-points:\/\/([^/]+)\/\d+\/(\d+)\/(\d+)\/(\d+)(?:\/pick-below-(\d+))?$/.exec(params.url);
    if (!m) throw new Error(`not a point tile: ${params.url}`);
    const c = await client();
    await queue;
    return { data: await c.tile(decodeURIComponent(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), abort.signal, m[5] === undefined ? undefined : Number(m[5])) };
  });
  addProtocol(POINT_RASTER_PROTOCOL, async (params, abort) => {
    const m = /^anju-point-raster:\/\/([^/]+)\/\d+\/([^/]+)\/(\d+)\/(\d+)\/(\d+)(@2x)?$/.exec(params.url);
    if (!m) throw new Error(`not a point raster tile: ${params.url}`);
    const [set, layer, z, x, y] = [decodeURIComponent(m[1]), decodeURIComponent(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
    // MapLibre's {ratio} is "@2x" from a pixel ratio of 2 (the export's offscreen map too); a 1.5 screen draws at 2.
    const scale = m[6] ? 2 : Math.min(2, Math.ceil(globalThis.devicePixelRatio || 1));
    const paint = circleRasterPaint(rasterPaint.get(layer), z - 1, scale);
    if (!paint) throw new Error(`point raster: the layer "${layer}" cannot be drawn as an image`);
    const c = await client();
    await queue;
    const bitmap = await c.raster(set, z, x, y, RASTER_TILE_CSS * scale, paint, abort.signal);
    // An empty body is an empty tile to MapLibre (a transparent texture).
    return { data: bitmap ?? new ArrayBuffer(0) };
  });
}

/** Hands `data` to the tile worker if it does not hold it yet (only the change when there is one). */
function send(overlay: string, data: TiledPoints): number {
  register();
  backend ??= data.backend().then((c) => {
    c.connect(heldPoints);
    return c;
  });
  const prev = sent.get(overlay);
  if (prev?.data === data) return prev.version;
  const version = (prev?.version ?? 0) + 1;
  sent.set(overlay, { data, version });
  queue = queue.then(async () => {
    const c = await client();
    const change = prev ? await data.changeFrom(prev.data) : null;
    if (change) c.change(overlay, change);
    else c.set(overlay, await data.pack());
  }).catch((e: unknown) => console.error('point tiles:', e));
  return version;
}

/**
 * The tile URL template showing `data` (below `pickBelow` for hit-testing only, pointTilesSource) (sent to the worker first if needed), under the overlay's
 * id or the name of the set it shares with other overlays.
 */
export function pointTilesUrl(overlay: string, data: TiledPoints, pickBelow?: number): string {
  const set = data.shared ?? overlay;
  // Every layer drawn from images below pickBelow: the vector tiles there are for hit-testing only (fewer circles to upload).
  const pick = pickBelow === undefined ? '' : `/pick-below-${pickBelow}`;
  return `${POINT_TILES_PROTOCOL}://${encodeURIComponent(set)}/${send(set, data)}/{z}/{x}/{y}${pick}`;
}

/** A vector source drawing `data` (below `pickBelow` only hit-tested: every layer draws from images there). */
export function pointTilesSource(overlay: string, data: TiledPoints, pickBelow?: number): VectorSourceSpecification {
  return { type: 'vector', tiles: [pointTilesUrl(overlay, data, pickBelow)], maxzoom: MAX_ZOOM };
}

/**
 * Whether `layer` of tiled `data` is drawn from images below `data.rasterBelowZoom`: plain points
 * and a circle paint the rasteriser understands (point-raster-paint.ts).
 */
export function drawsAsRaster(data: TiledPoints, layer: { id: string; type: string; paint?: unknown }): layer is CircleLayerSpecification {
  return data.rasterBelowZoom !== undefined && layer.type === 'circle' && circleRasterPaint((layer as CircleLayerSpecification).paint, 10, 1) !== null;
}

/** The raster source drawing `layer` (a circle layer of `data`, drawsAsRaster) below `data.rasterBelowZoom`. */
export function pointRasterSource(overlay: string, data: TiledPoints, layer: CircleLayerSpecification | Omit<CircleLayerSpecification, 'source'>): RasterSourceSpecification {
  return { type: 'raster', tiles: [pointRasterUrl(overlay, data, layer)], tileSize: RASTER_TILE_CSS, maxzoom: (data.rasterBelowZoom ?? 0) + 1 };
}

/** The raster tile URL template for `layer` of `data` (the points sent to the worker first if needed). */
export function pointRasterUrl(overlay: string, data: TiledPoints, layer: Pick<CircleLayerSpecification, 'id' | 'paint'>): string {
  rasterPaint.set(layer.id, layer.paint);
  const set = data.shared ?? overlay;
  return `${POINT_RASTER_PROTOCOL}://${encodeURIComponent(set)}/${send(set, data)}/${encodeURIComponent(layer.id)}/{z}/{x}/{y}{ratio}`;
}

/** Everything the worker should hold, for a restarted worker (src/workers/point-tiles-client.ts). */
function heldPoints(): [string, TiledPoints][] {
  return [...sent].map(([id, s]) => [id, s.data]);
}
