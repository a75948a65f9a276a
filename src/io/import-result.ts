/**
 * Types of an import's outcome: the WGS-84 layer or the problems that stop it, plus a summary
 * of what was read, imported and skipped (for the UI's preview and the CLI's report).
 */
import type { FeatureCollection } from 'geojson';
import type { Problem } from '../domain/problem.ts';
import type { CrsChoice, CrsId } from './crs.ts';
import type { CrsDetection } from './detect-crs.ts';
import type { CsvColumns } from './csv-columns.ts';
import type { ImportFormat } from './raw-layer.ts';

export const IMPORT_STAGES = ['reading', 'parsing', 'checking', 'done'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

export interface ImportOptions {
  /** The user's CRS for this file, over anything it declares; absent = detected (see ImportSummary.crs). */
  crs?: CrsId | CrsChoice;
  /** The user's CRS for files that declare none, or one Anju cannot read (the CLI's `--crs`). */
  fallbackCrs?: CrsId | CrsChoice;
  /**
   * The user's transformation for a layer on a local datum (Xian 1980, Beijing 1954; declared or
   * chosen): 3 or 7 numbers as PROJ's `+towgs84` (src/io/towgs84.ts). Over a .prj's own TOWGS84;
   * a layer in another system is read as it is, with a note that the parameters were not used.
   */
  towgs84?: readonly number[];
  /** CSV coordinate columns chosen by the user; absent = detected by header name. */
  columns?: CsvColumns;
  /**
   * Read a CSV or XLSX table without coordinate columns as rows without geometry (a layer whose
   * rows name their place, e.g. actual supply by board or county). Default false: refused.
   */
  allowTable?: boolean;
  /** Skip features with errors and import the rest (only when the user agreed). Default false. */
  lenient?: boolean;
  /** Called with 0–1 as work proceeds. */
  onProgress?: (fraction: number, stage: ImportStage) => void;
  /** Abort → the result is `import-cancelled` and nothing else. */
  signal?: AbortSignal;
}

/** An item left out (lenient mode) with the codes of its errors. */
export interface SkippedItem {
  featureIndex?: number;
  row?: number;
  codes: string[];
}

export interface ImportSummary {
  file: string;
  format: ImportFormat | null;
  /** Text or attribute encoding, e.g. `utf-8`, `gbk`; null when not applicable or not read. */
  encoding: string | null;
  /** Format details: CSV delimiter and columns, Shapefile member used. */
  details: Record<string, string>;
  crs: CrsDetection | null;
  featuresRead: number;
  featuresImported: number;
  skipped: SkippedItem[];
  /** Features without geometry (null or empty), skipped with a note: allowed by RFC 7946, usable by no layer. */
  emptySkipped: number;
  /** Count per geometry type of the imported features. */
  geometryTypes: Record<string, number>;
  /** [west, south, east, north] in WGS-84 degrees of the imported features. */
  bboxDeg: [number, number, number, number] | null;
  lenient: boolean;
}

/** Where an imported feature came from in the file: its feature index (0-based) or CSV row (1-based). */
export type FeatureOrigin = Pick<Problem, 'featureIndex' | 'row'>;

/**
 * `origins[i]` locates `value.features[i]` in the file (features skipped in lenient mode leave
 * gaps), so later checks on the imported layer can name the file's feature or row. Absent when
 * every feature i is the file's feature i (no object per feature for a million points).
 */
export type ImportResult = ({ ok: true; value: FeatureCollection; warnings: Problem[]; origins?: FeatureOrigin[] } | { ok: false; problems: Problem[] }) & { summary: ImportSummary };

/**
 * Codes meaning the file could not be read at all (CLI exit 2) rather than read and found invalid.
 */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  'file-too-large',
  'file-unreadable',
  'empty-file',
  'not-json',
  'json-too-deep',
  'not-geojson',
  'not-flatgeobuf',
  'not-kml',
  'unsupported-format',
  'shp-not-zipped',
  'zip-invalid',
  'zip-corrupt',
  'shp-missing',
  'shp-invalid',
  'shp-unsupported-type',
  'dbf-invalid',
  'xlsx-invalid',
]);
