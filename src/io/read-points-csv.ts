/**
 * Points from CSV/TSV text with longitude/latitude columns (papaparse). Columns are detected
 * by header name; every other column becomes a property (numbers parsed where the whole
 * column is numeric). Rows with bad coordinates are reported by row number and skipped only
 * if the caller accepts warnings; a file with no coordinate columns is an error.
 */
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { problem, type Checked, type Problem } from '../domain/problem.ts';

export const LON_HEADERS = ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'wgs84_lon', 'gcj02_lon', 'bd09_lon'];
export const LAT_HEADERS = ['lat', 'latitude', 'y', '纬度', 'wgs84_lat', 'gcj02_lat', 'bd09_lat'];

export interface CsvColumns {
  lon: string;
  lat: string;
}

/** Find the longitude and latitude columns by name (case-insensitive), or null. */
export function detectCoordinateColumns(headers: readonly string[]): CsvColumns | null {
  const find = (names: string[]) => headers.find((h) => names.includes(h.trim().toLowerCase()));
  const lon = find(LON_HEADERS);
  const lat = find(LAT_HEADERS);
  return lon && lat ? { lon, lat } : null;
}

export function readPointsCsv(text: string, file?: string, columns?: CsvColumns): Checked<FeatureCollection<Point>> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const headers = parsed.meta.fields ?? [];
  const cols = columns ?? detectCoordinateColumns(headers);
  if (!cols) {
    return { ok: false, problems: [problem('csv-no-coordinates', { file, params: { headers: headers.join(', ') } })] };
  }
  const warnings: Problem[] = [];
  const numericColumns = new Set(
    headers.filter((h) => h !== cols.lon && h !== cols.lat && parsed.data.every((r) => r[h] === undefined || r[h].trim() === '' || Number.isFinite(Number(r[h])))),
  );
  const features: Feature<Point>[] = [];
  parsed.data.forEach((r, i) => {
    const row = i + 2; // 1-based, after the header line
    const lon = Number(r[cols.lon]);
    const lat = Number(r[cols.lat]);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || r[cols.lon]?.trim() === '' || r[cols.lat]?.trim() === '') {
      warnings.push(problem('csv-bad-coordinate', { file, row, field: Number.isFinite(lon) ? cols.lat : cols.lon, params: { value: `${r[cols.lon] ?? ''}, ${r[cols.lat] ?? ''}` } }, 'warning'));
      return;
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      warnings.push(problem('coord-out-of-range', { file, row, params: { coord: `${lon}, ${lat}` } }, 'warning'));
      return;
    }
    const properties: Record<string, string | number> = {};
    for (const h of headers) {
      if (h === cols.lon || h === cols.lat) continue;
      const v = r[h] ?? '';
      properties[h] = numericColumns.has(h) && v.trim() !== '' ? Number(v) : v;
    }
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
  });
  if (features.length === 0) return { ok: false, problems: [problem('no-features', { file }), ...warnings] };
  return { ok: true, value: { type: 'FeatureCollection', features }, warnings };
}
