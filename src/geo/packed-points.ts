/** Points packed for the tile worker, and a small edit of them (src/geo/point-tile-index.ts cuts them into tiles). */

/** A property value a tile can carry (MVT values; null leaves the property out). */
export type PointPropertyValue = string | number | boolean | null;

/** Points packed for a worker message: every part transferable, nothing for the structured clone to copy. */
export interface PackedPoints {
  count: number;
  /** lon, lat of point i at [2i], [2i + 1] (WGS-84 degrees); transferred, not copied. */
  lonLat: Float64Array;
  /**
   * UTF-8 bytes of the JSON `{ [property]: value[] }`, one array of `count` values per property;
   * must have `id` (text). Transferred: cloning the JSON text of 300,000 facilities cost 0.99 s of
   * `postMessage` on the page (README Speed); the worker decodes it (`decodeColumns`).
   */
  columnsUtf8: Uint8Array;
  /**
   * When set, each point is drawn as the circle of this radius (metres) around it, a LineString
   * (the coverage tab's reach rings), instead of as a point.
   */
  ringRadiusM?: number;
  /**
   * When set, item i is the lon/lat rectangle west, south, east, north at [4i] … [4i + 3] (WGS-84
   * degrees), drawn as a polygon (the coverage gap cells, src/analysis/coverage/gap-layer.ts), and
   * `lonLat` is not read (it may be empty). Transferred, not copied.
   */
  boxes?: Float64Array;
}

/** A small edit of a point set: points taken out by id, points added or replaced (by id). */
export interface PointsChange {
  remove: string[];
  upsert: PackedPoints;
}

/** The source layer of every point tile: MapView sets it as `source-layer` on a tiled overlay's layers. */
export const POINT_TILE_LAYER = 'points';

/**
 * UTF-16 code units encoded in one step of `utf8Steps`: the facility JSON of 20,000 points took
 * 283 ms of encoding in a Chromium profile at load average ~20 (three steps of 2^18), too long
 * for one slice; 2^16 makes each step about a quarter of that.
 */
const UTF8_CHARS_PER_STEP = 1 << 16;

/**
 * `text` as UTF-8 bytes, a piece per step (yields between pieces; the result is an exactly sized
 * array with a buffer of its own, to transfer). A piece never ends between the two halves of a
 * surrogate pair; a lone surrogate becomes U+FFFD as in any UTF-8 encoder (JSON.stringify escapes
 * them, so a JSON text has none).
 */
export function* utf8Steps(text: string, charsPerStep = UTF8_CHARS_PER_STEP): Generator<void, Uint8Array> {
  const encoder = new TextEncoder();
  const out = new Uint8Array(text.length * 3); // at most 3 bytes per UTF-16 code unit
  let written = 0;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + charsPerStep);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // keep the pair together
    if (end === at) end = at + 2; // a step of one code unit at a pair
    written += encoder.encodeInto(text.slice(at, end), out.subarray(written)).written;
    at = end;
    if (at < text.length) yield;
  }
  return out.slice(0, written);
}

/** The columns of packed points (the worker's side of `columnsUtf8`). */
export function decodeColumns(p: Pick<PackedPoints, 'columnsUtf8'>): Record<string, PointPropertyValue[]> {
  return JSON.parse(new TextDecoder().decode(p.columnsUtf8)) as Record<string, PointPropertyValue[]>;
}

/** Transferables of packed points (for a worker message's transfer list). */
export const packedTransfer = (p: PackedPoints): ArrayBuffer[] => [p.lonLat.buffer as ArrayBuffer, p.columnsUtf8.buffer as ArrayBuffer, ...(p.boxes ? [p.boxes.buffer as ArrayBuffer] : [])];
