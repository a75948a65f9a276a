/**
 * What the ordinary importer (import-layer.ts) and the columnar point readers (import-point-columns.ts)
 * share: the format a file name points to, an empty summary, the Gauss–Krüger settling and the
 * problem cap. Its own module so that the columnar path (the command line's 1M-point read) loads
 * none of the format readers import-layer.ts imports (XLSX, KML, zipped Shapefile…).
 */
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { CRS_LABELS, describeCrs, isGkCrs, needsTowgs84, type CrsChoice } from './crs.ts';
import type { CrsDetection } from './detect-crs.ts';
import type { ImportOptions, ImportSummary } from './import-result.ts';
import type { ImportFormat } from './raw-layer.ts';
import { isFlatGeobuf } from './read-flatgeobuf.ts';

/** At most this many problems are returned; the rest are counted in a `more-problems` note. */
export const MAX_PROBLEMS = 500;

/** The format a file name (or, failing that, its first bytes) points to. */
export function formatOf(fileName: string, bytes: Uint8Array): ImportFormat | 'shp' | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt' || ext === 'dsv' || ext === 'tab') return 'csv';
  if (ext === 'zip') return 'shapefile';
  if (ext === 'kml') return 'kml';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'shp') return 'shp';
  if (ext === 'fgb') return 'flatgeobuf';
  if (isFlatGeobuf(bytes)) return 'flatgeobuf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'shapefile';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 256)).trimStart();
  if (head.startsWith('<') && head.includes('<kml')) return 'kml';
  return head.startsWith('{') ? 'geojson' : null;
}

/** The summary of a file nothing was read from yet. */
export function emptySummary(file: string): ImportSummary {
  return { file, format: null, encoding: null, details: {}, crs: null, featuresRead: 0, featuresImported: 0, skipped: [], emptySkipped: 0, geometryTypes: {}, bboxDeg: null, lenient: false };
}

/**
 * A Gauss–Krüger system's missing pieces, settled before anything is converted: a central meridian
 * (from the choice, the .prj or the eastings' zone), and for Xian 1980 and Beijing 1954 the user's
 * transformation parameters (`options.towgs84`, else a .prj's own TOWGS84). Without them the layer
 * is refused: a local datum is never converted as if it were CGCS2000. Completes `detection.crs`.
 */
export function settleGk(detection: CrsDetection, options: ImportOptions, file: string): Checked<null> {
  const crs = detection.crs;
  const unused = options.towgs84 && !needsTowgs84(crs.id) ? [problem('towgs84-unused', { file, params: { crs: describeCrs(crs) } }, 'warning')] : [];
  if (!isGkCrs(crs.id)) return { ok: true, value: null, warnings: unused };
  const m = detection.zoneMismatch;
  if (m) return { ok: false, problems: [problem('gk-zone-mismatch', { file, params: { zone: m.zone ?? '', zoneCm: m.centralMeridianDeg, cm: m.chosenCentralMeridianDeg } })] };
  if (!crs.gk) return { ok: false, problems: [problem('gk-central-meridian-needed', { file, params: { crs: describeCrs(crs), nameZh: CRS_LABELS[crs.id].zh, nameEn: CRS_LABELS[crs.id].en } })] };
  if (!needsTowgs84(crs.id)) return { ok: true, value: null, warnings: unused };
  const towgs84 = options.towgs84 ?? crs.towgs84;
  if (!towgs84) return { ok: false, problems: [problem('crs-needs-towgs84', { file, params: { crs: describeCrs(crs) } })] };
  detection.crs = { ...crs, towgs84 };
  detection.towgs84Source = options.towgs84 || detection.source === 'user' ? 'user' : 'prj';
  return { ok: true, value: null, warnings: [] };
}

export const cap = (ps: Problem[], file: string): Problem[] =>
  ps.length <= MAX_PROBLEMS ? ps : [...ps.slice(0, MAX_PROBLEMS), problem('more-problems', { file, params: { count: ps.length - MAX_PROBLEMS } }, 'warning')];

export const asChoice = (c: ImportOptions['crs']): CrsChoice | undefined => (typeof c === 'string' ? { id: c } : c);
