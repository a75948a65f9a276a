/**
 * Read a user's layer file (GeoJSON or CSV/TSV of points) into a WGS-84 FeatureCollection.
 * One entry point for the CLI and the app; more formats plug in here by file extension.
 */
import type { FeatureCollection } from 'geojson';
import { problem, type Checked } from '../domain/problem.ts';
import { parseGeoJson } from '../geo/validate-geojson.ts';
import { collectionToWgs84, type CrsId } from './crs.ts';
import { readPointsCsv } from './read-points-csv.ts';

export interface ReadLayerOptions {
  /** The CRS the file's coordinates are in; default WGS-84. */
  crs?: CrsId;
}

export function readLayerText(text: string, fileName: string, options: ReadLayerOptions = {}): Checked<FeatureCollection> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let result: Checked<FeatureCollection>;
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') result = readPointsCsv(text, fileName);
  else if (ext === 'geojson' || ext === 'json') result = parseGeoJson(text, fileName);
  else return { ok: false, problems: [problem('unsupported-format', { file: fileName, params: { ext } })] };
  if (!result.ok) return result;
  return { ...result, value: collectionToWgs84(result.value, options.crs ?? 'wgs84') };
}
