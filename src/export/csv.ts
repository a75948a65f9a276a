/** The board table as CSV for Excel: UTF-8 with a byte-order mark, so Excel reads Chinese correctly. */
import Papa from 'papaparse';
import type { BoardTable } from './board-table.ts';

/** U+FEFF: Excel takes a CSV without it for the local code page (GBK on Chinese Windows). */
export const UTF8_BOM = '\uFEFF';

/** CSV text (CRLF line ends, RFC 4180 quoting) starting with the BOM. */
export function tableToCsv(table: BoardTable): string {
  const data = [table.columns.map((c) => c.header), ...table.rows.map((r) => r.map((c) => (c === null ? '' : c)))];
  return UTF8_BOM + Papa.unparse(data, { newline: '\r\n' });
}
