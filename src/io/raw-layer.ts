/**
 * What a format reader hands the import pipeline: features as found (not yet checked or
 * converted), where each came from, and what the file itself declared.
 */
import type { Problem } from '../domain/problem.ts';
import type { CrsChoice } from './crs.ts';

export const IMPORT_FORMATS = ['geojson', 'csv', 'shapefile', 'kml', 'xlsx', 'flatgeobuf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type DeclarationSource = 'prj' | 'geojson-crs' | 'column-name' | 'flatgeobuf-header';

/** A declaration Anju reads, or one it cannot (named, so the user can be told and asked). */
export type DeclaredCrs = { crs: CrsChoice; source: DeclarationSource } | { unsupported: string; source: DeclarationSource };

export interface RawLayer {
  format: ImportFormat;
  /** Features as read, unchecked: any value (GeoJSON input may hold anything); any CRS. */
  features: readonly unknown[];
  /** For CSV: the 1-based line of each feature, parallel to `features`. */
  rows?: number[];
  /** Text encoding of the file or of the Shapefile's attributes; null for binary-only input. */
  encoding: string | null;
  /** A CRS the file declares (.prj, GeoJSON `crs`, a FlatGeobuf header, or CSV column names such as `gcj02_lon`). */
  declared: DeclaredCrs | null;
  /** Items that could not become features (errors with a row/feature index) and notes (warnings). */
  problems: Problem[];
  /** Format details for the summary, e.g. CSV delimiter and coordinate columns. */
  details: Record<string, string>;
  /** A table without coordinates (CSV or XLSX read with `allowTable`): every feature's geometry is null. */
  table?: boolean;
}
