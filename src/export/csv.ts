/** The board table as CSV for Excel (the one CSV writer: io/rows-to-csv.ts). */
import type { BoardTable, Cell } from './board-table.ts';
import { rowsToCsv } from '../io/rows-to-csv.ts';

export { UTF8_BOM } from '../io/rows-to-csv.ts';

/**
 * The board table as CSV: BOM, CRLF, RFC 4180 quoting, formula-like text prefixed with `'`.
 * `notes` (rows of label and value) follow the table after an empty row.
 */
export function tableToCsv(table: BoardTable, notes: Cell[][] = []): string {
  // Notes (export-notes.ts) follow the table after one empty row, so the table stays first.
  const after = notes.length ? [[], ...notes] : [];
  return rowsToCsv(
    table.columns.map((c) => c.header),
    [...table.rows, ...after],
  );
}
