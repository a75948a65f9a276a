/**
 * One reader per kind of input (boards, facilities, population, employment areas, street network,
 * actual supply):
 * an imported WGS-84 layer (src/io/import-layer.ts) → the values an analysis or the project takes,
 * with Problems located in the file (feature # or CSV row, field). Each reader owns the field names
 * it accepts and its problem codes; the import dialog, the analyses and every CLI command use these
 * readers and no other. Strict by default; `lenient` skips bad items and lists them as warnings.
 */
import type { Feature, Geometry } from 'geojson';
import { problem, type Checked, type Problem, type ProblemCode } from '../../domain/problem.ts';
import type { FeatureOrigin } from '../import-result.ts';

export const INPUT_KINDS = ['boards', 'facilities', 'population', 'employment', 'streets', 'actuals'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export function isInputKind(v: unknown): v is InputKind {
  return typeof v === 'string' && (INPUT_KINDS as readonly string[]).includes(v);
}

/** A layer as importLayer hands it over: WGS-84 features and where each came from in the file. */
export interface ImportedLayer {
  /** The file's name, for problem locations. */
  file: string;
  features: readonly Feature[];
  /** `origins[i]` locates `features[i]` in the file; absent = feature index i. */
  origins?: readonly FeatureOrigin[];
}

export interface ReadOptions {
  /** Skip items with errors (listed as warnings) instead of refusing the layer. */
  lenient?: boolean;
}

/** The accepted property names of each field a reader looks for, in order of preference. */
export type FieldNames = Readonly<Record<string, readonly string[]>>;

export interface InputReader<T> {
  kind: InputKind;
  /** Geometry types the kind takes. */
  geometryTypes: readonly Geometry['type'][];
  /** Accepted property names, matched case-insensitively (dialog hints and docs show them). */
  fields: FieldNames;
  /** Every problem code `read` can report (test/unit/io/reader-problem-codes.test.ts holds it to that). */
  problemCodes: readonly ProblemCode[];
  read(layer: ImportedLayer, options?: ReadOptions): Checked<T>;
}

/** Codes every reader can report through `finish` and `geometryError` below. */
export const COMMON_READER_CODES = ['wrong-geometry-type', 'empty-geometry', 'no-features', 'features-skipped'] as const satisfies readonly ProblemCode[];

export type Where = Pick<Problem, 'file' | 'featureIndex' | 'row'>;

/** Where feature `i` of the layer is in its file. */
export function locate(layer: ImportedLayer, i: number): Where {
  const o = layer.origins?.[i];
  if (o?.row !== undefined) return { file: layer.file, row: o.row };
  return { file: layer.file, featureIndex: o?.featureIndex ?? i };
}

/** One item's outcome: a value, or the errors that keep it out; warnings either way. */
export interface ItemResult<T> {
  value?: T;
  errors?: Problem[];
  warnings?: Problem[];
}

/**
 * Read every feature with `one`; strict: any error refuses the layer; lenient: items with errors
 * are skipped, their errors become warnings, and a `features-skipped` note counts them.
 * `used[k]` is the feature index of `values[k]`.
 */
export function readEach<T>(layer: ImportedLayer, options: ReadOptions, one: (f: Feature, at: Where, i: number) => ItemResult<T>): { values: T[]; used: number[]; errors: Problem[]; warnings: Problem[] } {
  const values: T[] = [];
  const used: number[] = [];
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  layer.features.forEach((f, i) => {
    const r = one(f, locate(layer, i), i);
    if (r.warnings) warnings.push(...r.warnings);
    if (r.errors?.length) errors.push(...r.errors);
    else if (r.value !== undefined) {
      values.push(r.value);
      used.push(i);
    }
  });
  return { values, used, errors, warnings };
}

/**
 * The outcome of a layer: strict → errors refuse it; lenient → errors become warnings after a
 * `features-skipped` note, refusing only when nothing is left.
 */
export function finish<T>(layer: ImportedLayer, options: ReadOptions, errors: Problem[], warnings: Problem[], value: T, kept: number): Checked<T> {
  if (errors.length === 0) return { ok: true, value, warnings };
  if (!options.lenient) return { ok: false, problems: [...errors, ...warnings] };
  const skipped = new Set(errors.map((p) => `${p.featureIndex}/${p.row}`)).size;
  if (kept === 0) return { ok: false, problems: [problem('no-features', { file: layer.file }), ...errors, ...warnings] };
  const note = problem('features-skipped', { file: layer.file, params: { count: skipped, imported: kept } }, 'warning');
  return { ok: true, value, warnings: [note, ...errors.map((p) => ({ ...p, severity: 'warning' as const })), ...warnings] };
}

/** `wrong-geometry-type` unless the feature's geometry is one of `types`. */
export function geometryError(f: Feature, at: Where, types: readonly string[]): Problem | null {
  const t = f.geometry?.type;
  if (t && types.includes(t)) return null;
  return problem(t ? 'wrong-geometry-type' : 'empty-geometry', { ...at, ...(t ? { params: { actual: t, expected: types.join('/') } } : {}) });
}
