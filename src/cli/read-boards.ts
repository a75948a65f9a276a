import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BoardCollection } from '../domain/board.ts';
import { parseGeoJson } from '../geo/validate-geojson.ts';
import { formatProblem } from '../i18n/problems.ts';
import { CliError } from './cli-error.ts';

/**
 * A boards file given on the command line: any Polygon/MultiPolygon FeatureCollection
 * whose features carry `id` or `name` (boards are identified by either).
 */
export function readBoardsFile(path: string): BoardCollection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
  }
  const parsed = parseGeoJson(text, basename(path));
  if (!parsed.ok) throw new CliError(parsed.problems.map((p) => formatProblem(p, 'en')).join('\n'));
  const problems: string[] = [];
  parsed.value.features.forEach((f, i) => {
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') problems.push(`${basename(path)} feature #${i + 1}: geometry type is ${t ?? 'null'}, expected Polygon/MultiPolygon`);
    const p = f.properties ?? {};
    if (typeof p.id !== 'string' && typeof p.name !== 'string') problems.push(`${basename(path)} feature #${i + 1}: no board id or name (property id or name)`);
  });
  if (problems.length) throw new CliError(problems.join('\n'));
  return parsed.value as BoardCollection;
}
