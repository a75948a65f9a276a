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
import { encodingFromCpg, looksUtf8 } from './decode-text.ts';
import { crsFromPrj } from './prj.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import type { RawLayer } from './raw-layer.ts';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function unzip(bytes: Uint8Array, file: string): Checked<Record<string, Uint8Array>> {
  let totalBytes = 0;
  try {
    const entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.includes('__MACOSX') || !/\.(shp|dbf|prj|cpg)$/i.test(f.name)) return false;
        totalBytes += f.originalSize;
        if (totalBytes > MAX_IMPORT_BYTES) throw new Error(`uncompressed size exceeds ${MAX_IMPORT_BYTES / 1048576} MB`);
        return true;
      },
    });
    return { ok: true, value: entries, warnings: [] };
  } catch (e) {
    return { ok: false, problems: [problem('zip-invalid', { file, params: { detail: errText(e) } })] };
  }
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

function attributeEncoding(dbf: Uint8Array, cpg: string | null, file: string, notes: Problem[]): string {
  if (cpg !== null) {
    const enc = encodingFromCpg(cpg);
    if (enc) return enc;
    notes.push(problem('cpg-unknown', { file, params: { value: cpg.trim().slice(0, 40) } }, 'warning'));
  }
  if (dbf[29] === 0x4d) return 'gbk';
  return looksUtf8(dbf.subarray(32)) ? 'utf-8' : 'gbk';
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
  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(shp);
  } catch (e) {
    return { ok: false, problems: [problem('shp-invalid', { file, params: { detail: errText(e) } })] };
  }

  let declared: RawLayer['declared'] = null;
  const prj = text('prj');
  if (prj !== null && prj.trim() !== '') {
    const d = crsFromPrj(prj);
    declared = d.ok ? { crs: d.crs, source: 'prj' } : { unsupported: d.name, source: 'prj' };
  }

  let records: Record<string, unknown>[] = [];
  let encoding: string | null = null;
  const dbfName = sidecar('dbf');
  if (dbfName) {
    const dbf = zip.value[dbfName];
    const bad = dbfHeaderProblem(dbf);
    if (bad) return { ok: false, problems: [problem('dbf-invalid', { file, params: { detail: bad } })] };
    encoding = attributeEncoding(dbf, text('cpg'), file, notes);
    try {
      records = parseDbf(dbf, encoding);
    } catch (e) {
      return { ok: false, problems: [problem('dbf-invalid', { file, params: { detail: errText(e) } })] };
    }
    if (records.length !== geometries.length) notes.push(problem('dbf-count-mismatch', { file, params: { shapes: geometries.length, records: records.length } }, 'warning'));
  } else notes.push(problem('dbf-missing', { file }, 'warning'));

  const features: Feature<Geometry | null>[] = geometries.map((g, i) => {
    const properties: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(records[i] ?? {})) properties[k] = cleanValue(v);
    // shpjs adds a bbox in the file's units; it would be wrong after conversion.
    const geometry = g ? ({ type: g.type, coordinates: (g as { coordinates: unknown }).coordinates } as Geometry) : null;
    return { type: 'Feature', properties, geometry };
  });
  const details: Record<string, string> = { shp: shpNames[0] };
  if (prj !== null) details.prj = declared ? 'yes' : 'empty';
  return { ok: true, value: { format: 'shapefile', features, encoding, declared, problems: notes, details }, warnings: [] };
}
