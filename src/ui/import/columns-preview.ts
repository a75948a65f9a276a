/**
 * What the import dialog shows of a layer read as columns: a sample of its points for the map
 * preview (evenly spread over the file, at most COLUMNS_PREVIEW_POINTS) and its first rows for the
 * table. The dialog says that both are samples.
 */
import type { FeatureCollection } from 'geojson';
import type { PopulationColumns } from '../../domain/population.ts';
import { facilityAt, type FacilityColumns } from '../../domain/facility-columns.ts';

/** At most this many points of a columnar layer are drawn in the map preview. */
export const COLUMNS_PREVIEW_POINTS = 5_000;

export type LayerColumns = PopulationColumns | FacilityColumns;

/** Point i's properties as the preview shows them: residents, or a facility's category and name. */
function propertiesAt(c: LayerColumns, i: number): Record<string, string | number> {
  if (c.kind === 'point-columns') return { population: c.population[i] };
  const f = facilityAt(c, i);
  return { category: f.category, ...(f.name !== undefined ? { name: f.name } : {}) };
}

/** Every k-th point (k = ⌈n / max⌉), as a FeatureCollection for previewOverlay. */
export function columnsSample(c: LayerColumns, max = COLUMNS_PREVIEW_POINTS): FeatureCollection {
  const n = c.lon.length;
  const step = Math.max(1, Math.ceil(n / max));
  const features: FeatureCollection['features'] = [];
  for (let i = 0; i < n; i += step) features.push({ type: 'Feature', properties: propertiesAt(c, i), geometry: { type: 'Point', coordinates: [c.lon[i], c.lat[i]] } });
  return { type: 'FeatureCollection', features };
}

/** One row of the preview table: where in the file, the WGS-84 position, then the layer's own values. */
export interface ColumnsRow {
  /** The file's line (CSV) or feature number (GeoJSON, 1-based). */
  at: number;
  lon: number;
  lat: number;
  /** Residents; or a facility's category and name (blank when it has none). */
  values: (string | number)[];
}

/** The first `n` points as rows. */
export function firstRows(c: LayerColumns, n = 5): ColumnsRow[] {
  return Array.from({ length: Math.min(n, c.lon.length) }, (_, i) => {
    const p = propertiesAt(c, i);
    return { at: c.rows ? c.rows[i] : i + 1, lon: c.lon[i], lat: c.lat[i], values: c.kind === 'point-columns' ? [p.population] : [p.category, p.name ?? ''] };
  });
}
