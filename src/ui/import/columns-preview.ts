/**
 * What the import dialog shows of a layer read as columns: a sample of its points for the map
 * preview (evenly spread over the file, at most COLUMNS_PREVIEW_POINTS) and its first rows for the
 * table. The dialog says that both are samples.
 */
import type { FeatureCollection } from 'geojson';
import type { PopulationColumns } from '../../domain/population.ts';

/** At most this many points of a columnar layer are drawn in the map preview. */
export const COLUMNS_PREVIEW_POINTS = 5_000;

/** Every k-th point (k = ⌈n / max⌉), as a FeatureCollection for previewOverlay. */
export function columnsSample(c: PopulationColumns, max = COLUMNS_PREVIEW_POINTS): FeatureCollection {
  const n = c.lon.length;
  const step = Math.max(1, Math.ceil(n / max));
  const features: FeatureCollection['features'] = [];
  for (let i = 0; i < n; i += step) features.push({ type: 'Feature', properties: { population: c.population[i] }, geometry: { type: 'Point', coordinates: [c.lon[i], c.lat[i]] } });
  return { type: 'FeatureCollection', features };
}

/** One row of the preview table: where in the file, the WGS-84 position, the residents. */
export interface ColumnsRow {
  /** The file's line (CSV) or feature number (GeoJSON, 1-based). */
  at: number;
  lon: number;
  lat: number;
  population: number;
}

/** The first `n` points as rows. */
export function firstRows(c: PopulationColumns, n = 5): ColumnsRow[] {
  return Array.from({ length: Math.min(n, c.lon.length) }, (_, i) => ({ at: c.rows ? c.rows[i] : i + 1, lon: c.lon[i], lat: c.lat[i], population: c.population[i] }));
}
