/** The board table as shown: filtered by category and text, sorted by a column. */
import type { BoardFeature, Category } from '../../domain/board.ts';
import type { BoardFigure } from '../../domain/board-figure.ts';
import type { Lang } from '../../i18n/lang.ts';
import { boardTable, compareCells, type BoardTable } from '../../export/board-table.ts';

export interface TableQuery {
  category: Category | 'all';
  text: string;
  sortBy: string | null;
  sortDir: 1 | -1;
}

/** Does a board match the filter text (name, English name, districts, streets; case-insensitive)? */
export function matchesText(b: BoardFeature, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  const p = b.properties;
  return [p.name, p.nameEn, p.district, p.planDistrict, ...p.streets].some((s) => s.toLowerCase().includes(q));
}

/** The filtered, sorted table (rows in the plan's order when no sort is chosen). */
export function tableView(boards: readonly BoardFeature[], figures: readonly BoardFigure[], lang: Lang, names: { id: string; name: string }, q: TableQuery): BoardTable {
  const shown = boards.filter((b) => (q.category === 'all' || b.properties.category === q.category) && matchesText(b, q.text));
  const table = boardTable(shown, figures, lang, names);
  const col = q.sortBy === null ? -1 : table.columns.findIndex((c) => c.id === q.sortBy);
  if (col < 0) return table;
  const order = table.rows.map((_, i) => i);
  // Empty cells stay last whichever the direction.
  order.sort((i, j) => {
    const a = table.rows[i][col];
    const b = table.rows[j][col];
    if (a === null || b === null) return compareCells(a, b, lang);
    return q.sortDir * compareCells(a, b, lang) || i - j;
  });
  return { columns: table.columns, rows: order.map((i) => table.rows[i]), boardIds: order.map((i) => table.boardIds[i]) };
}
