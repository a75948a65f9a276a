/**
 * What a project's schema cannot say, checked as an import checks it: ids unique
 * in every list (多节点, boards, facilities, employment areas, sites in a scenario, scenarios),
 * positions within longitude ±180° and latitude ±90°, geometry sound (rings closed, 4+
 * positions) and polygons that do not cross themselves. The structure and self-intersection
 * tests are the importer's own (src/io/validate), so a project holds only what an import of
 * the same features would accept. Runs after the schema, on a value of the right shape.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { problem, type Problem } from '../domain/problem.ts';
import type { BoardCollection } from '../domain/board.ts';
import type { NodeFeature } from '../domain/structure.ts';
import type { Facility } from '../domain/facility.ts';
import type { PopulationInput } from '../domain/population.ts';
import type { EmploymentAreaCollection } from '../domain/employment-area.ts';
import { checkStructure } from '../io/validate/check-structure.ts';
import { POLYGON_PROBLEM, polygonProblem } from '../io/validate/check-polygons.ts';

export interface IntegrityOptions {
  /**
   * Also test polygons for OGC validity as an import does (file open, `anju check`, imports):
   * crossings, self-touching rings, holes outside their shell … (src/geo/polygon-validity.ts).
   */
  polygonValidity: boolean;
}

type Add = (p: Problem) => void;

/** The slices with ids or geometry, as a project file holds them (each optional but scenarios). */
export interface IntegrityInput {
  boards?: BoardCollection;
  nodes?: NodeFeature[];
  scenarios: readonly { sites: readonly { id: string; geometry: Geometry }[] }[];
  facilities?: Facility[];
  population?: PopulationInput;
  streets?: FeatureCollection | null;
  employment?: EmploymentAreaCollection;
}

/** A problem for each id already used earlier in the list; `field(i)` names the i-th id's field. */
function uniqueIds(ids: readonly string[], field: (i: number) => string, file: string | undefined, add: Add): void {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (seen.has(ids[i])) add(problem('project-duplicate-id', { file, field: field(i), params: { value: ids[i] } }));
    seen.add(ids[i]);
  }
}

const fmt = (p: Position) => `${p[0]}, ${p[1]}`;

/** The first position outside ±180° / ±90°, or null. */
function outOfRange(coordinates: unknown): Position | null {
  const stack = [coordinates];
  while (stack.length) {
    const c = stack.pop() as unknown[];
    if (typeof c[0] === 'number') {
      if (outside(c as number[])) return c as Position;
    } else for (const x of c) stack.push(x);
  }
  return null;
}

/** Unchanged geometry is the same object (state is immutable): each is tested once. */
const basicCache = new WeakMap<object, Omit<Problem, 'file' | 'field'> | null>();
const invalidCache = new WeakMap<object, ReturnType<typeof polygonProblem>>();

function basicProblem(g: Geometry): Omit<Problem, 'file' | 'field'> | null {
  const s = checkStructure(g);
  if (s) return problem(s.code, { params: { ...(s.detail ? { detail: s.detail } : {}), ...(s.coord ? { coord: s.coord } : {}) } });
  const bad = outOfRange((g as { coordinates: unknown }).coordinates);
  return bad ? problem('coord-out-of-range', { params: { coord: fmt(bad) } }) : null;
}

/** The first problem of one geometry, or null. */
function geometryProblem(g: Geometry, field: string, file: string | undefined, opts: IntegrityOptions): Problem | null {
  let basic = basicCache.get(g);
  if (basic === undefined) basicCache.set(g, (basic = basicProblem(g)));
  if (basic) return { ...basic, file, field };
  if (!opts.polygonValidity || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  let invalid = invalidCache.get(g);
  if (invalid === undefined) invalidCache.set(g, (invalid = polygonProblem(g)));
  return invalid ? problem(POLYGON_PROBLEM[invalid.reason], { file, field, params: { coord: `${invalid.at[0].toFixed(6)}, ${invalid.at[1].toFixed(6)}` } }) : null;
}

/**
 * Work out and remember the geometry checks of `g` (structure, range, polygon validity), so that
 * a later integrityProblems over the same object finds them cached. For doing a large slice's
 * geometry one object at a time between other work; a geometry of an unexpected shape is left
 * for integrityProblems, which runs after the schema.
 */
export function warmGeometryChecks(g: Geometry): void {
  try {
    geometryProblem(g, '', undefined, { polygonValidity: true });
  } catch {
    // not of the shape the schema requires: the schema names it
  }
}

const outside = (p: readonly number[]) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90;

function lonLatProblem(lonLat: readonly number[], field: string, file: string | undefined): Problem {
  return problem('coord-out-of-range', { file, field, params: { coord: fmt(lonLat as Position) } });
}

/** Every integrity problem of a schema-valid project file, in file order. */
export function integrityProblems(f: IntegrityInput, file: string | undefined, opts: IntegrityOptions): Problem[] {
  const out: Problem[] = [];
  const add: Add = (p) => void out.push(p);
  const geo = (g: Geometry, field: string) => {
    const p = geometryProblem(g, field, file, opts);
    if (p) add(p);
  };
  if (f.boards) {
    uniqueIds(f.boards.features.map((b) => b.properties.id), (i) => `boards.features[${i}].properties.id`, file, add);
    f.boards.features.forEach((b, i) => geo(b.geometry, `boards.features[${i}].geometry`));
  }
  if (f.nodes) {
    uniqueIds(f.nodes.map((n) => n.properties.id), (i) => `nodes[${i}].properties.id`, file, add);
    f.nodes.forEach((n, i) => geo(n.geometry, `nodes[${i}].geometry`));
  }
  f.scenarios.forEach((s, i) => s.sites.forEach((site, j) => geo(site.geometry, `scenarios[${i}].sites[${j}].geometry`)));
  if (f.facilities) {
    uniqueIds(f.facilities.map((x) => x.id), (i) => `facilities[${i}].id`, file, add);
    f.facilities.forEach((x, i) => {
      if (outside(x.lonLat)) add(lonLatProblem(x.lonLat, `facilities[${i}].lonLat`, file));
    });
  }
  const pop = f.population;
  if (pop?.kind === 'points')
    pop.points.forEach((x, i) => {
      if (outside(x.lonLat)) add(lonLatProblem(x.lonLat, `population.points[${i}].lonLat`, file));
    });
  if (pop?.kind === 'cells') pop.cells.forEach((x, i) => geo(x.geometry, `population.cells[${i}].geometry`));
  f.streets?.features.forEach((x, i) => geo(x.geometry, `streets.features[${i}].geometry`));
  if (f.employment) {
    uniqueIds(f.employment.features.map((x) => x.properties.id), (i) => `employment.features[${i}].properties.id`, file, add);
    f.employment.features.forEach((x, i) => geo(x.geometry, `employment.features[${i}].geometry`));
  }
  return out;
}
