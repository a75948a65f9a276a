/**
 * CSV/TSV/DSV reader for point tables and WKT geometry tables: the delimiter is detected (comma,
 * tab, semicolon, pipe) by papaparse; the coordinate columns (a lon/lat or x/y pair such as
 * lon/lat, 经度/纬度, POINT_X/POINT_Y, X坐标/Y坐标, lng_GCJ02/Lat_GCJ02, or one WKT column) by
 * header name unless the caller names them. Every other column becomes a property, as a number
 * where the whole column is numeric. Rows are read as arrays, so a header such as `__proto__` is
 * an ordinary property. Coordinates are not range-checked here: x/y may be projected metres.
 */
import Papa from 'papaparse';
import { wktToGeoJSON } from '@terraformer/wkt';
import type { Feature, Geometry } from 'geojson';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { detectCoordinateColumns, detectWktColumn, headerAxis, type CsvColumns } from './csv-columns.ts';
import type { RawLayer } from './raw-layer.ts';

const isBlank = (v: string | undefined) => v === undefined || v.trim() === '';
/** Numbers as written in tables: optional sign, digits, decimal point, exponent (no hex, no 'Infinity'). */
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
export const isNumericText = (v: string) => NUMBER.test(v);

export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

/**
 * The delimiter of the header line: the candidate found most often there (outside quotes); null when
 * none is (papaparse then guesses from the rows). A header names its columns plainly, so this is
 * steadier than guessing from rows whose values may hold commas (WKT, decimal commas).
 */
export function headerDelimiter(text: string): string | null {
  const end = text.search(/\r?\n/);
  const line = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best: string | null = null;
  let bestCount = 0;
  for (const d of ['\t', ';', ',', '|']) {
    const n = line.split(d).length - 1;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** A plain object with these own properties, `__proto__` included (never the prototype setter). */
function record(entries: [string, string | number | null][]): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Headers made unique (`name`, `name_2`), with the renames for a note. */
export function uniqueHeaders(raw: readonly string[]): { headers: string[]; renamed: string[] } {
  const seen = new Set<string>();
  const renamed: string[] = [];
  const headers = raw.map((h) => {
    const base = h.trim();
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    if (name !== base) renamed.push(`${base} → ${name}`);
    seen.add(name);
    return name;
  });
  return { headers, renamed };
}

function parseWkt(text: string): Geometry | string {
  try {
    // EWKT: "SRID=4326;POINT(…)" — the SRID is not used (the importer detects or asks).
    const g = wktToGeoJSON(text.trim().replace(/^SRID=\d+;/i, ''));
    return g && typeof g === 'object' && 'type' in g ? g : 'not a geometry';
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).slice(0, 120);
  }
}

/** Read CSV/TSV text; `columns` overrides the detected coordinate columns; `allowTable`: see readTableRows. */
export function readCsvText(text: string, file: string, encoding: string | null, columns?: CsvColumns, allowTable = false): Checked<RawLayer> {
  const body = text.replace(/^\uFEFF/, '');
  const declaredDelimiter = headerDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, ...(declaredDelimiter ? { delimiter: declaredDelimiter } : { delimitersToGuess: [',', '\t', ';', '|'] }) });
  const delimiter = DELIMITER_NAMES[parsed.meta.delimiter] ?? parsed.meta.delimiter;
  return readTableRows(parsed.data, parsed.data.map((_, k) => k + 1), { file, encoding, format: 'csv', details: { delimiter }, columns, allowTable });
}

export interface TableRowsOptions {
  file: string;
  encoding: string | null;
  format: 'csv' | 'xlsx';
  /** Format details for the summary (delimiter, sheet). */
  details: Record<string, string>;
  columns?: CsvColumns;
  /**
   * A table without coordinate columns is read as rows without geometry (`table: true`), for
   * layers that locate their rows by name (actual supply by board or county); otherwise it is
   * refused with `csv-no-coordinates`.
   */
  allowTable?: boolean;
}

/**
 * Rows of text (the first is the header) → a raw layer: points from a coordinate pair, geometries
 * from a WKT column, or (allowTable) attribute rows. `rowNumbers[k]` is the file's line or sheet
 * row of `rowsRaw[k]`, used in every problem's location.
 */
