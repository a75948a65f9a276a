/**
 * User layers → engine inputs, with Problems (file, feature/row, field) for what cannot be used:
 * facilities (points with a category), population (points or polygons with a numeric
 * `population`), boards (polygons with id or name), street networks (LineStrings).
 */
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import type { Facility } from '../../domain/facility.ts';
import type { PopulationInput } from '../../domain/population.ts';
import { problem, type Checked, type Problem } from '../../domain/problem.ts';
import type { CoverageBoard } from './types.ts';

const CATEGORY_KEYS = ['category', 'type', 'tier', '类别', '类型'];
const NAME_KEYS = ['name', '名称'];
const POPULATION_KEYS = ['population', 'pop', '人口'];

/** Where a feature is: for a CSV read without skipped rows, feature i is line i + 2 (after the header). */
function at(file: string, fromCsv: boolean, i: number): Pick<Problem, 'file' | 'featureIndex' | 'row'> {
  return fromCsv ? { file, row: i + 2 } : { file, featureIndex: i };
}

const isCsvName = (file: string) => /\.(csv|tsv|txt)$/i.test(file);

function pick(props: Record<string, unknown> | null, keys: string[]): unknown {
  if (!props) return undefined;
  for (const k of keys) if (props[k] !== undefined && props[k] !== '') return props[k];
  return undefined;
}

/** Facilities from a point layer. `category` (or type/tier) is required; `id` defaults to `f<n>`. */
export function facilitiesFrom(fc: FeatureCollection, file: string, knownCategory: (c: string) => boolean): Checked<Facility[]> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const out: Facility[] = [];
  const ids = new Set<string>();
  fc.features.forEach((f, i) => {
    const where = at(file, isCsvName(file), i);
    if (f.geometry?.type !== 'Point') {
      problems.push(problem('wrong-geometry-type', { ...where, params: { actual: f.geometry?.type ?? 'null', expected: 'Point' } }));
      return;
    }
    const category = pick(f.properties, CATEGORY_KEYS);
    if (typeof category !== 'string') {
      problems.push(problem('missing-category', { ...where, field: 'category' }));
      return;
    }
    if (!knownCategory(category)) warnings.push(problem('unknown-category', { ...where, field: 'category', params: { value: category } }, 'warning'));
    let id = String(f.properties?.id ?? f.id ?? `f${i + 1}`);
    if (ids.has(id)) id = `${id}#${i + 1}`;
    ids.add(id);
    const name = pick(f.properties, NAME_KEYS);
    const c = f.geometry.coordinates;
    out.push({ id, category, lonLat: [c[0], c[1]], ...(typeof name === 'string' ? { name } : {}), ...(f.properties?.illustrative === true ? { illustrative: true } : {}) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: out, warnings };
}

/** Population from points or polygons with a non-negative numeric `population`. */
export function populationFrom(fc: FeatureCollection, file: string): Checked<PopulationInput> {
  const problems: Problem[] = [];
  const points: { lonLat: [number, number]; population: number }[] = [];
  const cells: Extract<PopulationInput, { kind: 'cells' }>['cells'] = [];
  fc.features.forEach((f, i) => {
    const where = at(file, isCsvName(file), i);
    const v = Number(pick(f.properties, POPULATION_KEYS));
    if (!Number.isFinite(v) || v < 0) {
      problems.push(problem('bad-population', { ...where, field: 'population', params: { value: String(pick(f.properties, POPULATION_KEYS) ?? '') } }));
      return;
    }
    const g = f.geometry;
    if (g?.type === 'Point') points.push({ lonLat: [g.coordinates[0], g.coordinates[1]], population: v });
    else if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') cells.push({ geometry: g, population: v });
    else problems.push(problem('wrong-geometry-type', { ...where, params: { actual: g?.type ?? 'null', expected: 'Point/Polygon/MultiPolygon' } }));
  });
  if (problems.length) return { ok: false, problems };
  if (points.length && cells.length) return { ok: false, problems: [problem('mixed-population', { file })] };
  return { ok: true, value: cells.length ? { kind: 'cells', cells } : { kind: 'points', points }, warnings: [] };
}

/** Boards: Polygon/MultiPolygon features identified by `id` or `name`. */
export function boardsFrom(fc: FeatureCollection, file: string): Checked<CoverageBoard[]> {
  const problems: Problem[] = [];
  const out: CoverageBoard[] = [];
  fc.features.forEach((f, i) => {
    const g = f.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
      problems.push(problem('wrong-geometry-type', { file, featureIndex: i, params: { actual: g?.type ?? 'null', expected: 'Polygon/MultiPolygon' } }));
      return;
    }
    const id = f.properties?.id ?? f.properties?.name;
    const name = f.properties?.name ?? f.properties?.id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      problems.push(problem('missing-board-key', { file, featureIndex: i }));
      return;
    }
    out.push({ id: String(id), name: String(name), geometry: g });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: out, warnings: [] };
}

/** Street lines: LineString/MultiLineString features, flattened to LineStrings. */
export function streetsFrom(fc: FeatureCollection, file: string): Checked<Position[][]> {
  const problems: Problem[] = [];
  const lines: Position[][] = [];
  fc.features.forEach((f: Feature, i) => {
    const g = f.geometry;
    if (g?.type === 'LineString') lines.push((g as LineString).coordinates);
    else if (g?.type === 'MultiLineString') lines.push(...g.coordinates);
    else problems.push(problem('wrong-geometry-type', { file, featureIndex: i, params: { actual: g?.type ?? 'null', expected: 'LineString/MultiLineString' } }));
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: lines, warnings: [] };
}
