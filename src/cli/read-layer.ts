/**
 * Reading an input layer on the command line exactly as the app does: the importer
 * (src/io/import-layer.ts: any format, CRS detection, checks) and then the reader of its kind
 * (src/io/readers/). A CRS that stays ambiguous is refused with the options that settle it, never
 * guessed. Exit 2 for a file that cannot be read or an option it needs; exit 1 for problems in it.
 */
import { basename } from 'node:path';
import type { Checked, Problem } from '../domain/problem.ts';
import { CRS_LABELS } from '../io/crs.ts';
import { UNREADABLE_CODES, type ImportOptions, type ImportSummary } from '../io/import-result.ts';
import type { ImportedLayer } from '../io/readers/input-reader.ts';
import { formatProblem } from '../i18n/problems.ts';
import { CliError, MAX_LISTED_PROBLEMS, formatProblemList, problemsError } from './cli-error.ts';
import type { CliIO } from './command.ts';
import type { LayerOptions } from './layer-options.ts';
import { readInputBytes } from './read-input.ts';

export interface LayerRead<T> {
  value: T;
  file: string;
  summary: ImportSummary;
}

/** The importer's options for input `option` from the command line's. */
export function importOptionsFor(option: string, options: LayerOptions): ImportOptions {
  const own = options.layerCrs[option];
  return {
    ...(own ? { crs: own } : options.crs ? { fallbackCrs: options.crs } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.towgs84 ? { towgs84: options.towgs84 } : {}),
  };
}

/** Warnings to stderr, the first MAX_LISTED_PROBLEMS one by one. */
export function printWarnings(warnings: Problem[], io: CliIO): void {
  for (const w of warnings.slice(0, MAX_LISTED_PROBLEMS)) io.err(`warning: ${formatProblem(w, 'en')}`);
  if (warnings.length > MAX_LISTED_PROBLEMS) io.err(`warning: ${formatProblemList(warnings.slice(MAX_LISTED_PROBLEMS), 0)}`);
}

/** A CRS that stays ambiguous: exit 2 with the options that settle it; nothing is guessed. */
export function refuseAmbiguous(file: string, summary: ImportSummary, option: string): void {
  const crs = summary.crs;
  if (crs?.ambiguous) {
    const systems = crs.candidates.map((c) => `${c} (${CRS_LABELS[c].en})`).join(', ');
    const metres = crs.kind === 'projected-metres';
    const what = metres ? `projected metres without a .prj${crs.crs.gk?.zone !== undefined ? ` (the eastings carry zone ${crs.crs.gk.zone})` : ''}` : 'degrees';
    const how = metres ? `, with --cm for eastings without a zone and --towgs84 for xian80-gk or beijing54-gk` : '';
    throw new CliError(`${file}: the coordinates do not say which coordinate system they are in (${what}): could be ${systems}. Say which with --${option}-crs (or --crs for every input that declares none)${how}; nothing is guessed`, 2);
  }
}

/** Exit with every problem (English), 2 when none of them is about the content. */
export function refuse(problems: Problem[]): never {
  throw problemsError(problems, problems.every((p) => UNREADABLE_CODES.has(p.code)) ? 2 : 1);
}

/**
 * Read the input `option` (e.g. `facilities`) at `path` through `read` (a reader's read with its
 * options bound). Warnings go to stderr. `extra.allowTable`: a table without coordinates is read as rows (actual supply).
 */
export async function readLayerFile<T>(path: string, option: string, read: (layer: ImportedLayer) => Checked<T>, options: LayerOptions, io: CliIO, extra: Pick<ImportOptions, 'allowTable'> = {}): Promise<LayerRead<T>> {
  const file = basename(path);
  // Loaded here, not with this module: a command whose inputs all take the columnar path (anju coverage
  // on a CSV or GeoJSON of points) never loads the importer's format readers.
  const { importLayer } = await import('../io/import-layer.ts');
  const r = await importLayer(readInputBytes(path), file, { ...importOptionsFor(option, options), ...extra });
  if (!r.ok) refuse(r.problems);
  refuseAmbiguous(file, r.summary, option);
  const read_ = read({ file, features: r.value.features, origins: r.origins });
  if (!read_.ok) refuse(read_.problems);
  printWarnings([...r.warnings, ...read_.warnings], io);
  return { value: read_.value, file, summary: r.summary };
}

/** A reader's read with default options, for readLayerFile. */