export function readTableRows(rowsRaw: readonly string[][], rowNumbers: readonly number[], o: TableRowsOptions): Checked<RawLayer> {
  const { file, encoding, columns } = o;
  const { headers, renamed } = uniqueHeaders(rowsRaw[0] ?? []);
  const named = headers.filter((h) => h !== '');
  const headerList = named.join(', ').slice(0, 400);
  if (columns) {
    const missing = ('wkt' in columns ? [columns.wkt] : [columns.lon, columns.lat]).find((c) => !headers.includes(c));
    if (missing !== undefined) return { ok: false, problems: [problem('csv-column-missing', { file, field: missing, params: { headers: headerList } })] };
  }
  const pair = columns ? ('lon' in columns ? { ...columns, crs: headerAxis(columns.lon)?.crs ?? null } : null) : detectCoordinateColumns(named);
  const wkt = columns ? ('wkt' in columns ? columns.wkt : null) : pair ? null : detectWktColumn(named);
  const table = !pair && !wkt;
  if (table && !o.allowTable) return { ok: false, problems: [problem('csv-no-coordinates', { file, params: { headers: headerList } })] };
  const lonAt = pair ? headers.indexOf(pair.lon) : -1;
  const latAt = pair ? headers.indexOf(pair.lat) : -1;
  const wktAt = wkt ? headers.indexOf(wkt) : -1;
  const geoCols = new Set(pair ? [pair.lon, pair.lat] : wkt ? [wkt] : []);
  const others = headers.map((h, i) => ({ h, i })).filter(({ h }) => h !== '' && !geoCols.has(h));
  // One pass over the rows: which are not blank, and which columns hold only numbers (and some value).
  const kept: number[] = [];
  const filled = others.map(() => false);
  const numericSoFar = others.map(() => true);
  for (let k = 1; k < rowsRaw.length; k++) {
    const r = rowsRaw[k];
    if (r.every((v) => isBlank(v))) continue;
    kept.push(k);
    for (let c = 0; c < others.length; c++) {
      const v = r[others[c].i];
      if (isBlank(v)) continue;
      filled[c] = true;
      if (numericSoFar[c] && !isNumericText(v as string)) numericSoFar[c] = false;
    }
  }
  const numeric = others.map((_, c) => filled[c] && numericSoFar[c]);
  // A header such as `__proto__` needs defineProperty; plain assignment is much faster for the rest.
  const plainKeys = !others.some(({ h }) => h === '__proto__');
  const problems: Problem[] = [];
  const features: Feature[] = [];
  const rows: number[] = [];
  for (const k of kept) {
    const r = rowsRaw[k];
    const row = rowNumbers[k] ?? k + 1;
    let geometry: Geometry | null = null;
    if (pair) {
      const x = r[lonAt] ?? '';
      const y = r[latAt] ?? '';
      if (!isNumericText(x) || !isNumericText(y)) {
        problems.push(problem('csv-bad-coordinate', { file, row, field: isNumericText(x) ? pair.lat : pair.lon, params: { value: `${x}, ${y}`.slice(0, 80) } }));
        continue;
      }
      geometry = { type: 'Point', coordinates: [Number(x), Number(y)] };
    } else if (wkt) {
      const w = r[wktAt] ?? '';
      if (isBlank(w)) geometry = null;
      else {
        const g = parseWkt(w);
        if (typeof g === 'string') {
          problems.push(problem('csv-bad-wkt', { file, row, field: wkt, params: { value: w.slice(0, 60), detail: g } }));
          continue;
        }
        geometry = g;
      }
    }
    const value = (c: number): string | number | null => {
      const v = r[others[c].i];
      return v === undefined ? null : numeric[c] ? (isBlank(v) ? null : Number(v)) : v;
    };
    let properties: Record<string, string | number | null>;
    if (plainKeys) {
      properties = {};
      for (let c = 0; c < others.length; c++) properties[others[c].h] = value(c);
    } else properties = record(others.map(({ h }, c) => [h, value(c)]));
    features.push({ type: 'Feature', properties, geometry } as Feature);
    rows.push(row);
  }
  if (renamed.length) problems.push(problem('csv-duplicate-header', { file, params: { headers: renamed.join(', ').slice(0, 200) } }, 'warning'));
  const declared: RawLayer['declared'] = pair?.crs ? { crs: { id: pair.crs }, source: 'column-name' } : null;
  const details: Record<string, string> = { ...o.details, ...(pair ? { lonColumn: pair.lon, latColumn: pair.lat } : wkt ? { wktColumn: wkt } : {}) };
  return { ok: true, value: { format: o.format, features, rows, encoding, declared, problems, details, ...(table ? { table: true } : {}) }, warnings: [] };
}
