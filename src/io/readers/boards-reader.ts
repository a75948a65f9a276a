/**
 * Boards (板块): polygons named by a board id or name. Names are matched to the known boards
 * (the plan's 21, or the project's current ones) loosely — `七都板块`, full-width dashes and spaces
 * are the same board — so a matched feature carries that board's id and name. The app's boundary
 * import takes only known boards (`requireKnown`); the analyses on the command line also take other
 * polygons, by the id or name they carry.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { problem, type Checked, type ProblemCode } from '../../domain/problem.ts';
import { bboxOf } from '../../geo/measure.ts';
import { inWenzhouBbox } from '../../geo/wenzhou-extent.ts';
import { COMMON_READER_CODES, finish, geometryError, readEach, type ImportedLayer, type InputReader, type ReadOptions } from './input-reader.ts';
import { fieldList, isBlank, numberOf, propertyKeys, resolveFields, shown, textOf, valueOf } from './fields.ts';

/** Property names that may carry the board's id or name, in order of preference. */
export const BOARD_KEY_FIELDS = ['id', 'name', 'board', 'boardId', 'boardName', '板块', '板块名称', '板块编号', '名称'] as const;

export const BOARD_FIELDS = {
  key: BOARD_KEY_FIELDS,
  dwellings: ['dwellings', '住房套数', '住宅套数', '套数'],
} as const;

const BOARD_PROBLEM_CODES = ['outside-wenzhou', 'missing-board-key', 'unknown-board', 'duplicate-board', 'jh-bad-dwellings'] as const satisfies readonly ProblemCode[];

const GEOMETRY_TYPES = ['Polygon', 'MultiPolygon'] as const;

/** A board as the reader knows it: id and name (e.g. `qidu`, `七都`). */
export interface KnownBoard {
  id: string;
  name: string;
}

export interface BoardInput {
  /** The known board's id when the feature names one, else the id (or name) the feature carries. */
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** Dwellings (套) the file gives for the board, when it does. */
  dwellings?: number;
  /** The known board the feature names, or null. */
  known: KnownBoard | null;
  /** Index of the feature in the imported layer. */
  index: number;
}

export interface BoardReadOptions extends ReadOptions {
  /** Boards to match names against. */
  known?: readonly KnownBoard[];
  /** Refuse features that name no known board (the app's boundary import). */
  requireKnown?: boolean;
}

/** `七都板块` → `七都`; spaces and dash variants removed; lower case. */
export function normaliseBoardName(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, '').replace(/板块$/, '').replace(/[–—－‐]/g, '-').toLowerCase();
}

/** The known board a text names (by id or by name), or null. */
export function matchBoard(text: string, known: readonly KnownBoard[]): KnownBoard | null {
  const n = normaliseBoardName(text);
  return known.find((b) => b.id.toLowerCase() === n || normaliseBoardName(b.name) === n) ?? null;
}

function readBoards(layer: ImportedLayer, options: BoardReadOptions = {}): Checked<BoardInput[]> {
  const known = options.known ?? [];
  const keys = propertyKeys(layer.features);
  // Every accepted key field present in the layer, in order: a feature may name its board in any.
  const keyFields = BOARD_KEY_FIELDS.map((k) => resolveFields(keys, { k: [k] }).k).filter((k): k is string => k !== null);
  const { dwellings: dwellingsKey } = resolveFields(keys, BOARD_FIELDS);
  const seen = new Map<string, number>();
  const r = readEach<BoardInput>(layer, options, (f, at, index) => {
    const wrong = geometryError(f, at, GEOMETRY_TYPES);
    if (wrong) return { errors: [wrong] };
    let first: { field: string; value: string } | null = null;
    let board: KnownBoard | null = null;
    let field: string | null = null;
    for (const k of keyFields) {
      const value = textOf(valueOf(f, k));
      if (value === null) continue;
      first ??= { field: k, value };
      board = matchBoard(value, known);
      if (board) {
        field = k;
        break;
      }
    }
    if (!first) return { errors: [problem('missing-board-key', { ...at, params: { fields: fieldList(BOARD_KEY_FIELDS, 9) } })] };
    if (!board && options.requireKnown) return { errors: [problem('unknown-board', { ...at, field: first.field, params: { value: first.value.slice(0, 60), count: known.length } })] };
    if (board && options.requireKnown) {
      // A known board's new boundary far from Wenzhou is a wrong file or CRS, not a boundary.
      const [w, s, e, n] = bboxOf(f.geometry as Polygon | MultiPolygon);
      if (!inWenzhouBbox((w + e) / 2, (s + n) / 2)) return { errors: [problem('outside-wenzhou', { ...at, params: { coord: `${((w + e) / 2).toFixed(4)}, ${((s + n) / 2).toFixed(4)}` } })] };
    }
    const id = board?.id ?? textOf(valueOf(f, keyFields.find((k) => /id$/i.test(k) || k === '板块编号') ?? null)) ?? first.value;
    const nameKey = keyFields.find((k) => !/id$/i.test(k) && k !== '板块编号') ?? null;
    const name = board?.name ?? textOf(valueOf(f, nameKey)) ?? id;
    const prior = seen.get(id);
    if (prior !== undefined) return { errors: [problem('duplicate-board', { ...at, field: field ?? first.field, params: { value: first.value.slice(0, 60), other: prior + 1 } })] };
    seen.set(id, index);
    const rawD = valueOf(f, dwellingsKey);
    const d = numberOf(rawD);
    if (!isBlank(rawD) && (d === null || d < 0)) return { errors: [problem('jh-bad-dwellings', { ...at, field: dwellingsKey ?? undefined, params: { value: shown(rawD) } })] };
    return { value: { id, name, geometry: f.geometry as Polygon | MultiPolygon, known: board, index, ...(d !== null ? { dwellings: d } : {}) } };
  });
  return finish(layer, options, r.errors, r.warnings, r.values, r.values.length);
}

export const boardsReader: InputReader<BoardInput[]> & { read(layer: ImportedLayer, options?: BoardReadOptions): Checked<BoardInput[]> } = {
  problemCodes: [...COMMON_READER_CODES, ...BOARD_PROBLEM_CODES],
  kind: 'boards',
  geometryTypes: GEOMETRY_TYPES,
  fields: BOARD_FIELDS,
  read: readBoards,
};
