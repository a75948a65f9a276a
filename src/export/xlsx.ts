/**
 * The board table as an Excel workbook (write-excel-file: MIT, small, writes with fflate),
 * loaded on first use so the app's first load does not carry it.
 * Numbers stay numbers; the header row is bold and frozen.
 */
import type { Cell as XlsxCell, Row } from 'write-excel-file/browser';
import type { BoardTable, Cell } from './board-table.ts';

function cell(c: Cell): XlsxCell {
  return c === null ? null : typeof c === 'number' ? { value: c, type: Number } : { value: c, type: String };
}

/**
 * An .xlsx file: the table on the first sheet; `notes` (rows of label and value: what the
 * table shows, column notes, warnings) on a second sheet, when given.
 */
export async function tableToXlsx(table: BoardTable, sheetName: string, notes?: { sheet: string; rows: Cell[][] }): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header: Row = table.columns.map((c): XlsxCell => ({ value: c.header, fontWeight: 'bold' }));
  const rows: Row[] = table.rows.map((r) => r.map(cell));
  const columns = table.columns.map((c) => ({ width: Math.min(40, Math.max(8, c.header.length * (/[\u4e00-\u9fff]/.test(c.header) ? 2 : 1) + 2)) }));
  const options = { sheet: sheetName.slice(0, 31), columns, stickyRowsCount: 1 };
  if (!notes) return writeXlsxFile([header, ...rows], options).toBlob();
  // A row of one cell is a heading (说明, 列说明, a group of warnings): bold.
  const notesData: Row[] = notes.rows.map((r) => (r.length === 1 ? [{ value: String(r[0] ?? ''), fontWeight: 'bold' }] : r.map(cell)));
  return writeXlsxFile([
    { data: [header, ...rows], ...options },
    { data: notesData, sheet: notes.sheet.slice(0, 31), columns: [{ width: 36 }, { width: 90 }] },
  ]).toBlob();
}
