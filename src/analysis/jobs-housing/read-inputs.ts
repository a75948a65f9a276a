/**
 * Checking user-supplied inputs of the job–housing analysis: employment areas (a polygon
 * layer with numeric `jobs`), boards (a polygon layer with `id` or `name`, optional
 * `dwellings`) and a dwellings table (JSON object: board id or name → dwellings).
 * Returns Problems with file, feature and field; never throws on bad input.
 */
import type { FeatureCollection } from 'geojson';
import { problem, type Checked, type Problem } from '../../domain/problem.ts';
import type { Areal } from '../../geo/polygon-ops.ts';
import type { JhBoard, JhPark } from './types.ts';

function arealOf(fc: FeatureCollection, i: number, file: string, problems: Problem[]): Areal | null {
  const g = fc.features[i].geometry;
  if (!g) {
    problems.push(problem('empty-geometry', { file, featureIndex: i }));
    return null;
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    problems.push(problem('wrong-geometry-type', { file, featureIndex: i, params: { actual: g.type, expected: 'Polygon/MultiPolygon' } }));
    return null;
  }
  if (g.coordinates.length === 0) {
    problems.push(problem('empty-geometry', { file, featureIndex: i }));
    return null;
  }
  return g;
}

const keyOf = (p: Record<string, unknown>): string | null =>
  typeof p.id === 'string' || typeof p.id === 'number' ? String(p.id) : typeof p.name === 'string' ? p.name : null;

/** Employment areas: Polygon/MultiPolygon features with a finite `jobs` ≥ 0; id = `id`, else `name`, else `park-<n>`. */
export function readEmploymentAreas(fc: FeatureCollection, file: string): Checked<JhPark[]> {
  const problems: Problem[] = [];
  const parks: JhPark[] = [];
  fc.features.forEach((f, i) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const geometry = arealOf(fc, i, file, problems);
    const raw = props.jobs;
    const jobs = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (raw === undefined || raw === null) problems.push(problem('jh-missing-jobs', { file, featureIndex: i, field: 'jobs' }));
    else if (typeof jobs !== 'number' || !Number.isFinite(jobs) || jobs < 0) problems.push(problem('jh-bad-jobs', { file, featureIndex: i, field: 'jobs', params: { value: String(raw) } }));
    else if (geometry) {
      const id = keyOf(props) ?? `park-${i + 1}`;
      parks.push({ id, name: typeof props.name === 'string' ? props.name : id, jobs, geometry });
    }
  });
  const seen = new Map<string, number>();
  parks.forEach((p, k) => {
    if (seen.has(p.id)) problems.push(problem('jh-duplicate-id', { file, params: { value: p.id } }));
    seen.set(p.id, k);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: parks, warnings: [] };
}

export interface BoardsWithDwellings {
  boards: JhBoard[];
  /** The `dwellings` property of each board, when it has one. */
  dwellingsFromProperties: Record<string, number>;
}

/** Boards: Polygon/MultiPolygon features with `id` or `name`; an optional numeric `dwellings` ≥ 0. */
export function readJhBoards(fc: FeatureCollection, file: string): Checked<BoardsWithDwellings> {
  const problems: Problem[] = [];
  const boards: JhBoard[] = [];
  const dwellingsFromProperties: Record<string, number> = {};
  fc.features.forEach((f, i) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const geometry = arealOf(fc, i, file, problems);
    const id = keyOf(props);
    if (!id) return void problems.push(problem('missing-board-key', { file, featureIndex: i }));
    const d = props.dwellings;
    if (d !== undefined && d !== null) {
      if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) problems.push(problem('jh-bad-dwellings', { file, featureIndex: i, field: 'dwellings', params: { value: String(d) } }));
      else dwellingsFromProperties[id] = d;
    }
    if (geometry) boards.push({ id, name: typeof props.name === 'string' ? props.name : id, geometry });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: { boards, dwellingsFromProperties }, warnings: [] };
}

/**
 * A dwellings table: a JSON object whose keys are board ids or names and whose values are
 * dwellings (numbers ≥ 0, or null for unknown). Returns dwellings keyed by board id.
 */
export function readDwellingsTable(text: string, file: string, boards: readonly JhBoard[]): Checked<Record<string, number | null>> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem('not-json', { file, params: { detail: (e as Error).message } })] };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { ok: false, problems: [problem('jh-dwellings-not-object', { file })] };
  const problems: Problem[] = [];
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    const board = boards.find((b) => b.id === key) ?? boards.find((b) => b.name === key);
    if (!board) problems.push(problem('unknown-board', { file, field: key, params: { value: key } }));
    else if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) problems.push(problem('jh-bad-dwellings', { file, field: key, params: { value: JSON.stringify(value) } }));
    else out[board.id] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out, warnings: [] };
}
