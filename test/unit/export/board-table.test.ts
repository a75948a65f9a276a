import { describe, expect, it } from 'vitest';
import type { BoardFeature } from '../../../src/domain/board.ts';
import type { BoardFigure } from '../../../src/domain/board-figure.ts';
import { boardTable, figureCell, figureHeader, formatFigure } from '../../../src/export/board-table.ts';
import { tableToCsv, UTF8_BOM } from '../../../src/export/csv.ts';
import { boardsToGeoJson, sitesToGeoJson } from '../../../src/export/geojson-export.ts';
import { tableView } from '../../../src/ui/compare/table-view.ts';
import { barRows } from '../../../src/ui/compare/bar-rows.ts';

function board(id: string, name: string, category: BoardFeature['properties']['category'], district = '鹿城区'): BoardFeature {
  return {
    type: 'Feature',
    properties: { id, name, nameEn: id, category, district, planDistrict: district, streets: [`${name}街道`], geometrySource: 'test', confidence: 'low', schematic: true },
    geometry: { type: 'Polygon', coordinates: [[[120, 28], [120.01, 28], [120.01, 28.01], [120, 28]]] },
  };
}

const boards = [board('a', '甲', 'stock-upgrade'), board('b', '乙', 'key-expansion', '瓯海区'), board('c', '丙', 'key-expansion')];
const units: Record<string, number | null> = { a: 1200, b: 300.4, c: null };
const figures: BoardFigure[] = [
  { id: 'units', label: { zh: '套数', en: 'Units' }, unit: { zh: '套', en: 'units' }, value: (id) => units[id] },
  { id: 'share', label: { zh: '覆盖率', en: 'Coverage' }, percent: true, digits: 1, value: (id) => (id === 'a' ? 0.8766 : 0.5) },
  { id: 'warn', label: { zh: '提示', en: 'Warnings' }, value: (id) => (id === 'b' ? '超出目标, "注意"' : null) },
];
const names = { id: '编号', name: '板块' };

describe('the board table', () => {
  it('has id, name and one column per figure with units in the header', () => {
    const t = boardTable(boards, figures, 'zh', names);
    expect(t.columns.map((c) => c.header)).toEqual(['编号', '板块', '套数（套）', '覆盖率（%）', '提示']);
    expect(t.columns.map((c) => c.kind)).toEqual(['text', 'text', 'number', 'number', 'text']);
    expect(t.rows[0]).toEqual(['a', '甲', 1200, 87.7, null]);
    expect(figureHeader(figures[0], 'en')).toBe('Units (units)');
  });

  it('rounds to the figure digits, shows percentages and unknowns', () => {
    expect(figureCell(figures[0], 'b')).toBe(300);
    expect(formatFigure(figures[1], 'a', 'zh')).toBe('87.7%');
    expect(formatFigure(figures[0], 'a', 'en')).toBe('1,200 units');
    expect(formatFigure(figures[0], 'c', 'zh')).toBe('—');
  });

  it('filters by category and text, sorts both ways with unknowns last', () => {
    const q = { category: 'all' as const, text: '', sortBy: 'units', sortDir: 1 as const };
    expect(tableView(boards, figures, 'zh', names, q).boardIds).toEqual(['b', 'a', 'c']);
    expect(tableView(boards, figures, 'zh', names, { ...q, sortDir: -1 }).boardIds).toEqual(['a', 'b', 'c']);
    expect(tableView(boards, figures, 'zh', names, { ...q, category: 'key-expansion' }).boardIds).toEqual(['b', 'c']);
    expect(tableView(boards, figures, 'zh', names, { ...q, text: '瓯海' }).boardIds).toEqual(['b']);
    expect(tableView(boards, figures, 'zh', names, { ...q, text: '乙街' }).boardIds).toEqual(['b']);
  });

  it('writes CSV with a BOM, a header row and quoted text', () => {
    const csv = tableToCsv(boardTable(boards, figures, 'zh', names));
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('编号,板块,套数（套）,覆盖率（%）,提示');
    expect(lines[2]).toBe('b,乙,300,50,"超出目标, ""注意"""');
    expect(lines[3]).toBe('c,丙,,50,');
  });

  it('exports boards and sites as GeoJSON with ASCII attribute keys', () => {
    const fc = boardsToGeoJson(boards, figures);
    expect(fc.features).toHaveLength(3);
    expect(fc.features[1].properties).toMatchObject({ id: 'b', name: '乙', category: 'key-expansion', district: '瓯海区', units: 300, share: 50, warn: '超出目标, "注意"' });
    const sites = sitesToGeoJson([{ id: 's1', name: '地块1', geometry: { type: 'Point', coordinates: [120, 28] }, units: 500, type: 'public-rental', year: 2023 }], '方案一');
    expect(sites.features[0].properties).toEqual({ id: 's1', name: '地块1', units: 500, housing_type: 'public-rental', year: 2023, note: null, scenario: '方案一' });
  });

  it('scales each figure of the compare chart to its largest board', () => {
    const rows = barRows(['a', 'b', 'c'], ['甲', '乙', '丙'], figures.slice(0, 1), 'zh', (f, id) => formatFigure(f, id, 'zh'));
    expect(rows.map((r) => r.share)).toEqual([1, 300 / 1200, 0]);
    expect(rows[2].text).toBe('—');
  });
});
