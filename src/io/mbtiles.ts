/**
 * Reading an MBTiles basemap (spec 1.3, github.com/mapbox/mbtiles-spec): a SQLite database with a
 * `metadata` name/value table (format pbf|png|jpg|webp, minzoom, maxzoom, bounds, json with
 * vector_layers) and a `tiles` table or view (zoom_level, tile_column, tile_row, tile_data) whose
 * rows count from the south (TMS): y = 2^z − 1 − tile_row. Vector tiles are usually gzip-compressed.
 *
 * The database engine is handed in (sql.js in the browser and on the server, each loading it its
 * own way), so this module stays in the pure core. sql.js holds the whole file in memory: callers
 * check `MBTILES_MAX_BYTES` before reading a file.
 */
import { tileCrsHint, type TileCrsHint } from './tile-crs-hint.ts';

/** Largest MBTiles file opened in the browser: sql.js copies the whole file into memory (about twice its size while opening). */
export const MBTILES_MAX_BYTES = 256 * 1024 * 1024;

/** The part of sql.js's Database this reader uses. */
export interface SqlDatabase {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  prepare(sql: string): SqlStatement;
  close(): void;
}
export interface SqlStatement {
  bind(values: (number | string)[]): boolean;
  step(): boolean;
  get(): unknown[];
  reset(): void;
  free(): boolean;
}

export const MBTILES_FORMATS = ['pbf', 'png', 'jpg', 'webp'] as const;
export type MbtilesFormat = (typeof MBTILES_FORMATS)[number];

export interface MbtilesInfo {
  format: MbtilesFormat;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees, when the file says. */
  bounds: [number, number, number, number] | null;
  name: string;
  attribution: string;
  /** Source layers of vector tiles (metadata `json`), with their fields. */
  vectorLayers: { id: string; fields: Record<string, string> }[];
}

/** Why a file is not used (message keys `basemap.mbtiles.*`). */
export type MbtilesProblem =
  | { reason: 'not-sqlite' }
  | { reason: 'too-large'; sizeMb: number; maxMb: number }
  | { reason: 'corrupt'; detail: string }
  | { reason: 'no-tiles' }
  | { reason: 'empty' }
  | { reason: 'format'; format: string }
  | { reason: 'crs'; crs: TileCrsHint; where: string };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Does the file start like a SQLite database? (The first 16 bytes are enough.) */
