/**
 * Size checks of a parsed project object (a file, or what IndexedDB holds) before its schema
 * is checked: how many scenarios, cells, sites, features; how long each text; how many
 * positions in each geometry; how deep the nesting; no number beyond ±MAX_COUNT outside positions. They run first and alone, so that a
 * hostile file (a million cells, a 2 MB name, arrays nested 100,000 deep) is refused in one
 * pass over it instead of being validated, drawn or saved. Limits: src/domain/project-limits.ts.
 */
import { problem, type Problem, type ProblemCode } from '../domain/problem.ts';
import {
  MAX_BOARDS,
  MAX_CELLS_PER_SCENARIO,
  MAX_COUNT,
  MAX_EMPLOYMENT_AREAS,
  MAX_LAYER_FEATURES,
  MAX_NAME_CHARS,
  MAX_NODES,
  MAX_POSITIONS_PER_GEOMETRY,
  MAX_SCENARIOS,
  MAX_SITES_PER_SCENARIO,
  MAX_TEXT_CHARS,
} from '../domain/project-limits.ts';

/** Deepest nesting anywhere in a project (a MultiPolygon's positions are 6 levels below a slice). */
export const MAX_NESTING = 32;
/** Problems listed before the rest are only counted. */
const MAX_LISTED = 100;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const at = (o: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((x, k) => (isObj(x) ? x[k] : undefined), o);

/** Keys whose text is a name or an id. */
const NAME_KEYS = new Set(['id', 'name', 'nameEn', 'boardId']);

class Collector {
  readonly list: Problem[] = [];
  more = 0;
  constructor(readonly file: string | undefined) {}
  add(code: ProblemCode, field: string, params: Record<string, string | number>): void {
    if (this.list.length < MAX_LISTED) this.list.push(problem(code, { file: this.file, field, params }));
    else this.more++;
  }
  result(): Problem[] {
    return this.more ? [...this.list, problem('more-problems', { file: this.file, params: { count: this.more } })] : this.list;
  }
}

function countLimits(raw: Obj, c: Collector): void {
  const limit = (value: unknown, field: string, max: number) => {
    if (Array.isArray(value) && value.length > max) c.add('project-too-many', field, { count: value.length, max });
  };
  limit(raw.scenarios, 'scenarios', MAX_SCENARIOS);
  if (Array.isArray(raw.scenarios)) {
    raw.scenarios.slice(0, MAX_SCENARIOS).forEach((s, i) => {
      limit(at(s, 'allocations'), `scenarios[${i}].allocations`, MAX_CELLS_PER_SCENARIO);
      limit(at(s, 'sites'), `scenarios[${i}].sites`, MAX_SITES_PER_SCENARIO);
    });
  }
  limit(at(raw, 'boards', 'features'), 'boards.features', MAX_BOARDS);
  limit(raw.nodes, 'nodes', MAX_NODES);
  limit(at(raw, 'employment', 'features'), 'employment.features', MAX_EMPLOYMENT_AREAS);
  limit(raw.facilities, 'facilities', MAX_LAYER_FEATURES);
  limit(at(raw, 'population', 'points'), 'population.points', MAX_LAYER_FEATURES);
  limit(at(raw, 'population', 'cells'), 'population.cells', MAX_LAYER_FEATURES);
  limit(at(raw, 'streets', 'features'), 'streets.features', MAX_LAYER_FEATURES);
  limit(at(raw, 'actuals', 'records'), 'actuals.records', MAX_LAYER_FEATURES);
}

/** Positions in a `coordinates` value (arrays whose first item is a number), or -1 when nested too deep. */
function positionsIn(coordinates: unknown[]): number {
  let n = 0;
  const stack: [unknown[], number][] = [[coordinates, 0]];
  while (stack.length) {
    const [a, depth] = stack.pop()!;
    if (depth > 4) return -1;
    if (typeof a[0] === 'number') n++;
    else for (const x of a) if (Array.isArray(x)) stack.push([x, depth + 1]);
  }
  return n;
}

/** `scenarios[0].name` from the keys walked so far. */
function pathOf(keys: readonly (string | number)[]): string {
  let s = '';
  for (const k of keys) s += typeof k === 'number' ? `[${k}]` : s ? `.${k}` : k;
  return s;
}

/**
 * A street feature's properties are the user's file as it was (an OSM id beyond 1e8, a long
 * description): kept, never read as figures or shown, so only their nesting is limited.
 */
const isOpaque = (keys: readonly (string | number)[]) => keys.length === 4 && keys[0] === 'streets' && keys[3] === 'properties';

/**
 * One pass over everything: text lengths (keys too), positions per geometry, nesting depth.
 * Recursive, but never deeper than MAX_NESTING; paths are built only for problems.
 */
function walk(value: unknown, keys: (string | number)[], c: Collector, opaque = false): void {
  if (opaque) {
    if (typeof value === 'object' && value !== null) {
      if (keys.length >= MAX_NESTING) return c.add('project-too-deep', pathOf(keys), { max: MAX_NESTING });
      for (const k in value) {
        keys.push(k);
        walk((value as Obj)[k], keys, c, true);
        keys.pop();
      }
    }
    return;
  }
  if (typeof value === 'string') {
    const key = keys[keys.length - 1];
    const max = typeof key === 'string' && NAME_KEYS.has(key) ? MAX_NAME_CHARS : MAX_TEXT_CHARS;
    if (value.length > max) c.add('project-text-too-long', pathOf(keys), { length: value.length, max });
    return;
  }
  if (typeof value === 'number') {
    // No figure in a project comes near this (counts are at most MAX_COUNT, positions ±180):
    // a number beyond it, wherever it hides, is damage.
    if (!(Math.abs(value) <= MAX_COUNT)) c.add('project-number-too-large', pathOf(keys), { value, max: MAX_COUNT });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (keys.length >= MAX_NESTING) return c.add('project-too-deep', pathOf(keys), { max: MAX_NESTING });
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      if (typeof x === 'boolean' || x === null || (typeof x === 'number' && Math.abs(x) <= MAX_COUNT)) continue;
      keys.push(i);
      walk(x, keys, c);
      keys.pop();
    }
    return;
  }
  const o = value as Obj;
  for (const k in o) {
    if (k.length > MAX_NAME_CHARS) c.add('project-text-too-long', pathOf([...keys, k.slice(0, 40) + '…']), { length: k.length, max: MAX_NAME_CHARS });
    const x = o[k];
    if (typeof x === 'boolean' || x === null || (typeof x === 'number' && Math.abs(x) <= MAX_COUNT)) continue;
    keys.push(k);
    if (k === 'coordinates' && Array.isArray(x)) {
      // Positions are numbers: count them instead of walking them.
      const n = positionsIn(x);
      if (n < 0) c.add('project-too-deep', pathOf(keys), { max: MAX_NESTING });
      else if (n > MAX_POSITIONS_PER_GEOMETRY) c.add('project-too-many-positions', pathOf(keys.slice(0, -1)), { count: n, max: MAX_POSITIONS_PER_GEOMETRY });
    } else walk(x, keys, c, isOpaque(keys));
    keys.pop();
  }
}

/**
 * The size walk of one part of a project at a time (e.g. facility i at keys `['facilities', i]`):
 * `clean()` is true when no part walked so far has a size problem. For checking a large slice
 * in pieces (persistence/facilities-precheck.ts); `sizeProblems` remains what names the problems.
 */
export function sizeWalker(): { walk(value: unknown, keys: (string | number)[]): void; clean(): boolean } {
  const c = new Collector(undefined);
  return { walk: (value, keys) => walk(value, keys, c), clean: () => c.list.length === 0 };
}

/** Every size problem of a parsed project object (capped at 100, the rest counted). */
export function sizeProblems(raw: unknown, file?: string): Problem[] {
  const c = new Collector(file);
  if (!isObj(raw)) return [];
  countLimits(raw, c);
  // Counting first: a file with 20,000 scenarios is refused without walking all of them.
  if (c.list.length) return c.result();
  walk(raw, [], c);
  return c.result();
}
