/**
 * A problem found in user input: what is wrong (code), where (file, feature, row, field),
 * and the values that explain it. The UI and CLI render it in Chinese or English with
 * src/i18n/problems.ts; the core never builds user-facing sentences itself.
 */

/** What reading a table of actual supply can find (src/io/readers/actuals-reader.ts), besides an unknown board. */
export const ACTUALS_PROBLEM_CODES = [
  'actuals-missing-place',
  'actuals-unknown-county',
  'actuals-total-row',
  'actuals-missing-year',
  'actuals-bad-year',
  'actuals-missing-type',
  'actuals-unknown-type',
  'actuals-missing-units',
  'actuals-bad-units',
  'actuals-bad-unit',
  'actuals-renovation-units',
  'actuals-mixed-levels',
] as const;

/**
 * Every problem code, so a typo does not compile. Each has a message in both languages in
 * src/i18n/problems.ts (a Record over this union: a code without a message does not compile either).
 */
export const PROBLEM_CODES = [
  'file-unreadable',
  'not-json',
  'json-too-deep',
  'not-geojson',
  'not-flatgeobuf',
  'invalid-geojson',
  'no-features',
  'coord-out-of-range',
  'projected-coords',
  'swapped-coords',
  'unsupported-crs',
  'unsupported-crs-overridden',
  'crs-needs-towgs84',
  'towgs84-unused',
  'gk-central-meridian-needed',
  'gk-zone-mismatch',
  'outside-wenzhou',
  'wrong-geometry-type',
  'empty-geometry',
  'geometry-empty-skipped',
  'geometries-empty-skipped',
  'missing-board-key',
  'unknown-board',
  'duplicate-board',
  'boards-partly-replaced',
  'boards-overlap',
  'boards-overlap-schematic',
  'csv-no-coordinates',
  'csv-bad-coordinate',
  'csv-bad-wkt',
  'unsupported-format',
  'unknown-category',
  'facilities-uncategorised',
  'facilities-no-category-field',
  'missing-population',
  'bad-population',
  'mixed-population',
  'jh-missing-jobs',
  'jh-bad-jobs',
  'jh-duplicate-id',
  'jh-bad-dwellings',
  'jh-dwellings-not-object',
  // Import (src/io): file level
  'file-too-large',
  'empty-file',
  'shp-not-zipped',
  'zip-invalid',
  'zip-corrupt',
  'shp-missing',
  'shp-multiple',
  'shp-invalid',
  'shp-unsupported-type',
  'shp-truncated',
  'dbf-deleted-skipped',
  'dbf-invalid',
  'dbf-missing',
  'dbf-count-mismatch',
  'cpg-unknown',
  'csv-column-missing',
  'csv-duplicate-header',
  'not-kml',
  'kml-networklink-skipped',
  'import-cancelled',
  'import-failed',
  // Import: per feature
  'invalid-geometry',
  'ring-not-closed',
  'ring-too-short',
  'ring-self-intersection',
  'polygon-too-few-points',
  'polygon-ring-touches-itself',
  'polygon-interior-disconnected',
  'polygon-hole-outside-shell',
  'polygon-nested-holes',
  'polygon-nested-shells',
  'coord-not-convertible',
  'duplicate-id',
  // Import: notes on the whole file
  'winding-fixed',
  'swapped-coords-fixed',
  'features-skipped',
  'more-problems',
  'project-not-object',
  'project-wrong-app',
  'project-newer-version',
  'project-bad-field',
  'project-missing-field',
  'project-duplicate-id',
  'project-duplicate-cell',
  'project-unknown-board',
  'project-too-many',
  'project-text-too-long',
  'project-too-many-positions',
  'project-number-too-large',
  'project-too-deep',
  'project-other-plan',
  'project-years-outside-plan',
  'project-boards-not-in-plan',
  'plan-boards-not-in-project',
  'project-targets-not-in-plan',
  'project-targets-changed',
  // Plan packages (docs/plan-package.md)
  'plan-not-object',
  'plan-wrong-format',
  'plan-newer-version',
  'plan-bad-field',
  'plan-missing-field',
  'plan-duplicate-id',
  'plan-years-not-consecutive',
  'plan-board-no-outline',
  'plan-outline-not-listed',
  'plan-year-outside-period',
  'plan-length-mismatch',
  'plan-unknown-threshold',
  'plan-unknown-county',
  'plan-is-example',
  'storage-quota-exceeded',
  'storage-failed',
  // Allocation UI (README: Supply allocation)
  'units-not-number',
  'units-negative',
  'units-not-integer',
  'units-too-large',
  'paste-too-many-rows',
  'paste-too-many-columns',
  'site-polygon-invalid',
  'storage-load-invalid',
  'storage-tab-invalid',
  'storage-changed-meanwhile',
  'storage-load-failed',
  'storage-unavailable',
  // Tables (XLSX) and actual supply (src/io/readers/actuals-reader.ts)
  'xlsx-invalid',
  'xlsx-other-sheets',
  ...ACTUALS_PROBLEM_CODES,
  'storage-refused',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  file?: string;
  /** 0-based index of the feature in the file. */
  featureIndex?: number;
  /** 1-based line/row in a text file. */
  row?: number;
  field?: string;
  params?: Record<string, string | number>;
}

/** Result of checking user input: the value, or the problems that stop it. */
export type Checked<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function problem(code: ProblemCode, where: Omit<Problem, 'code' | 'severity'> = {}, severity: Problem['severity'] = 'error'): Problem {
  return { code, severity, ...where };
}
