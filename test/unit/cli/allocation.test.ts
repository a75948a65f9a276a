import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';

const FIX = 'test/fixtures/allocation/';
const anju = runCli;

describe('anju targets and check', () => {
  it('check names a wrong --employment file instead of failing inside (points: exit 1; not JSON: exit 2)', async () => {
    const points = await anju('check', FIX + 'valid.anju.json', '--employment', 'test/fixtures/import/facilities.geojson', '--crs', 'wgs84');
    expect(points.code).toBe(1);
    expect(points.err).toContain('facilities.geojson feature #1: geometry type is Point, expected Polygon/MultiPolygon');
    const garbage = await anju('check', FIX + 'valid.anju.json', '--employment', FIX + 'corrupt.anju.json');
    expect(garbage.code).toBe(2);
    expect(garbage.err).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it('targets --json prints every target with its citation and quote', async () => {
    const r = await anju('targets', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.targets).toHaveLength(14);
    expect(j.targets[0]).toMatchObject({ id: 'new-commercial-supply', period: { min: 29.75, max: 36.75, citation: '规划第二章第三节 主要指标表（新建商品住房供应套数）' }, annual: { min: 5.95, max: 7.35 } });
    expect(j.annexes.annex2.totalUnits).toBe(75448);
  });

  it('check --json on a valid file: exit 0, totals, gauges and cited warnings', async () => {
    const r = await anju('check', FIX + 'valid.anju.json', '--json', '--employment', FIX + 'employment-areas.geojson', '--crs', 'wgs84');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.valid).toBe(true);
    const base = j.scenarios[0];
    expect(base.totals).toMatchObject({ units: 58100, gridUnits: 54300, siteUnits: 3800, outsideBoards: { units: 2000 } });
    expect(base.siteBoards).toEqual({ 'site-1': 'xincheng', 'site-2': 'etdz', 'site-3': null });
    expect(base.gauges.find((g: { targetId: string }) => g.targetId === 'new-commercial-supply')).toMatchObject({ scope: 'city-wide', period: { actualUnits: 48000, state: 'below' } });
    expect(base.warnings.map((w: { ruleId: string; boardId: string }) => `${w.ruleId}:${w.boardId}`)).toEqual([
      'stock-upgrade-commercial:jiucheng',
      'stock-upgrade-commercial:jiucheng',
      'key-expansion-supply:quxi-guoxi',
      'key-expansion-supply:zhenan-tech-city',
      'key-expansion-supply:oujiangkou',
      'key-expansion-supply:oubei-sanjiang',
      'rental-near-employment:dongtou-island',
    ]);
    expect(base.notMeasured).toContain('coverage');
  });

  it('check on invalid files: exit 1 with the field and what is wrong; unreadable: exit 2', async () => {
    const inv = await anju('check', FIX + 'invalid-types.anju.json');
    expect(inv.code).toBe(1);
    expect(inv.err).toContain('field scenarios[0].allocations[0].units: invalid value: expected >=0, got -5');
    expect(inv.out).toBe('');
    const newer = await anju('check', FIX + 'newer-version.anju.json');
    expect(newer.code).toBe(1);
    expect(newer.err).toContain('field schemaVersion: the file has schemaVersion 3');
    expect((await anju('check', FIX + 'corrupt.anju.json')).err).toContain('not valid JSON');
    expect((await anju('check', FIX + 'wrong-app.anju.json')).code).toBe(1);
    expect((await anju('check', FIX + 'unknown-board.anju.json')).err).toContain('"atlantis" is not a known board');
    const missing = await anju('check', FIX + 'missing.anju.json');
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
