import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as anju } from '../../support/run-cli.ts';

const A = 'test/fixtures/actuals/';
const P = 'test/fixtures/allocation/valid.anju.json';

describe('anju evaluate', () => {
  it('--json: per target plan, actual, scenario and state; per board × year × type', async () => {
    const r = await anju('evaluate', '--actuals', A + 'actuals-sample.csv', '--project', P, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.scenario).toEqual({ id: 'baseline', name: '基准方案' });
    const t = j.targets.find((x: { id: string }) => x.id === 'new-commercial-supply');
    expect(t).toMatchObject({ id: 'new-commercial-supply', name: '新建商品住房供应套数', unit: '万套', planMin: 29.75, planMax: 36.75, actual: 1.12, state: 'short', citation: '规划第二章第三节 主要指标表（新建商品住房供应套数）' });
    expect(t.scenario).toBeGreaterThanOrEqual(4.4); // 4,000 + 20,000 + 20,000 in the grid, plus the sites
    expect(t.scopeNote).toMatch(/^a city-wide target; the data names no rows for 洞头区, 永嘉县/);
    expect(j.targets.find((x: { id: string }) => x.id === 'old-community-renovation-count')).toMatchObject({ unit: '个', planMin: 520, planMax: null, actual: 66, scenario: null, state: 'short' });
    expect(j.targets.find((x: { id: string }) => x.id === 'annex2/瓯海区')).toMatchObject({ unit: '套', planMin: 31979, actual: 5000, state: 'short' });
    expect(j.byBoardYearType).toContainEqual({ board: 'qidu', year: 2021, type: 'commercial', actual: 1200, scenario: 20000 });
    expect(j.byBoardYearType).toContainEqual({ board: 'jiucheng', year: 2021, type: 'public-rental', actual: 500, scenario: 0 });
  });

  it('reads XLSX, and without --project the scenario is null', async () => {
    const r = await anju('evaluate', '--actuals', A + 'actuals-sample.xlsx', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // 1,200 + 10,000 (1 万套) commercial.
    expect(j.targets[0]).toMatchObject({ id: 'new-commercial-supply', actual: 1.12, scenario: null });
    expect(j.byBoardYearType).toEqual([
      { board: 'qidu', year: 2021, type: 'commercial', actual: 1200, scenario: 0 },
      { board: 'qidu', year: 2022, type: 'affordable-rental', actual: 300, scenario: 0 },
    ]);
    expect(r.err).toContain('no --project');
  });

  it('board-only data says the city-wide targets are compared with central-city data', async () => {
    const r = await anju('evaluate', '--actuals', A + 'actuals-boards.csv', '--json');
    const j = JSON.parse(r.out);
    expect(j.coverage).toEqual({ kind: 'central-city' });
    expect(j.targets[0].scopeNote).toBe('a city-wide target; the data covers the central-city boards only');
    expect(r.err).toContain('covers the central city only');
  });

  it('a human table without --json', async () => {
    const r = await anju('evaluate', '--actuals', A + 'actuals-sample.csv', '--project', P);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/new-commercial-supply"?\s+29\.75–36\.75 万套\s+1\.12\s+[\d.]+\s+short/);
    expect(r.out).toMatch(/qidu"?\s+1,500\s+40,000\s+-38,500/);
  });

  it('exit 1 naming the row and field of bad input; nothing evaluated', async () => {
    const r = await anju('evaluate', '--actuals', A + 'actuals-hostile.csv', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('actuals-hostile.csv row 2 field 板块: "不存在板块" is not one of the 21 boards');
    expect(r.err).toContain('actuals-hostile.csv row 3 field 年份: year "2019" is not in the plan period 2021–2025');
    expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it('exit 2: no --actuals, a missing file, a damaged workbook; --help lists it', async () => {
    expect((await anju('evaluate')).code).toBe(2);
    expect((await anju('evaluate', '--actuals', A + 'nope.csv')).code).toBe(2);
    const damaged = join(mkdtempSync(join(tmpdir(), 'anju-eval-')), 'damaged.xlsx');
    writeFileSync(damaged, 'PK\u0003\u0004 not really a workbook');
    const bad = await anju('evaluate', '--actuals', damaged);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/damaged\.xlsx: cannot read the Excel workbook \(\.xlsx\)/);
    const help = await anju('--help');
    expect(help.out).toMatch(/anju evaluate --actuals .*\n\s+Implementation review/);
    const own = await anju('evaluate', '--help');
    expect(own.code).toBe(0);
    expect(own.out).toContain('byBoardYearType');
  });
});
