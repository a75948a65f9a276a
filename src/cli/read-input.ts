/**
 * Reading a user's layer file on the command line through the same importer as the app
 * (src/io/import-layer.ts): GeoJSON, CSV/TSV, zipped Shapefile or KML, any supported CRS,
 * converted to WGS-84. A file that cannot be read exits 2; problems in it exit 1, each with
 * its location. Strict: no feature is skipped silently.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { importLayer } from '../io/import-layer.ts';
import { UNREADABLE_CODES } from '../io/import-result.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '../io/limits.ts';
import type { CrsId } from '../io/crs.ts';
import { formatProblem } from '../i18n/problems.ts';
import { CliError } from './cli-error.ts';

export interface InputLayer {
  fc: FeatureCollection;
  /** The file's name, for messages. */
  file: string;
}

/** The bytes of a file, or exit 2 naming why it cannot be read (missing, a directory, over the limit). */
export function readInputBytes(path: string): Uint8Array {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CliError(`${path}: is a directory`, 2);
    if (st.size > MAX_IMPORT_BYTES) throw new CliError(`${path}: the file is too large (${(st.size / 1048576).toFixed(1)} MB); the limit is ${MAX_IMPORT_MB} MB`, 2);
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`, 2);
  }
}

/** A UTF-8 text file (a project file, a dwellings table), or exit 2 naming why it cannot be read. */
export function readInputText(path: string): string {
  return new TextDecoder().decode(readInputBytes(path));
}

/** Read `path`; `crs` is the user's choice (absent: detected, degrees default to WGS-84). */
export async function readInputLayer(path: string, crs?: CrsId): Promise<InputLayer> {
  const file = basename(path);
  const r = await importLayer(readInputBytes(path), file, crs ? { crs } : {});
  if (!r.ok) {
    const unreadable = r.problems.every((p) => UNREADABLE_CODES.has(p.code));
    throw new CliError(r.problems.map((p) => formatProblem(p, 'en')).join('\n'), unreadable ? 2 : 1);
  }
  return { fc: r.value, file };
}
