/**
 * A layer (WGS-84) → FlatGeobuf (EPSG:4326 in the header), with the `flatgeobuf` library's
 * encoders loaded on first use. Columns are the table's own, typed (int → Int, double → Double,
 * bool → Bool, string → String in UTF-8, json → Json). The library's `serialize` takes the columns
 * and their types from the first feature only (a property missing there would be dropped, a number
 * after a first null written as text); a FeatureCollection is written here with every property of
 * every feature as a column, typed from all its values (`inferColumns`).
 *
 * The output is a list of chunks of a few MB (for a Blob), not one array: a layer of points is
 * encoded straight into them (flatgeobuf-point.ts), other geometries through the library.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { featuresTable, type CellValue, type ColumnKind, type LayerTable } from './layer-table.ts';
import { pointFeatureSize, writePointFeature } from './flatgeobuf-point.ts';

/** flatgeobuf's ColumnType numbers. */
const COLUMN_TYPE: Record<ColumnKind, number> = { bool: 2, int: 5, double: 10, string: 11, json: 12 };
/** flatgeobuf's GeometryType numbers. */
const GEOMETRY_TYPE: Record<string, number> = { Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7 };

const CHUNK_BYTES = 4 << 20;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export interface FlatGeobufOptions {
  /** The layer's name in the header (GDAL and QGIS show it): as the GeoJSON export names the file, e.g. `facilities`. */
  layerName: string;
  /** Yield to the event loop after this many ms of work (in the page); never when absent (CLI, tests). */
  yieldMs?: number;
  /** Bytes per output chunk of point features (default 4 MiB). */
  chunkBytes?: number;
}

/**
 * The header the library builds (buildHeader names every layer "L1", which GDAL and QGIS show)
 * with the layer named `name` instead: the name string is appended after the header's tables and
 * the header's `name` field (field 0) points to it, a forward offset as FlatBuffers wants. The
 * header stays a multiple of 8 bytes long, so the features after it stay 8-aligned in the file.
 */
export function withLayerName(header: Uint8Array, name: string): Uint8Array<ArrayBuffer> {
  const src = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const table = 4 + src.getUint32(4, true);
  const vtable = table - src.getInt32(table, true);
  const field = src.getUint16(vtable, true) > 4 ? src.getUint16(vtable + 4, true) : 0;
  if (!field) throw new Error('FlatGeobuf header without a name field');
  const text = encoder.encode(name);
  const at = (header.length + 3) & ~3;
  const out = new Uint8Array((at + 4 + text.length + 1 + 7) & ~7);
  out.set(header);
  const view = new DataView(out.buffer);
  view.setUint32(0, out.length - 4, true);
  view.setUint32(table + field, at - (table + field), true);
  view.setUint32(at, text.length, true);
  out.set(text, at + 4);
  return out;
}

const encoder = new TextEncoder();

/** Rows without geometry, which FlatGeobuf cannot hold (the UI says so in the user's language). */
export class MissingGeometryError extends Error {
  constructor(
    readonly missing: number,
    readonly total: number,
    /** 0-based index of the first such row. */
    readonly first: number,
  ) {
    super(`FlatGeobuf: ${missing} of ${total} features have no geometry (the first is feature ${first + 1}); FlatGeobuf cannot hold them — export GeoJSON instead`);
  }
}

/** Encodes a row's values as FlatGeobuf property bytes into a buffer it grows as needed. */
class PropsEncoder {
  bytes = new Uint8Array(256);
  view = new DataView(this.bytes.buffer);
  length = 0;
  #need(n: number) {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
  #text(s: string) {
    this.#need(4 + s.length * 3);
    const start = this.length + 4;
    // ASCII byte by byte (ids, categories); anything else through the encoder.
    let n = 0;
    for (; n < s.length; n++) {
      const c = s.charCodeAt(n);
      if (c > 0x7f) break;
      this.bytes[start + n] = c;
    }
    const written = n === s.length ? n : encoder.encodeInto(s, this.bytes.subarray(start)).written;
    this.view.setUint32(this.length, written, true);
    this.length = start + written;
  }
  encode(t: LayerTable, row: number): void {
    this.length = 0;
    const values = t.values(row);
    const columns = t.columns;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const v: CellValue | undefined = values[i];
      if (v === null || v === undefined) continue;
      const bad = () => new Error(`FlatGeobuf: feature ${row + 1}, column ${c.name}: ${JSON.stringify(v)?.slice(0, 40)} is not ${c.kind}`);
      this.#need(2 + 8);
      this.view.setUint16(this.length, i, true);
      this.length += 2;
      if (c.kind === 'bool') {
        if (typeof v !== 'boolean') throw bad();
        this.bytes[this.length++] = v ? 1 : 0;
      } else if (c.kind === 'int') {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) throw bad();
        this.view.setInt32(this.length, v, true);
        this.length += 4;
      } else if (c.kind === 'double') {
        if (typeof v !== 'number') throw bad();
        this.view.setFloat64(this.length, v, true);
        this.length += 8;
      } else if (c.kind === 'string') {
        if (typeof v !== 'string') throw bad();
        this.#text(v);
      } else this.#text(JSON.stringify(v));
    }
  }
}

