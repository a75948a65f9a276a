/**
 * FlatGeobuf reader (.fgb): the features as the `flatgeobuf` library decodes them, and the CRS its
 * header declares (an EPSG code, else its WKT): a code or WKT Anju does not know is named, and the
 * import refuses it unless the user chooses a system, as for a .prj. A header without a CRS leaves
 * the choice to detection from the coordinates, as for a GeoJSON file without `crs`.
 * The library is loaded on first use (it is never in the app's first load).
 */
import { problem, type Checked } from '../domain/problem.ts';
import { crsFromName, crsFromPrj } from './prj.ts';
import type { DeclaredCrs } from './raw-layer.ts';
import type { RawLayer } from './raw-layer.ts';

/** The format's magic bytes: "fgb", major version 3, "fgb", patch. */
export function isFlatGeobuf(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0x66 && bytes[1] === 0x67 && bytes[2] === 0x62 && bytes[3] === 0x03 && bytes[4] === 0x66 && bytes[5] === 0x67 && bytes[6] === 0x62;
}

interface HeaderCrs {
  org: string | null;
  code: number;
  name: string | null;
  wkt: string | null;
  code_string: string | null;
}

/** The header's CRS as a declaration, or null when it declares none. */
export function declaredFromHeader(crs: HeaderCrs | null): DeclaredCrs | null {
  if (!crs) return null;
  const org = (crs.org ?? 'EPSG').toUpperCase();
  const label = crs.name ?? (crs.code ? `${org}:${crs.code}` : (crs.code_string ?? crs.wkt?.slice(0, 60) ?? 'unknown'));
  if (org === 'EPSG' && crs.code > 0) {
    const d = crsFromName(`EPSG:${crs.code}`);
    if (d.ok) return { crs: d.crs, source: 'flatgeobuf-header' };
  }
  if (crs.wkt) {
    const d = crsFromPrj(crs.wkt);
    if (d.ok) return { crs: d.crs, source: 'flatgeobuf-header' };
  }
  if (crs.code === 0 && !crs.wkt && !crs.code_string && crs.org === null) return null;
  return { unsupported: (crs.code > 0 ? `${org}:${crs.code}${crs.name ? ` (${crs.name})` : ''}` : label).slice(0, 120), source: 'flatgeobuf-header' };
}

const detailOf = (e: unknown) =>
  // eslint-disable-next-line no-control-regex -- control characters are stripped from user text on purpose
  (e instanceof Error ? e.message : String(e)).replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?').slice(0, 200);

/**
 * The header's feature count and index node size, read from the FlatBuffers table by hand with
 * every offset checked (the library loops forever on some damaged headers), or what is wrong.
 */
function headerCounts(bytes: Uint8Array): { featuresCount: number; indexNodeSize: number } | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = 12 + (bytes.length >= 12 ? view.getUint32(8, true) : Infinity);
  if (headerEnd > bytes.length) return 'the file ends inside its header';
  const inHeader = (at: number, size: number) => at >= 12 && at + size <= headerEnd;
  if (!inHeader(12, 4)) return 'damaged header';
  const table = 12 + view.getUint32(12, true);
  if (!inHeader(table, 4)) return 'damaged header';
  const vtable = table - view.getInt32(table, true);
  if (!inHeader(vtable, 4)) return 'damaged header';
  const vtableSize = view.getUint16(vtable, true);
  if (!inHeader(vtable, vtableSize)) return 'damaged header';
  /** The table offset of field `slot` (a vtable byte offset: 4 + 2 × field number), 0 when absent. */
  const field = (slot: number) => (slot + 2 <= vtableSize ? view.getUint16(vtable + slot, true) : 0);
  const count = field(20);
  const node = field(22);
  if ((count && !inHeader(table + count, 8)) || (node && !inHeader(table + node, 2))) return 'damaged header';
  const featuresCount = count ? Number(view.getBigUint64(table + count, true)) : 0;
  return { featuresCount, indexNodeSize: node ? view.getUint16(table + node, true) : 16 };
}

/**
 * Where the bytes do not add up to the header, the index and whole size-prefixed features, what is
 * wrong; null when they do. The library reads past a cut without an error (a truncated feature
 * comes back as garbage) or never returns, so nothing reaches it unless they do.
 */
function layoutProblem(bytes: Uint8Array, featuresCount: number, indexBytes: number): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12 + view.getUint32(8, true) + indexBytes;
  let n = 0;
  while (at < bytes.length && (featuresCount === 0 || n < featuresCount)) {
    if (at + 4 > bytes.length) return `the file ends inside feature ${n + 1}`;
    const size = view.getUint32(at, true);
    if (size === 0) return `feature ${n + 1} is empty`;
    at += 4 + size;
    if (at > bytes.length) return `the file ends inside feature ${n + 1}`;
    n++;
  }
  if (at > bytes.length) return 'the file ends inside its index';
  if (featuresCount > 0 && n < featuresCount) return `${n} of the ${featuresCount} features the header announces`;
  if (at < bytes.length) return `${bytes.length - at} bytes after the last feature`;
  return null;
}

export async function readFlatGeobuf(bytes: Uint8Array, file: string): Promise<Checked<RawLayer>> {
  if (!isFlatGeobuf(bytes)) return { ok: false, problems: [problem('not-flatgeobuf', { file, params: { detail: 'no FlatGeobuf signature' } })] };
  const fail = (detail: string): Checked<RawLayer> => ({ ok: false, problems: [problem('not-flatgeobuf', { file, params: { detail } })] });
  const counts = headerCounts(bytes);
  if (typeof counts === 'string') return fail(counts);
  const [{ deserialize }, { calcTreeSize }] = await Promise.all([import('flatgeobuf/lib/mjs/geojson.js'), import('flatgeobuf/lib/mjs/packedrtree.js')]);
  // What the library reads only counts when the bytes add up to exactly the header, index and features.
  const { featuresCount, indexNodeSize } = counts;
  const bad = layoutProblem(bytes, featuresCount, indexNodeSize > 0 && featuresCount > 0 ? calcTreeSize(featuresCount, indexNodeSize) : 0);
  if (bad) return fail(bad);
  let header: { crs: HeaderCrs | null } | null = null;
  const features: unknown[] = [];
  try {
    // The library numbers features from 0 as their `id`: that is the file order, not an id the
    // file holds (FlatGeobuf has none), so it is left out, as for GeoJSON features without one.
    for await (const f of deserialize(bytes, { headerMetaFn: (h) => (header = h) })) features.push({ type: 'Feature', geometry: f.geometry, properties: f.properties ?? {} });
  } catch (e) {
    return fail(detailOf(e));
  }
  const h = header as { crs: HeaderCrs | null } | null;
  if (!h) return fail('no header');
  return { ok: true, value: { format: 'flatgeobuf', features, encoding: null, declared: declaredFromHeader(h.crs), problems: [], details: {} }, warnings: [] };
}
