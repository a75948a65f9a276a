/**
 * The project check of a facilities slice (check-before-write.ts `unsavableProblems`: size limits,
 * schema, integrity) done on columns, without a facility object each: for the import dialog's
 * check of a large layer before 替换, in the import worker. Only for columns from the columnar
 * reader (src/io/readers/facility-columns.ts), whose ids are unique and non-blank, whose texts are
 * strings and whose positions are finite WGS-84 within ±180/±90: what is left for the project
 * check to find is the layer's size and texts longer than the limits, named exactly as
 * project-size.ts names them (test/unit/state/facility-columns-check.test.ts compares both).
 */
import type { FacilityColumns } from '../domain/facility-columns.ts';
import { problem, type Problem } from '../domain/problem.ts';
import { MAX_LAYER_FEATURES, MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../domain/project-limits.ts';

/** As project-size.ts: problems listed before the rest are only counted. */
const MAX_LISTED = 100;

/** The problems `unsavableProblems` gives for the facilities slice built from these columns. */
export function facilityColumnsProblems(c: FacilityColumns): Problem[] {
  const n = c.lon.length;
  if (n > MAX_LAYER_FEATURES) return [problem('project-too-many', { file: undefined, field: 'facilities', params: { count: n, max: MAX_LAYER_FEATURES } })];
  const list: Problem[] = [];
  let more = 0;
  const add = (field: string, length: number, max: number) => {
    if (list.length < MAX_LISTED) list.push(problem('project-text-too-long', { file: undefined, field, params: { length, max } }));
    else more++;
  };
  const longCategory = c.categories.map((s) => s.length > MAX_TEXT_CHARS);
  const anyLongCategory = longCategory.includes(true);
  // The size walk's order within a facility: id, category, (lonLat), name.
  for (let i = 0; i < n; i++) {
    const from = i === 0 ? 0 : c.ends[2 * i - 1];
    const idLength = c.ends[2 * i] - from;
    const nameLength = c.ends[2 * i + 1] - c.ends[2 * i];
    if (idLength > MAX_NAME_CHARS) add(`facilities[${i}].id`, idLength, MAX_NAME_CHARS);
    if (anyLongCategory && longCategory[c.category[i]]) add(`facilities[${i}].category`, c.categories[c.category[i]].length, MAX_TEXT_CHARS);
    if (nameLength > MAX_NAME_CHARS) add(`facilities[${i}].name`, nameLength, MAX_NAME_CHARS);
  }
  return more ? [...list, problem('more-problems', { file: undefined, params: { count: more } })] : list;
}
