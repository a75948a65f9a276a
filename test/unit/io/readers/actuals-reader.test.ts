/**
 * The actuals reader on hand-made tables (test/fixtures/actuals/): known sums, Chinese and English
 * names, 万套, XLSX, located projects, and hostile rows named by row and field — nothing half-imported.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLayer } from '../../../../src/io/import-layer.ts';
import { actualsReader } from '../../../../src/io/readers/actuals-reader.ts';
import { formatProblem } from '../../../../src/i18n/problems.ts';
import type { ActualRecord } from '../../../../src/domain/actuals.ts';

async function read(name: string, lenient = false, bytes?: Uint8Array) {
  const data = bytes ?? new Uint8Array(readFileSync(`test/fixtures/actuals/${name}`));
  const r = await importLayer(data, name, { allowTable: true, lenient });
  if (!r.ok) return { ok: false as const, problems: r.problems };
  return actualsReader.read({ file: name, features: r.value.features, origins: r.origins }, { lenient });
}
const sum = (rs: readonly ActualRecord[], f: (r: ActualRecord) => boolean = () => true) => rs.filter(f).reduce((s, r) => s + r.units, 0);

describe('actuals reader', () => {
  it('reads a Chinese table: boards, counties, short type names, renovation in 个', async () => {
    const r = await read('actuals-sample.csv');
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p, 'en')).join('\n'));
    const rs = r.value;
    expect(rs).toHaveLength(9);
    expect(rs[0]).toMatchObject({ boardId: 'qidu', county: null, year: 2021, type: 'commercial', units: 1200, row: 2 });
    expect(rs[1]).toMatchObject({ boardId: 'qidu', type: 'affordable-rental', units: 300 });
    expect(rs[6]).toMatchObject({ boardId: null, county: '龙湾区', type: 'demolish-rebuild', units: 2 });
    expect(sum(rs, (x) => x.type === 'commercial')).toBe(11_200);
    expect(sum(rs, (x) => x.type === 'resettlement')).toBe(6_000);
    expect(sum(rs, (x) => x.type === 'comprehensive' || x.type === 'demolish-rebuild')).toBe(66);
    // Board rows and county-only rows together: said, not silently summed.
    expect(r.warnings.map((p) => p.code)).toEqual(['actuals-mixed-levels']);
    expect(formatProblem(r.warnings[0], 'zh')).toContain('4 行按板块、5 行只按县');
  });

  it('reads English ids and column names', async () => {
    const r = await read('actuals-boards.csv');
    expect(r.ok && r.value.map((x) => [x.boardId, x.year, x.type, x.units])).toEqual([
      ['qidu', 2021, 'commercial', 4000],
      ['qidu', 2022, 'commercial', 2500],
      ['jiucheng', 2023, 'affordable-rental', 800],
      ['longwan-centre', 2024, 'talent-sale', 1500],
    ]);
  });

  it('reads an XLSX sheet, with 万套 where the unit column says so', async () => {
    const r = await read('actuals-sample.xlsx');
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p, 'en')).join('\n'));
    expect(r.value.map((x) => [x.boardId, x.county, x.year, x.type, x.units, x.row])).toEqual([
      ['qidu', null, 2021, 'commercial', 1200, 2],
      ['qidu', null, 2022, 'affordable-rental', 300, 3],
      [null, '瑞安市', 2023, 'commercial', 10_000, 4],
      [null, '鹿城区', 2021, 'comprehensive', 52, 5],
    ]);
  });

  it('takes a 万套 column', async () => {
    const csv = '板块,年份,类型,供应套数（万套）\n七都,2021,商品住房,1.25\n旧城,2022,公租房,0.0301\n';
    const r = await read('wan.csv', false, new TextEncoder().encode(csv));
    expect(r.ok && r.value.map((x) => x.units)).toEqual([12_500, 301]);
  });

  it('names every hostile row by row and field, and imports nothing', async () => {
    const r = await read('actuals-hostile.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map((p) => formatProblem(p, 'en'));
    expect(lines).toEqual([
      'actuals-hostile.csv row 2 field 板块: "不存在板块" is not one of the 21 boards',
      'actuals-hostile.csv row 3 field 年份: year "2019" is not in the plan period 2021–2025',
      expect.stringMatching(/^actuals-hostile\.csv row 4 field 类型: "别墅" is not a known housing type \(新建普通商品住房、/),
      'actuals-hostile.csv row 5 field 套数: units must be a whole number ≥ 0 (万套 may have decimals), not "-5"',
      'actuals-hostile.csv row 6 field 板块: "合计" is a totals row; remove it and keep the detail rows (it would be counted twice)',
      'actuals-hostile.csv row 7 field 套数: no units figure',
      expect.stringMatching(/^actuals-hostile\.csv row 8: no board, no county and no location; fill in /),
      'actuals-hostile.csv row 9 field 套数: units must be a whole number ≥ 0 (万套 may have decimals), not "12.5"',
      `actuals-hostile.csv row 10 field 板块: "=cmd|' /C calc'!A0" is not one of the 21 boards`,
    ]);
    expect(formatProblem(r.problems[1], 'zh')).toBe('actuals-hostile.csv 第 3 行 字段 年份: 年份“2019”不在规划期 2021–2025 内');
  });

  it('lenient: keeps the good row and lists the rest as warnings', async () => {
    const r = await read('actuals-hostile.csv', true);
    expect(r.ok && r.value.map((x) => [x.boardId, x.year, x.type, x.units])).toEqual([['qidu', 2023, 'affordable-rental', 700]]);
    expect(r.ok && r.warnings[0].code).toBe('features-skipped');
  });

  it('assigns located projects later, by location: a GeoJSON point keeps its geometry, no board', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '滨江一号', year: 2022, type: '商品住房', units: 800 }, geometry: { type: 'Point', coordinates: [120.70, 28.02] } },
        { type: 'Feature', properties: { year: 2024, type: '公租房', units: 200 }, geometry: { type: 'LineString', coordinates: [[120.7, 28], [120.71, 28.01]] } },
      ],
    };
    const r = await read('p.geojson', false, new TextEncoder().encode(JSON.stringify(fc)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => formatProblem(p, 'en'))).toEqual(['p.geojson feature #2: geometry type is LineString, expected Point/Polygon']);
    fc.features.pop();
    const ok = await read('p.geojson', false, new TextEncoder().encode(JSON.stringify(fc)));
    expect(ok.ok && ok.value[0]).toMatchObject({ boardId: null, name: '滨江一号', units: 800, geometry: { type: 'Point' }, featureIndex: 0 });
  });

  it('refuses 套 for renovation and 个 for housing', async () => {
    const csv = '县区,年份,类型,数量,单位\n鹿城区,2021,综合整治,3,套\n鹿城区,2021,商品住房,3,个\n';
    const r = await read('u.csv', false, new TextEncoder().encode(csv));
    expect(!r.ok && r.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      'u.csv row 2 field 单位: old-community renovation is counted in communities (个), not "套"',
      'u.csv row 3 field 单位: unit "个" is not recognised (套, 万套; 个 for old-community renovation)',
    ]);
  });

  it('without allowTable, a table without coordinates is refused as before', async () => {
    const r = await importLayer(new TextEncoder().encode('板块,年份,类型,套数\n七都,2021,商品住房,1\n'), 't.csv');
    expect(!r.ok && r.problems[0].code).toBe('csv-no-coordinates');
  });
});
