/**
 * A layer to export as rows: fixed, typed columns and, per row, a geometry (WGS-84) and one value
 * per column. The GeoJSON and FlatGeobuf exports both write from it, so a layer has the same
 * columns, in the same order, with the same values in either format. Point layers give their
 * coordinates as numbers (`lonLat`), so a big layer is written without building a Feature per point.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { declareCrs84 } from '../geo/crs84.ts';

/** How a column is typed in FlatGeobuf: int → Int (32-bit), double → Double, bool → Bool, string → String (UTF-8), json → Json. */
export type ColumnKind = 'int' | 'double' | 'bool' | 'string' | 'json';

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
}

export type CellValue = string | number | boolean | null | object;

export interface LayerTable {
  columns: readonly ExportColumn[];
  length: number;
  /** Row i's geometry; null when the row has none (GeoJSON writes null, FlatGeobuf refuses it). */
  geometry(i: number): Geometry | null;
  /** For a layer of points only: row i's lon/lat, read without building a geometry. */
  lonLat?: (i: number) => readonly [number, number];
  /** Row i's values, one per column in column order; null for none. */
  values(i: number): readonly CellValue[];
}

/** The table as a GeoJSON FeatureCollection declared CRS84, every column on every feature (null where empty). */
export function tableToGeoJson(t: LayerTable): FeatureCollection {
  const features: Feature[] = new Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const values = t.values(i);
    const properties: Record<string, CellValue> = {};
    t.columns.forEach((c, j) => (properties[c.name] = values[j] ?? null));
    const ll = t.lonLat?.(i);
    features[i] = { type: 'Feature', properties, geometry: ll ? { type: 'Point', coordinates: [ll[0], ll[1]] } : t.geometry(i) } as Feature;
  }
  return declareCrs84({ type: 'FeatureCollection', features });
}

/** Columns inferred from every property of every feature: numbers → double, booleans → bool, text → string, anything else or a mix → json. */
export function inferColumns(features: readonly Feature[]): ExportColumn[] {
  const kinds = new Map<string, Set<string>>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      let set = kinds.get(k);
      if (!set) kinds.set(k, (set = new Set()));
      if (v !== null && v !== undefined) set.add(typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'string' : 'json');
    }
  }
  return [...kinds].map(([name, set]) => ({ name, kind: (set.size === 1 ? [...set][0] : set.size === 0 ? 'string' : 'json') as ColumnKind }));
}

/** A FeatureCollection as a table, its columns inferred from all its features. */
export function featuresTable(fc: FeatureCollection): LayerTable {
  const columns = inferColumns(fc.features);
  return {
    columns,
    length: fc.features.length,
    geometry: (i) => fc.features[i].geometry ?? null,
    values: (i) => {
      const p = (fc.features[i].properties ?? {}) as Record<string, CellValue | undefined>;
      return columns.map((c) => p[c.name] ?? null);
    },
  };
}
