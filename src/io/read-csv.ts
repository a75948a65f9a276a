/**
 * CSV/TSV reader for point tables: the delimiter is detected (comma, tab, semicolon, pipe) by
 * papaparse, coordinate columns by header name (lon/lat, 经度/纬度, x/y …) unless the caller
 * names them. Every other column becomes a property, as a number where the whole column is
 * numeric. Coordinates are not range-checked here: x/y may be projected metres.
 */
import Papa from 'papaparse';
import type { Feature, Point } from 'geojson';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { detectCoordinateColumns, type CsvColumns } from './csv-columns.ts';
import type { RawLayer } from './raw-layer.ts';

const isBlank = (v: string | undefined) => v === undefined || v.trim() === '';
/** Numbers as written in tables: optional sign, digits, decimal point, exponent (no hex, no 'Infinity'). */
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
export const isNumericText = (v: string) => NUMBER.test(v);

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

/** Read CSV/TSV text; `columns` overrides the detected coordinate columns. */
export function readCsvText(text: string, file: string, encoding: string | null, columns?: CsvColumns): Checked<RawLayer> {
  const parsed = Papa.parse<Record<string, string | undefined>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const headers = (parsed.meta.fields ?? []).filter((h) => h !== '');
  if (columns) {
    const missing = [columns.lon, columns.lat].find((c) => !headers.includes(c));
    if (missing !== undefined) return { ok: false, problems: [problem('csv-column-missing', { file, field: missing, params: { headers: headers.join(', ') } })] };
  }
  const cols = columns ?? detectCoordinateColumns(headers);
  if (!cols) return { ok: false, problems: [problem('csv-no-coordinates', { file, params: { headers: headers.join(', ') } })] };
  const records = parsed.data.map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => !headers.every((h) => isBlank(r[h])));
  const others = headers.filter((h) => h !== cols.lon && h !== cols.lat);
  const numeric = new Set(others.filter((h) => records.some(({ r }) => !isBlank(r[h])) && records.every(({ r }) => isBlank(r[h]) || isNumericText(r[h] ?? ''))));
  const problems: Problem[] = [];
  const features: Feature<Point>[] = [];
  const rows: number[] = [];
  for (const { r, row } of records) {
    const x = r[cols.lon] ?? '';
    const y = r[cols.lat] ?? '';
    if (!isNumericText(x) || !isNumericText(y)) {
      problems.push(problem('csv-bad-coordinate', { file, row, field: isNumericText(x) ? cols.lat : cols.lon, params: { value: `${x}, ${y}` } }));
      continue;
    }
    const properties: Record<string, string | number | null> = {};
    for (const h of others) {
      const v = r[h];
      properties[h] = v === undefined ? null : numeric.has(h) ? (isBlank(v) ? null : Number(v)) : v;
    }
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [Number(x), Number(y)] } });
    rows.push(row);
  }
  const renamed = (parsed.meta as { renamedHeaders?: Record<string, string> | null }).renamedHeaders;
  if (renamed && Object.keys(renamed).length) problems.push(problem('csv-duplicate-header', { file, params: { headers: Object.entries(renamed).map(([n, o]) => `${o} → ${n}`).join(', ') } }, 'warning'));
  const prefix = /^(wgs84|gcj02|bd09)_/.exec(cols.lon.trim().toLowerCase())?.[1] as 'wgs84' | 'gcj02' | 'bd09' | undefined;
  const declared: RawLayer['declared'] = prefix ? { crs: { id: prefix }, source: 'column-name' } : null;
  const delimiter = DELIMITER_NAMES[parsed.meta.delimiter] ?? parsed.meta.delimiter;
  return {
    ok: true,
    value: { format: 'csv', features, rows, encoding, declared, problems, details: { delimiter, lonColumn: cols.lon, latColumn: cols.lat } },
    warnings: [],
  };
}