export function isSqlite(head: Uint8Array): boolean {
  if (head.length < 16) return false;
  for (let i = 0; i < 16; i++) if (head[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** Checks a file's size and first bytes before it is read whole; null when it may be opened. */
export function checkMbtilesFile(sizeBytes: number, head: Uint8Array, maxBytes = MBTILES_MAX_BYTES): MbtilesProblem | null {
  if (!isSqlite(head)) return { reason: 'not-sqlite' };
  if (sizeBytes > maxBytes) return { reason: 'too-large', sizeMb: Math.ceil(sizeBytes / 1048576), maxMb: Math.floor(maxBytes / 1048576) };
  return null;
}

function rows(db: SqlDatabase, sql: string): unknown[][] {
  return db.exec(sql)[0]?.values ?? [];
}

/** The `metadata` table as name → value (empty when the table is missing). */
export function readMetadata(db: SqlDatabase): Record<string, string> {
  const has = rows(db, "SELECT 1 FROM sqlite_master WHERE name = 'metadata' AND type IN ('table', 'view')").length > 0;
  if (!has) return {};
  return Object.fromEntries(rows(db, 'SELECT name, value FROM metadata').map(([k, v]) => [String(k), v === null ? '' : String(v)]));
}

/** The format of a tile from its first bytes (for files whose metadata does not say). */
export function sniffFormat(b: Uint8Array): MbtilesFormat | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpg';
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) return 'webp';
  if ((b[0] === 0x1f && b[1] === 0x8b) || b[0] === 0x78 || b[0] === 0x1a) return 'pbf'; // gzip, zlib, or an MVT layer field
  return null;
}

function formatOf(meta: string | undefined, first: Uint8Array): MbtilesFormat | string {
  const f = (meta ?? '').trim().toLowerCase();
  if (f === 'jpeg') return 'jpg';
  if (f === 'mvt') return 'pbf';
  if (f) return f;
  return sniffFormat(first) ?? 'unknown';
}

function boundsOf(s: string | undefined): [number, number, number, number] | null {
  const b = (s ?? '').split(',').map(Number);
  if (b.length !== 4 || b.some((v) => !Number.isFinite(v))) return null;
  const [w, so, e, n] = b;
  return w < e && so < n && w >= -180 && e <= 180 && so >= -90 && n <= 90 ? [w, so, e, n] : null;
}

function vectorLayersOf(json: string | undefined): MbtilesInfo['vectorLayers'] {
  try {
    const v = (JSON.parse(json ?? '{}') as { vector_layers?: unknown }).vector_layers;
    if (!Array.isArray(v)) return [];
    return v.filter((l): l is { id: string; fields?: Record<string, string> } => typeof (l as { id?: unknown })?.id === 'string').map((l) => ({ id: l.id, fields: l.fields ?? {} }));
  } catch {
    return [];
  }
}

/**
 * What the database holds, or why it is not an MBTiles basemap this app can draw. Reads the
 * metadata and one tile; the zoom range comes from the tiles when the metadata lacks it.
 */
export function readMbtilesInfo(db: SqlDatabase): { ok: true; info: MbtilesInfo } | { ok: false; problem: MbtilesProblem } {
  try {
    const tiles = rows(db, "SELECT sql FROM sqlite_master WHERE name = 'tiles' AND type IN ('table', 'view')");
    if (!tiles.length) return { ok: false, problem: { reason: 'no-tiles' } };
    const meta = readMetadata(db);
    const crs = tileCrsHint(meta);
    if (crs) return { ok: false, problem: { reason: 'crs', ...crs } };
    const first = rows(db, 'SELECT tile_data FROM tiles LIMIT 1')[0]?.[0];
    if (!(first instanceof Uint8Array)) return { ok: false, problem: { reason: 'empty' } };
    const format = formatOf(meta.format, first);
    if (!(MBTILES_FORMATS as readonly string[]).includes(format)) return { ok: false, problem: { reason: 'format', format } };
    let minZoom = Number.parseInt(meta.minzoom ?? '', 10);
    let maxZoom = Number.parseInt(meta.maxzoom ?? '', 10);
    if (!Number.isFinite(minZoom) || !Number.isFinite(maxZoom)) {
      const [lo, hi] = rows(db, 'SELECT min(zoom_level), max(zoom_level) FROM tiles')[0] as [number, number];
      minZoom = Number(lo);
      maxZoom = Number(hi);
    }
    return {
      ok: true,
      info: {
        format: format as MbtilesFormat,
        minZoom,
        maxZoom,
        bounds: boundsOf(meta.bounds),
        name: meta.name ?? '',
        attribution: meta.attribution ?? '',
        vectorLayers: format === 'pbf' ? vectorLayersOf(meta.json) : [],
      },
    };
  } catch (e) {
    return { ok: false, problem: { reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) } };
  }
}

/** One tile's bytes as stored (maybe gzip-compressed), by XYZ address; null when the file has none there. */
export class MbtilesTiles {
  readonly #stmt: SqlStatement;
  constructor(db: SqlDatabase) {
    this.#stmt = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  }
  get(z: number, x: number, y: number): Uint8Array | null {
    const n = 2 ** z;
    if (!Number.isInteger(z) || z < 0 || z > 30 || !Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) return null;
    const s = this.#stmt;
    try {
      s.bind([z, x, n - 1 - y]); // TMS rows count from the south
      const v = s.step() ? s.get()[0] : null;
      return v instanceof Uint8Array && v.length ? v : null;
    } finally {
      s.reset();
    }
  }
  free(): void {
    this.#stmt.free();
  }
}

/** Tile bytes without their gzip or zlib wrapper (what MapLibre's parser expects). */
export async function inflateTile(b: Uint8Array): Promise<Uint8Array> {
  const kind = b[0] === 0x1f && b[1] === 0x8b ? 'gzip' : b[0] === 0x78 && (b[0] * 256 + b[1]) % 31 === 0 ? 'deflate' : null;
  if (!kind) return b;
  const stream = new Blob([b as BlobPart]).stream().pipeThrough(new DecompressionStream(kind));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
