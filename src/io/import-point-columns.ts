/**
 * The importer's second half for points read into columns (read-csv-point-columns.ts,
 * read-geojson-point-columns.ts): the same CRS detection on the same sample, the same
 * Gauss–Krüger settling, the same conversion, range check and `outside-wenzhou` warnings as
 * importLayer + checkFeature give a CSV or GeoJSON of points, done in place on the columns. A point
 * that cannot be converted or is out of range gives up (null), and the caller reads the file the
 * ordinary way, which names that problem by row or feature.
 */
import type { Position } from 'geojson';
import { problem, type Problem } from '../domain/problem.ts';
import { inWenzhouBbox } from '../geo/wenzhou-extent.ts';
import { positionToWgs84 } from './crs.ts';
import { detectCrs } from './detect-crs.ts';
import { asChoice, cap, emptySummary, settleGk } from './import-common.ts';
import type { CountArray } from '../domain/population.ts';
import type { ImportOptions, ImportSummary } from './import-result.ts';
import type { RawPointColumns } from './read-csv-point-columns.ts';

/** WGS-84 points as columns: `lon[i]`, `lat[i]`, `value[i]` from line `rows[i]` of the file (else its feature i). */
export interface PointColumns {
  lon: Float64Array;
  lat: Float64Array;
  /** Narrowest exact array (read-csv-point-columns.ts). */
  value: CountArray;
  rows?: Int32Array;
  /** Without `rows`: point i is on line `firstRow + i` (CSV). */
  firstRow?: number;
}

export type PointColumnsImport =
  | { ok: true; value: PointColumns; warnings: Problem[]; summary: ImportSummary }
  | { ok: false; problems: Problem[]; summary: ImportSummary };

const YIELD_EVERY_MS = 50;
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Up to 500 positions spread over the points, as samplePositions picks them from features. */
function sample(x: Float64Array, y: Float64Array): Position[] {
  const out: Position[] = [];
  const step = Math.max(1, Math.floor(x.length / 250));
  for (let i = 0; i < x.length && out.length < 500; i += step) out.push([x[i], y[i]]);
  return out;
}

/**
 * Convert the columns to WGS-84 in place (x → lon, y → lat). Null when a point needs the ordinary
 * importer's problem report; `import-cancelled` when `options.signal` aborts (checked between
 * slices of 50 ms, as in importLayer).
 */
export async function importPointColumns(raw: RawPointColumns, file: string, format: 'csv' | 'geojson', encoding: string, options: ImportOptions = {}): Promise<PointColumnsImport | null> {
  const summary: ImportSummary = { ...emptySummary(file), lenient: options.lenient ?? false, format, encoding, details: raw.details };
  const { x, y, value, rows, firstRow } = raw;
  const n = x.length;
  summary.featuresRead = n;
  const detection = detectCrs(sample(x, y), raw.declared, asChoice(options.crs), asChoice(options.fallbackCrs));
  summary.crs = detection;
  const settled = settleGk(detection, options, file);
  if (!settled.ok) return { ok: false, problems: cap(settled.problems, file), summary };
  const crs = detection.crs;
  const swap = detection.swapped;
  const identity = crs.id === 'wgs84';
  const warnings: Problem[] = [];
  let [w, s, e, nn] = [Infinity, Infinity, -Infinity, -Infinity];
  let lastYield = performance.now();
  for (let i = 0; i < n; i++) {
    if (options.signal && (i & 4095) === 0 && performance.now() - lastYield >= YIELD_EVERY_MS) {
      await tick();
      lastYield = performance.now();
      if (options.signal.aborted) return { ok: false, problems: [problem('import-cancelled', { file })], summary };
    }
    const sx = swap ? y[i] : x[i];
    const sy = swap ? x[i] : y[i];
    let lon = sx;
    let lat = sy;
    if (!identity) {
      try {
        [lon, lat] = positionToWgs84([sx, sy], crs);
      } catch {
        return null;
      }
    }
    if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
    if (!inWenzhouBbox(lon, lat)) warnings.push(problem('outside-wenzhou', { file, ...(rows ? { row: rows[i] } : firstRow !== undefined ? { row: firstRow + i } : { featureIndex: i }), params: { coord: `${lon.toFixed(4)}, ${lat.toFixed(4)}` } }, 'warning'));
    x[i] = lon;
    y[i] = lat;
    if (lon < w) w = lon;
    if (lat < s) s = lat;
    if (lon > e) e = lon;
    if (lat > nn) nn = lat;
  }
  if (options.signal?.aborted) return { ok: false, problems: [problem('import-cancelled', { file })], summary };
  if (swap) warnings.push(problem('swapped-coords-fixed', { file }, 'warning'));
  warnings.push(...settled.warnings);
  Object.assign(summary, { featuresImported: n, geometryTypes: { Point: n }, bboxDeg: [w, s, e, nn] });
  return { ok: true, value: { lon: x, lat: y, value, ...(rows ? { rows } : firstRow !== undefined ? { firstRow } : {}) }, warnings: cap(warnings, file), summary };
}