/** The one geometry type of every row, or Unknown (0) for a mix. */
function geometryTypeOf(t: LayerTable): number {
  if (t.lonLat) return GEOMETRY_TYPE.Point;
  let type: number | undefined;
  for (let i = 0; i < t.length; i++) {
    const g = t.geometry(i) as Geometry;
    const gt = GEOMETRY_TYPE[g.type] ?? 0;
    if (type === undefined) type = gt;
    else if (type !== gt) return 0;
  }
  return type ?? 0;
}

/**
 * The layer as FlatGeobuf, in chunks. Refuses (throws, naming the row) a row without geometry,
 * which FlatGeobuf has no place for, and a value that does not fit its column's type.
 */
export async function flatGeobufChunks(t: LayerTable, options: FlatGeobufOptions): Promise<Uint8Array<ArrayBuffer>[]> {
  if (!t.lonLat) {
    let missing = 0;
    let first = -1;
    for (let i = 0; i < t.length; i++) {
      if (t.geometry(i)) continue;
      missing++;
      if (first < 0) first = i;
    }
    if (missing > 0) throw new MissingGeometryError(missing, t.length, first);
  }
  const [{ buildHeader }, { buildFeature }, { parseGeometry, parseGC }, { magicbytes }] = await Promise.all([
    import('flatgeobuf/lib/mjs/generic/featurecollection.js'),
    import('flatgeobuf/lib/mjs/generic/feature.js'),
    import('flatgeobuf/lib/mjs/geojson/geometry.js'),
    import('flatgeobuf/lib/mjs/constants.js'),
  ]);
  const columns = t.columns.map((c) => ({ name: c.name, type: COLUMN_TYPE[c.kind], title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false }));
  const meta = { geometryType: geometryTypeOf(t), columns: columns.length ? columns : null, envelope: null, featuresCount: t.length, indexNodeSize: 0, crs: null, title: null, description: null, metadata: null };
  const chunks: Uint8Array<ArrayBuffer>[] = [new Uint8Array(magicbytes), withLayerName(buildHeader(meta as never, 4326), options.layerName)];
  let chunk = new Uint8Array(options.chunkBytes ?? CHUNK_BYTES);
  let view = new DataView(chunk.buffer);
  let at = 0;
  const flush = () => {
    if (at > 0) chunks.push(chunk.slice(0, at));
    at = 0;
  };
  const props = new PropsEncoder();
  let started = performance.now();
  for (let i = 0; i < t.length; i++) {
    props.encode(t, i);
    if (t.lonLat) {
      const size = pointFeatureSize(props.length);
      if (at + size > chunk.length) {
        flush();
        if (size > chunk.length) {
          chunk = new Uint8Array(size);
          view = new DataView(chunk.buffer);
        }
      }
      const [x, y] = t.lonLat(i);
      at = writePointFeature(chunk, view, at, x, y, props.bytes, props.length);
    } else {
      const g = t.geometry(i) as Geometry;
      const parsed = g.type === 'GeometryCollection' ? parseGC(g as never) : parseGeometry(g as never);
      // The library writes the property bytes given as an object by column name: hand it the row's
      // values as they are (its encoder and ours write the same bytes for these types).
      const values = t.values(i);
      const byName: Record<string, unknown> = {};
      t.columns.forEach((c, j) => (byName[c.name] = values[j] ?? null));
      const bytes = buildFeature(parsed, byName as never, meta as never);
      flush();
      chunks.push(new Uint8Array(bytes));
    }
    if (options.yieldMs !== undefined && (i & 1023) === 0 && performance.now() - started > options.yieldMs) {
      await new Promise((r) => setTimeout(r, 0));
      started = performance.now();
    }
  }
  flush();
  return chunks;
}

/** A GeoJSON FeatureCollection (WGS-84) → FlatGeobuf bytes of a layer named `layerName`, every property of every feature a column. */
export async function toFlatGeobuf(fc: FeatureCollection, layerName: string): Promise<Uint8Array<ArrayBuffer>> {
  const chunks = await flatGeobufChunks(featuresTable(fc), { layerName });
  const out = new Uint8Array(chunks.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of chunks) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
