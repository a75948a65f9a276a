/**
 * Official board boundaries from a user's GeoJSON: match each feature to a board by id or
 * name, check it, and build the new board collection. All-or-nothing: any error and the
 * current boards are returned untouched by the caller (this function never mutates).
 * Boards the file does not mention keep their current geometry (reported as warnings).
 */
import type { FeatureCollection } from 'geojson';
import type { BoardCollection, BoardFeature, BoardGeometry } from '../domain/board.ts';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { checkCoordinates } from '../geo/validate-geojson.ts';
import { bboxOf } from '../geo/measure.ts';
import { inWenzhouBbox } from '../geo/wenzhou-extent.ts';
import { isValidAreal } from '../geo/valid-areal.ts';

/** Property names that may carry the board's id or name, in order of preference. */
export const BOARD_KEY_FIELDS = ['id', 'name', 'board', 'boardId', 'boardName', '板块', '板块名称', '名称'] as const;

function normaliseName(s: string): string {
  return s.trim().replace(/\s+/g, '').replace(/板块$/, '').replace(/[–—－]/g, '-').toLowerCase();
}

/** Finds the board a feature names, and the field that named it. */
export function findBoardKey(
  props: Record<string, unknown> | null,
  boards: BoardCollection,
): { board: BoardFeature | null; field: string | null; value: string | null } {
  let first: { field: string; value: string } | null = null;
  for (const field of BOARD_KEY_FIELDS) {
    const raw = props?.[field];
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const value = String(raw);
    if (!first) first = { field, value };
    const n = normaliseName(value);
    const board = boards.features.find((b) => b.properties.id === n || normaliseName(b.properties.name) === n);
    if (board) return { board, field, value };
  }
  return { board: null, field: first?.field ?? null, value: first?.value ?? null };
}

export interface BoardImport {
  boards: BoardCollection;
  replacedIds: string[];
}

export function matchBoardFeatures(fc: FeatureCollection, current: BoardCollection, file: string, importedAt: string): Checked<BoardImport> {
  const problems: Problem[] = [];
  const byId = new Map<string, { geometry: BoardGeometry; index: number }>();
  const coordProblems = new Map(checkCoordinates(fc, file).map((p) => [p.featureIndex, p]));
  fc.features.forEach((f, i) => {
    const { board, field, value } = findBoardKey(f.properties as Record<string, unknown> | null, current);
    if (!value) return void problems.push(problem('missing-board-key', { file, featureIndex: i }));
    if (!board) return void problems.push(problem('unknown-board', { file, featureIndex: i, field: field ?? undefined, params: { value } }));
    const g = f.geometry;
    if (!g) return void problems.push(problem('empty-geometry', { file, featureIndex: i }));
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      return void problems.push(problem('wrong-geometry-type', { file, featureIndex: i, params: { actual: g.type, expected: 'Polygon/MultiPolygon' } }));
    }
    if (g.coordinates.length === 0) return void problems.push(problem('empty-geometry', { file, featureIndex: i }));
    const coordProblem = coordProblems.get(i);
    if (coordProblem) return void problems.push(coordProblem);
    if (!isValidAreal(g)) {
      return void problems.push(problem('invalid-polygon', { file, featureIndex: i, params: { detail: 'self-intersection, unclosed ring or too few positions' } }));
    }
    const [w, s, e, n] = bboxOf(g);
    if (!inWenzhouBbox((w + e) / 2, (s + n) / 2)) {
      return void problems.push(problem('outside-wenzhou', { file, featureIndex: i, params: { coord: `${((w + e) / 2).toFixed(4)}, ${((s + n) / 2).toFixed(4)}` } }));
    }
    const prior = byId.get(board.properties.id);
    if (prior) return void problems.push(problem('duplicate-board', { file, featureIndex: i, field: field ?? undefined, params: { value, other: prior.index + 1 } }));
    byId.set(board.properties.id, { geometry: g, index: i });
  });
  if (problems.length) return { ok: false, problems };
  const warnings: Problem[] = [];
  const features = current.features.map((b): BoardFeature => {
    const hit = byId.get(b.properties.id);
    if (!hit) {
      warnings.push(problem('missing-board', { file, params: { value: b.properties.name } }, 'warning'));
      return b;
    }
    return {
      type: 'Feature',
      properties: { ...b.properties, schematic: false, confidence: 'high', geometrySource: `imported: ${file} (${importedAt})` },
      geometry: hit.geometry,
    };
  });
  return { ok: true, value: { boards: { type: 'FeatureCollection', features }, replacedIds: [...byId.keys()] }, warnings };
}
