/**
 * Shapefile reader for a .zip holding .shp (+ .dbf, .prj, .cpg; .shx is not needed). Geometry and
 * records are parsed by shpjs (sync), the zip by fflate. Attribute text is decoded as the .cpg says,
 * else as the dBASE language driver says (0x4D = GBK), else by content: strict UTF-8, failing that GBK.
 * Headers are checked before parsing so a corrupt count cannot make the parser loop for ever.
 */
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import type { Feature, Geometry } from 'geojson';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { dbfEncoding } from './dbf-encoding.ts';
import { crsFromPrj } from './prj.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import { crc32, directoryChecksums } from './zip-checksums.ts';
import type { RawLayer } from './raw-layer.ts';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function unzip(bytes: Uint8Array, file: string): Checked<Record<string, Uint8Array>> {
  let totalBytes = 0;
  let index = -1;
  /** Directory index of each kept entry (a repeated name: the last, as unzipSync keeps). */
  const indexOf = new Map<string, number>();
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        index++;
        if (f.name.includes('__MACOSX') || !/\.(shp|shx|dbf|prj|cpg)$/i.test(f.name)) return false;
        totalBytes += f.originalSize;
        if (totalBytes > MAX_IMPORT_BYTES) throw new Error(`uncompressed size exceeds ${MAX_IMPORT_BYTES / 1048576} MB`);
        indexOf.set(f.name, index);
        return true;
      },
    });
  } catch (e) {
    return { ok: false, problems: [problem('zip-invalid', { file, params: { detail: errText(e) } })] };
  }
  // unzipSync trusts the directory: an entry whose data is missing or damaged comes out as zeros
  // or garbage (once read as "113 empty geometries"). Its CRC-32 says so.
  const sums = directoryChecksums(bytes);
  if (sums === null || sums.length !== index + 1) return { ok: false, problems: [problem('zip-invalid', { file, params: { detail: 'its central directory does not describe its entries' } })] };
  for (const [name, data] of Object.entries(entries)) {
    const expected = sums[indexOf.get(name) ?? -1];
    if (expected === undefined || crc32(data) !== expected) return { ok: false, problems: [problem('zip-corrupt', { file, params: { entry: name } })] };
  }
  return { ok: true, value: entries, warnings: [] };
}

/** dBASE header sanity: the records it claims fit in the bytes there are. */
function dbfHeaderProblem(dbf: Uint8Array): string | null {
  if (dbf.length < 33) return 'shorter than a dBASE header';
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recLen = v.getUint16(10, true);
  if (headerLen < 33 || headerLen > dbf.length) return `header length ${headerLen} does not fit the file`;
  if (recLen === 0 && records > 0) return 'record length 0';
  if (headerLen + records * recLen > dbf.length) return `${records} records of ${recLen} bytes do not fit the file`;
  return null;
}

/** Shape types of the Shapefile specification that hold points, lines or polygons (2D, M, Z). */
const SUPPORTED_SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);
const SHAPE_TYPE_NAMES: Record<number, string> = { 31: 'MultiPatch' };

/**
 * Walk the records by their headers: the bytes that hold whole records of the file's type. Stops at
 * zero padding (written by some tools after the last record; GDAL reads such files), at a record
 * running past the end (truncation) or at one whose type is not the file's (corruption).
 */
function wholeRecords(shp: Uint8Array, shapeType: number): { end: number; records: number; damaged: boolean } {
  const v = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const declared = v.getInt32(24) * 2;
  const limit = declared >= 100 && declared <= shp.length ? declared : shp.length;
  let offset = 100;
  let records = 0;
  while (offset + 12 <= limit) {
    const len = v.getInt32(offset + 4) * 2;
    const type = v.getInt32(offset + 8, true);
    if (len < 4 || offset + 8 + len > limit || (type !== 0 && type !== shapeType)) break;
    offset += 8 + len;
    records++;
  }
  // What is left must be nothing but zero padding; anything else means the file is damaged there.
  let damaged = declared > shp.length;
  for (let i = offset; i < shp.length && !damaged; i++) if (shp[i] !== 0) damaged = true;
  return { end: offset, records, damaged };
}

/** Which dBASE records are marked deleted ('*' flag): GDAL skips them and their shapes. */
function deletedRecords(dbf: Uint8Array): Set<number> {
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recLen = v.getUint16(10, true);
  const out = new Set<number>();
  for (let r = 0; r < records; r++) if (dbf[headerLen + r * recLen] === 0x2a) out.add(r);
  return out;
}

/** Text for a message from bytes that may not be text: printable characters only, else a note. */
function printable(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  // Control characters (C0 and C1: \p{Cc}) and the replacement character mark bytes that are no text.
  const bad = (t.match(/[\p{Cc}\ufffd]/gu) ?? []).length;
  return t === '' || bad > t.length / 10 ? '(unreadable, not text)' : t.replace(/[\p{Cc}\ufffd]/gu, '?').slice(0, 80);
}

