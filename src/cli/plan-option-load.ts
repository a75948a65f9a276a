/**
 * Load `--plan FILE`: read it as a user's file, check it (src/io/plan-package-check.ts) against
 * the shipped boards and counties, and make it the active plan; exit 1 naming every problem's
 * field, exit 2 when the file cannot be read. An example package is said on stderr.
 */
import { basename } from 'node:path';
import type { CliIO } from './command.ts';
import { problemsError } from './cli-error.ts';
import { readInputText } from './read-input.ts';
import { readGeodata } from './default-data.ts';
import { parsePlanPackage } from '../io/plan-package-check.ts';
import { activePlan, setActivePlan } from '../data/active-plan.ts';
import { formatProblem } from '../i18n/problems.ts';
import type { BoardCollection } from '../domain/board.ts';

/** Make the package at `path` the active plan; returns what puts the previous one back. */
export function usePlanFile(path: string, io: CliIO): () => void {
  const text = readInputText(path);
  const boards = readGeodata<BoardCollection>('boards.geojson');
  const counties = readGeodata<{ features: { properties: { name: string } }[] }>('counties.geojson');
  const r = parsePlanPackage(text, { shippedBoardIds: new Set(boards.features.map((f) => f.properties.id)), countyNames: new Set(counties.features.map((f) => f.properties.name)) }, basename(path));
  if (!r.ok) throw problemsError(r.problems, r.problems.every((p) => p.code === 'not-json') ? 2 : 1);
  for (const w of r.warnings) io.err(`warning: ${formatProblem(w, 'en')}`);
  const previous = activePlan();
  setActivePlan(r.value);
  return () => setActivePlan(previous);
}
