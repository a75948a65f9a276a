/**
 * The project check of a population slice of points (check-before-write.ts `unsavableProblems`:
 * size limits, schema, integrity) done on columns, without a point object each: for the import
 * dialog's check of a large layer before 替换, in the import worker. Only for columns from the
 * columnar importer (src/io/readers/population-columns.ts), whose coordinates are finite WGS-84
 * within ±180/±90 and whose residents are finite and ≥ 0: what is left for the project check to
 * find is the layer's size and a count beyond MAX_COUNT, named exactly as project-size.ts names
 * them (test/unit/state/population-columns-check.test.ts compares both).
 */
import type { CountArray } from '../domain/population.ts';
import { problem, type Problem } from '../domain/problem.ts';
import { MAX_COUNT, MAX_LAYER_FEATURES } from '../domain/project-limits.ts';

/** As project-size.ts: problems listed before the rest are only counted. */
const MAX_LISTED = 100;

/** The problems `unsavableProblems` gives for `{ kind: 'points', points }` built from these residents. */
export function populationColumnsProblems(population: CountArray): Problem[] {
  const n = population.length;
  if (n > MAX_LAYER_FEATURES) return [problem('project-too-many', { file: undefined, field: 'population.points', params: { count: n, max: MAX_LAYER_FEATURES } })];
  const list: Problem[] = [];
  let more = 0;
  for (let i = 0; i < n; i++) {
    const value = population[i];
    if (Math.abs(value) <= MAX_COUNT) continue;
    if (list.length < MAX_LISTED) list.push(problem('project-number-too-large', { file: undefined, field: `population.points[${i}].population`, params: { value, max: MAX_COUNT } }));
    else more++;
  }
  return more ? [...list, problem('more-problems', { file: undefined, params: { count: more } })] : list;
}
