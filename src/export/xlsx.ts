/**
 * The board table as an Excel workbook (write-excel-file: MIT, small, writes with fflate),
 * loaded on first use so the app's first load does not carry it.
 * Numbers stay numbers; the header row is bold and frozen.
 */
import type { Cell as XlsxCell, Row } from 'write-excel-file/browser';
import type { BoardTable } from './board-table.ts';

/** An .xlsx file with one sheet holding the table. */
export async function tableToXlsx(table: BoardTable, sheetName: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header: Row = table.columns.map((c): XlsxCell => ({ value: c.header, fontWeight: 'bold' }));
  const rows: Row[] = table.rows.map((r) => r.map((c): XlsxCell => (c === null ? null : typeof c === 'number' ? { value: c, type: Number } : { value: c, type: String })));
  const columns = table.columns.map((c) => ({ width: Math.min(40, Math.max(8, c.header.length * (/[\u4e00-\u9fff]/.test(c.header) ? 2 : 1) + 2)) }));
  return writeXlsxFile([header, ...rows], { sheet: sheetName.slice(0, 31), columns, stickyRowsCount: 1 }).toBlob();
}
