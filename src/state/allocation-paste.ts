/**
 * A block pasted into the allocation grid: the block's cells fill the grid from the focused
 * cell rightwards (years) and downwards (boards). Every cell is read with parseUnits (digit
 * groups, 万); the paste is all or nothing — a block that does not fit, or any cell that is not
 * a whole number of units, refuses the whole paste with a Problem naming the cell and why.
 * Empty cells in the block empty their grid cells, as in a spreadsheet.
 */
import { parseUnits } from '../domain/parse-units.ts';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import type { HousingTypeId } from '../domain/housing-type.ts';
import type { PlanYear } from '../domain/plan-period.ts';
import type { CellValue } from './scenario-changes.ts';

/** The grid the block lands in: its rows (boards, top to bottom) and columns (years). */
export interface GridAxes {
  boardIds: readonly string[];
  years: readonly PlanYear[];
  /** How the UI names a cell in a message, e.g. "旧城 2021". */
  cellName(boardId: string, year: PlanYear): string;
}

/** Cell problems listed before the rest are counted in a `more-problems` note. */
export const MAX_PASTE_PROBLEMS = 8;

/**
 * The cells a block sets when pasted at (`row`, `col`) of the grid, or the problems that
 * refuse it. `block` is rows of cell texts (parseTsvBlock).
 */
export function pasteBlock(block: readonly (readonly string[])[], at: { row: number; col: number }, axes: GridAxes, type: HousingTypeId): Checked<CellValue[]> {
  const { boardIds, years } = axes;
  if (at.row < 0 || at.row >= boardIds.length || at.col < 0 || at.col >= years.length) throw new Error(`paste anchor outside the grid: row ${at.row}, col ${at.col}`);
  const from = axes.cellName(boardIds[at.row], years[at.col]);
  const width = Math.max(0, ...block.map((r) => r.length));
  const fit: Problem[] = [];
  const roomRows = boardIds.length - at.row;
  const roomCols = years.length - at.col;
  if (block.length > roomRows) fit.push(problem('paste-too-many-rows', { field: from, params: { rows: block.length, room: roomRows, last: axes.cellName(boardIds.at(-1)!, years[at.col]) } }));
  if (width > roomCols) fit.push(problem('paste-too-many-columns', { field: from, params: { cols: width, room: roomCols, last: years.at(-1)! } }));
  if (fit.length) return { ok: false, problems: fit };

  const cells: CellValue[] = [];
  const problems: Problem[] = [];
  let more = 0;
  block.forEach((r, i) =>
    r.forEach((text, j) => {
      const boardId = boardIds[at.row + i];
      const year = years[at.col + j];
      const parsed = parseUnits(text, axes.cellName(boardId, year));
      if (parsed.ok) cells.push({ boardId, year, type, units: parsed.value });
      else if (problems.length < MAX_PASTE_PROBLEMS) problems.push(...parsed.problems);
      else more++;
    }),
  );
  if (more) problems.push(problem('more-problems', { params: { count: more } }));
  return problems.length ? { ok: false, problems } : { ok: true, value: cells, warnings: [] };
}
