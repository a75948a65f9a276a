/**
 * Exports say what they show and which figures are made up: a header mark
 * on illustrative or assumed columns, notes after the CSV's table (after one empty row, so the
 * table stays first), a second XLSX sheet with the same notes.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import type { BoardFigure } from '../../../src/domain/board-figure.ts';
import type { BoardFeature } from '../../../src/domain/board.ts';
import { boardTable, figureHeader } from '../../../src/export/board-table.ts';
import { columnNotes, notesRows, type ExportNotes } from '../../../src/export/export-notes.ts';
import { tableToCsv } from '../../../src/export/csv.ts';
import { tableToXlsx } from '../../../src/export/xlsx.ts';

const ratio: BoardFigure = { id: 'jh-ratio', label: { zh: '职住比', en: 'Jobs–housing ratio' }, unit: { zh: '岗位/套', en: 'jobs/dwelling' }, digits: 2, value: () => 1.5, status: 'illustrative', note: { zh: '基于示意就业区的岗位', en: 'jobs of illustrative employment areas' } };
const dwellings: BoardFigure = { id: 'jh-dwellings', label: { zh: '住房套数', en: 'Dwellings' }, unit: { zh: '套', en: 'dwellings' }, value: () => 1000, status: 'assumption' };
const area: BoardFigure = { id: 'area_km2', label: { zh: '面积', en: 'Area' }, unit: { zh: 'km²', en: 'km²' }, digits: 2, value: () => 3.21, note: { zh: '示意范围的面积，非规划数据', en: 'area of a schematic extent' } };
const plain: BoardFigure = { id: 'units', label: { zh: '分配套数', en: 'Units' }, value: () => 0 };
const figures = [area, ratio, dwellings, plain];
const board = { type: 'Feature', properties: { id: 'qidu', name: '七都', nameEn: 'Qidu' }, geometry: { type: 'Polygon', coordinates: [] } } as unknown as BoardFeature;

const notes: ExportNotes = {
  context: [
    { label: '方案', value: '方案一' },
    { label: '板块', value: '仅筛选后的 7/21 个板块（类别：重点拓展）' },
  ],
  columns: columnNotes(figures, 'zh'),
  warnings: [{ title: '规则提示（方案一）', items: ['七都：商品住房 12,000 套，超过 10,000 套'] }],
};

describe('what an export says about itself', () => {
  it('marks illustrative and assumed columns in their header, in both languages', () => {
    expect(figureHeader(ratio, 'zh')).toBe('职住比（岗位/套）［示意］');
    expect(figureHeader(dwellings, 'zh')).toBe('住房套数（套）［假设］');
    expect(figureHeader(ratio, 'en')).toBe('Jobs–housing ratio (jobs/dwelling) [illustrative]');
    expect(figureHeader(plain, 'zh')).toBe('分配套数');
    expect(figureHeader(area, 'zh')).toBe('面积（km²）');
  });

  it('notes every column with a status or a note, and only those', () => {
    expect(columnNotes(figures, 'zh')).toEqual([
      { label: '面积（km²）', value: '示意范围的面积，非规划数据' },
      { label: '职住比（岗位/套）［示意］', value: '示意数据：基于示意就业区的岗位' },
      { label: '住房套数（套）［假设］', value: '假设值' },
    ]);
    expect(columnNotes(figures, 'en')[1]).toEqual({ label: 'Jobs–housing ratio (jobs/dwelling) [illustrative]', value: 'illustrative data: jobs of illustrative employment areas' });
  });

  it('CSV: the table first, one empty row, then the notes, column notes and warnings', () => {
    const table = boardTable([board], figures, 'zh', { id: '编号', name: '板块' });
    const csv = tableToCsv(table, notesRows(notes, 'zh'));
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['编号', '板块', '面积（km²）', '职住比（岗位/套）［示意］', '住房套数（套）［假设］', '分配套数']);
    expect(rows[1]).toEqual(['qidu', '七都', '3.21', '1.5', '1000', '0']);
    expect(rows[2]).toEqual(['']);
    expect(rows.slice(3).map((r) => r.join('|'))).toEqual([
      '说明',
      '方案|方案一',
      '板块|仅筛选后的 7/21 个板块（类别：重点拓展）',
      '列说明',
      '面积（km²）|示意范围的面积，非规划数据',
      '职住比（岗位/套）［示意］|示意数据：基于示意就业区的岗位',
      '住房套数（套）［假设］|假设值',
      '规则提示（方案一）',
      '|七都：商品住房 12,000 套，超过 10,000 套',
    ]);
  });

  it('CSV without notes is the bare table', () => {
    const table = boardTable([board], [plain], 'zh', { id: '编号', name: '板块' });
    expect(Papa.parse<string[]>(tableToCsv(table).slice(1), { newline: '\r\n' }).data).toEqual([['编号', '板块', '分配套数'], ['qidu', '七都', '0']]);
  });

  it('XLSX: the notes on a second sheet, the table alone on the first', async () => {
    const table = boardTable([board], figures, 'zh', { id: '编号', name: '板块' });
    const blob = await tableToXlsx(table, '板块一览', { sheet: '说明', rows: notesRows(notes, 'zh') });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['板块一览', '说明']);
    const strings = strFromU8(files['xl/sharedStrings.xml']);
    expect(strings).toContain('职住比（岗位/套）［示意］');
    expect(strings).toContain('示意数据：基于示意就业区的岗位');
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).not.toContain('<row r="3"');
  });
});