/** dBASE values as GeoJSON property values: dates as ISO yyyy-mm-dd, blank numbers as null. */
function cleanValue(v: unknown): string | number | boolean | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** Read a zipped Shapefile's bytes into a raw layer. */
export function readShapefileZip(bytes: Uint8Array, file: string): Checked<RawLayer> {
  const zip = unzip(bytes, file);
  if (!zip.ok) return zip;
  const names = Object.keys(zip.value).sort();
  const shpNames = names.filter((n) => /\.shp$/i.test(n));
  if (shpNames.length === 0) return { ok: false, problems: [problem('shp-missing', { file, params: { entries: names.join(', ') || '-' } })] };
  const notes: Problem[] = [];
  if (shpNames.length > 1) notes.push(problem('shp-multiple', { file, params: { used: shpNames[0], entries: shpNames.join(', ') } }, 'warning'));
  const base = shpNames[0].slice(0, -4).toLowerCase();
  const sidecar = (ext: string) => names.find((n) => n.toLowerCase() === `${base}.${ext}`);
  const shp = zip.value[shpNames[0]];
  const text = (ext: string) => {
    const n = sidecar(ext);
    return n ? new TextDecoder('utf-8').decode(zip.value[n]) : null;
  };

  if (shp.length < 100 || new DataView(shp.buffer, shp.byteOffset, 4).getInt32(0) !== 9994) {
    return { ok: false, problems: [problem('shp-invalid', { file, params: { detail: 'not a .shp file (file code 9994 missing)' } })] };
  }
  const shapeType = new DataView(shp.buffer, shp.byteOffset, shp.byteLength).getInt32(32, true);
  if (!SUPPORTED_SHAPE_TYPES.has(shapeType)) {
    return { ok: false, problems: [problem('shp-unsupported-type', { file, params: { type: SHAPE_TYPE_NAMES[shapeType] ?? `type ${shapeType}` } })] };
  }
  const walk = wholeRecords(shp, shapeType);
  if (walk.records === 0 && shp.length > 100) return { ok: false, problems: [problem('shp-invalid', { file, params: { detail: 'no readable shape record (the archive or the .shp is damaged)' } })] };
  const shx = sidecar('shx');
  const expected = shx ? Math.floor((zip.value[shx].length - 100) / 8) : null;
  if (walk.damaged || (expected !== null && walk.records < expected)) notes.push(problem('shp-truncated', { file, params: { read: walk.records, expected: expected ?? '?' } }, 'warning'));
  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(shp.subarray(0, walk.end));
  } catch (e) {
    return { ok: false, problems: [problem('shp-invalid', { file, params: { detail: errText(e).slice(0, 200) } })] };
  }

  let declared: RawLayer['declared'] = null;
  const prj = text('prj');
  if (prj !== null && prj.trim() !== '') {
    const d = crsFromPrj(prj);
    declared = d.ok ? { crs: d.crs, source: 'prj' } : { unsupported: printable(d.name), source: 'prj' };
  }

  let records: Record<string, unknown>[] = [];
  let encoding: string | null = null;
  let encodingSource: string | null = null;
  let deleted = new Set<number>();
  const dbfName = sidecar('dbf');
  if (dbfName) {
    const dbf = zip.value[dbfName];
    const bad = dbfHeaderProblem(dbf);
    if (bad) return { ok: false, problems: [problem('dbf-invalid', { file, params: { detail: bad } })] };
    const cpg = text('cpg');
    const decided = dbfEncoding(dbf, cpg);
    encoding = decided.encoding;
    encodingSource = decided.source;
    if (decided.cpgUnknown && cpg !== null) notes.push(problem('cpg-unknown', { file, params: { value: printable(cpg).slice(0, 40) } }, 'warning'));
    try {
      records = parseDbf(dbf, encoding);
    } catch (e) {
      return { ok: false, problems: [problem('dbf-invalid', { file, params: { detail: errText(e).slice(0, 200) } })] };
    }
    deleted = deletedRecords(dbf);
    if (deleted.size) notes.push(problem('dbf-deleted-skipped', { file, params: { count: deleted.size } }, 'warning'));
    if (records.length !== geometries.length) notes.push(problem('dbf-count-mismatch', { file, params: { shapes: geometries.length, records: records.length } }, 'warning'));
  } else notes.push(problem('dbf-missing', { file }, 'warning'));

  // A deleted record takes its shape with it, so shapes and records stay aligned (as in GDAL).
  const kept = geometries.map((g, i) => ({ g, i })).filter(({ i }) => !deleted.has(i));
  const features: Feature<Geometry | null>[] = kept.map(({ g, i }) => {
    const properties: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(records[i] ?? {})) properties[k] = cleanValue(v);
    // shpjs adds a bbox in the file's units; it would be wrong after conversion.
    const geometry = g ? ({ type: g.type, coordinates: (g as { coordinates: unknown }).coordinates } as Geometry) : null;
    return { type: 'Feature', properties, geometry };
  });
  const details: Record<string, string> = { shp: shpNames[0] };
  if (encodingSource) details.encodingSource = encodingSource;
  if (prj !== null) details.prj = declared ? 'yes' : 'empty';
  return { ok: true, value: { format: 'shapefile', features, encoding, declared, problems: notes, details }, warnings: [] };
}
