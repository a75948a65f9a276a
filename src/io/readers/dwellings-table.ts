/**
 * A dwellings table (住房套数): a JSON object whose keys are board ids or names and whose values are
 * dwellings (numbers ≥ 0, or null for unknown). Returns dwellings keyed by board id.
 */
import { problem, type Checked, type Problem } from '../../domain/problem.ts';
import { matchBoard, type KnownBoard } from './boards-reader.ts';

export function readDwellingsTable(text: string, file: string, boards: readonly KnownBoard[]): Checked<Record<string, number | null>> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem('not-json', { file, params: { detail: (e instanceof Error ? e.message : String(e)).slice(0, 200) } })] };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { ok: false, problems: [problem('jh-dwellings-not-object', { file })] };
  const problems: Problem[] = [];
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    const board = boards.find((b) => b.id === key) ?? boards.find((b) => b.name === key) ?? matchBoard(key, boards);
    if (!board) problems.push(problem('unknown-board', { file, field: key.slice(0, 60), params: { value: key.slice(0, 60), count: boards.length } }));
    else if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) problems.push(problem('jh-bad-dwellings', { file, field: key.slice(0, 60), params: { value: (JSON.stringify(value) ?? String(value)).slice(0, 60) } }));
    else out[board.id] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out, warnings: [] };
}
