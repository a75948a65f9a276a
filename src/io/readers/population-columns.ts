/**
 * Population points read as columns: a CSV or GeoJSON of points through
 * read-csv-point-columns.ts / read-geojson-point-columns.ts and import-point-columns.ts, with the
 * population reader's field names and rules (a number ≥ 0 in the population field). Null when the
 * file needs the ordinary importer and populationReader (another format, or anything those would
 * name as a problem or a note beyond `outside-wenzhou`).
 */
import type { PopulationColumns } from '../../domain/population.ts';
import type { Problem } from '../../domain/problem.ts';
import type { ImportOptions, ImportSummary } from '../import-result.ts';
import { importPointColumns } from '../import-point-columns.ts';
import { readCsvPointColumns, type ByteChunks } from '../read-csv-point-columns.ts';
import { GeoJsonPointColumnsParser } from '../read-geojson-point-columns.ts';
import { POPULATION_FIELDS } from './population-reader.ts';

export type PopulationColumnsRead =
  | { ok: true; value: PopulationColumns; warnings: Problem[]; summary: ImportSummary; /** The population field's key. */ field: string }
  | { ok: false; problems: Problem[]; summary: ImportSummary };

async function readGeoJson(open: () => ByteChunks, sizeBytes: number) {
  const parser = new GeoJsonPointColumnsParser(POPULATION_FIELDS.population, sizeBytes);
  for await (const chunk of open()) if (!parser.push(chunk)) break;
  return parser.end();
}

/**
 * `open()` gives the file's bytes from the start each time it is called (a second pass reads a
 * CSV that is not UTF-8 as GB18030); `sizeBytes` sizes the columns once. `withRows: false`: no
 * `rows` unless the CSV's points are not on consecutive lines (the command line, which only
 * needs the lines for the notes, already made: 4 bytes a point spared).
 */
export async function readPopulationColumns(open: () => ByteChunks, file: string, format: 'csv' | 'geojson', sizeBytes: number, options: ImportOptions = {}, withRows = true): Promise<PopulationColumnsRead | null> {
  const raw = format === 'csv' ? await readCsvPointColumns(open, POPULATION_FIELDS.population, options.columns, sizeBytes) : { ...(await readGeoJson(open, sizeBytes)), encoding: 'utf-8' };
  if (!raw.ok || !('encoding' in raw)) return null;
  const r = await importPointColumns(raw.value, file, format, raw.encoding, options);
  if (!r) return null;
  if (!r.ok) return r;
  const { lon, lat, value, firstRow } = r.value;
  const rows = r.value.rows ?? (withRows && firstRow !== undefined ? consecutive(firstRow, lon.length) : undefined);
  return { ok: true, value: { kind: 'point-columns', lon, lat, population: value, ...(rows ? { rows } : {}) }, warnings: r.warnings, summary: r.summary, field: raw.value.valueField };
}

/** Lines `first`, `first + 1`, … (`Int32Array.from` with a mapping function would list every value first). */
function consecutive(first: number, n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = first + i;
  return rows;
}
