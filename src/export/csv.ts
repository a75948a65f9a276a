/** The board table as CSV for Excel: UTF-8 with a byte-order mark, so Excel reads Chinese correctly. */
import Papa from 'papaparse';
import type { BoardTable, Cell } from './board-table.ts';

/** U+FEFF: Excel takes a CSV without it for the local code page (GBK on Chinese Windows). */
export const UTF8_BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @) or that starts with a tab or a
 * carriage return (which some strip before the formula check): OWASP's CSV-injection list.
 * Papaparse's own pattern misses a formula with a line break in it, hence this one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV text (CRLF line ends, RFC 4180 quoting) starting with the BOM. Text cells that a
 * spreadsheet would evaluate (a board or site named `=HYPERLINK(…)`) get a leading `'`, as
 * Excel and LibreOffice expect for text; numbers (negative ones too) stay numbers. `notes`
 * (rows of label and value) follow the table after an empty row.
 */
export function tableToCsv(table: BoardTable, notes: Cell[][] = []): string {
  const cells = (r: Cell[]) => r.map((c) => (c === null ? '' : c));
  // Notes (export-notes.ts) follow the table after one empty row, so the table stays first.
  const after = notes.length ? [[], ...notes.map(cells)] : [];
  const data = [table.columns.map((c) => c.header), ...table.rows.map(cells), ...after];
  return UTF8_BOM + Papa.unparse(data, { newline: '\r\n', escapeFormulae: FORMULA_START });
}
