/**
 * The implementation review on hand-made actuals with known sums (test/fixtures/actuals/), against
 * a hand-made scenario: states, shares, scope notes, 附件1 ticks and 附件2 rows; a golden file
 * (REGEN=1 rewrites it) holds the whole result, the expectations below must hold either way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLayer } from '../../../../src/io/import-layer.ts';
import { actualsReader } from '../../../../src/io/readers/actuals-reader.ts';
import { reviewActuals, reviewPlanInput, type ReviewInput } from '../../../../src/analysis/actuals/review.ts';
import { builtinPlan } from '../../../../src/data/builtin-plan.ts';
import { setActivePlan } from '../../../../src/data/active-plan.ts';
import { parsePlanPackage } from '../../../../src/io/plan-package-check.ts';
import { planContext } from '../../../support/plan-context.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import type { ActualRecord } from '../../../../src/domain/actuals.ts';
import type { AllocationInput } from '../../../../src/domain/allocation.ts';
import { expectGolden } from '../../../support/golden.ts';
import { assignSiteBoards } from '../../../../src/analysis/allocation/assign-sites.ts';

async function records(name: string): Promise<ActualRecord[]> {
  const r = await importLayer(new Uint8Array(readFileSync(`test/fixtures/actuals/${name}`)), name, { allowTable: true });
  if (!r.ok) throw new Error(name);
  const read = actualsReader.read({ file: name, features: r.value.features, origins: r.origins });
  if (!read.ok) throw new Error(name);
  return read.value;
}

const scenario: AllocationInput = {
  allocations: [
    { boardId: 'qidu', year: 2021, type: 'commercial', units: 1000 },
    { boardId: 'qidu', year: 2022, type: 'affordable-rental', units: 300 },
    { boardId: 'yangshuang', year: 2025, type: 'resettlement', units: 400 },
  ],
  sites: [],
};

const input = (recs: ActualRecord[], sc: AllocationInput | null = scenario): ReviewInput => ({
  records: recs,
  boards: defaultBoards,
  scenario: sc,
  ...reviewPlanInput(builtinPlan),
  settings: DEFAULT_RULE_SETTINGS,
  assignSites: assignSiteBoards,
});

describe('reviewActuals', () => {
  it('the sample table: known sums, states and citations per target', async () => {
    const review = reviewActuals(input(await records('actuals-sample.csv')));
    const t = (id: string) => review.targets.find((x) => x.id === id)!;
    // 1200 (七都) + 10000 (瑞安市) commercial = 1.12 万套 of a 29.75–36.75 range.
    expect(t('new-commercial-supply')).toMatchObject({ unit: '万套', planMin: 29.75, planMax: 36.75, actual: 1.12, scenario: 0.1, state: 'short', cite: { chapter: 2, section: 3, table: '主要指标表' } });
    expect(t('new-commercial-supply').achievedShare).toBeCloseTo(1.12 / 29.75, 10);
    // 300 保租房 + 500 公租房 against ≥ 2.3 万套.
    expect(t('rental-housing-raised')).toMatchObject({ planMin: 2.3, planMax: null, actual: 0.08, scenario: 0.03, state: 'short' });
    expect(t('shantytown-resettlement')).toMatchObject({ planMin: 7.5, actual: 0.6, scenario: 0.04, state: 'short' });
    // Renovation: 52 + 12 + 2 = 66 of 520; 拆改结合 in 市区: 12 (鹿城) + 2 (龙湾) = 14 of 56.
    expect(t('old-community-renovation-count')).toMatchObject({ unit: '个', planMin: 520, actual: 66, scenario: null, state: 'short', counts: ['comprehensive', 'demolish-rebuild'] });
    expect(t('urban-demolish-rebuild-count')).toMatchObject({ planMin: 56, actual: 14, state: 'short', counts: ['demolish-rebuild'], scopeNote: null });
    // City-wide targets with data naming four counties: the missing eight are said.
    expect(t('new-commercial-supply').scopeNote).toEqual({ kind: 'counties-missing', missing: ['洞头区', '永嘉县', '平阳县', '苍南县', '文成县', '泰顺县', '乐清市', '龙港市'] });
    // Targets nothing in the data can measure are not listed.
    expect(review.targets.some((x) => x.id === 'coverage' || x.id === 'floor-area-per-person')).toBe(false);
  });

  it('附件1 cells are ticked when the actual reaches the schedule; 附件2 rows by unit', async () => {
    const review = reviewActuals(input(await records('actuals-sample.csv')));
    const lucheng = review.annex1.find((r) => r.county === '鹿城区' && r.type === 'comprehensive')!;
    expect(lucheng.cells[0]).toEqual({ year: 2021, plan: 52, actual: 52, done: true });
    expect(lucheng.cells[1]).toEqual({ year: 2022, plan: 36, actual: 0, done: false });
    const rebuild = review.annex1.find((r) => r.county === '鹿城区' && r.type === 'demolish-rebuild')!;
    expect(rebuild.cells[1]).toEqual({ year: 2022, plan: 15, actual: 12, done: false });
    const row = (id: string) => review.targets.find((x) => x.id === id)!;
    expect(row('annex1/鹿城区/comprehensive')).toMatchObject({ kind: 'annex1-row', planMin: 265, actual: 52, state: 'short', cite: { annex: 1, row: '鹿城区' } });
    // 瓯海区 5000 (a county row); 鹿城区 1000 from 仰双, a board in 鹿城区; the scenario's 400 there too.
    expect(row('annex2/瓯海区')).toMatchObject({ kind: 'annex2-row', unit: '套', planMin: 31_979, actual: 5000, scenario: 0, state: 'short' });
    expect(row('annex2/鹿城区')).toMatchObject({ actual: 1000, scenario: 400 });
    expect(row('annex2/经开区')).toMatchObject({ planMin: 0, actual: 0, state: 'achieved', achievedShare: null, scopeNote: { kind: 'counties-missing', missing: ['经开区'] } });
  });

  it('per board × year × type: actual against the scenario', async () => {
    const review = reviewActuals(input(await records('actuals-sample.csv')));
    expect(review.cells.filter((c) => c.board === 'qidu')).toEqual([
      { board: 'qidu', year: 2021, type: 'commercial', actual: 1200, scenario: 1000 },
      { board: 'qidu', year: 2022, type: 'affordable-rental', actual: 300, scenario: 300 },
    ]);
    const qidu = review.boards.find((b) => b.boardId === 'qidu')!;
    expect(qidu).toMatchObject({ actual: 1500, scenario: 1300, difference: 200 });
    expect(review.boards).toHaveLength(21);
    // 10000 (瑞安市) + 5000 (瓯海区): housing in no board.
    expect(review.outsideBoardsUnits).toBe(15_000);
    expect(review.actualUnits).toBe(18_000);
    expect(review.renovationCommunities).toBe(66);
  });

  it('board-only data: every city-wide target says it is central-city data; a range can be met', () => {
    const recs: ActualRecord[] = [
      { boardId: 'qidu', county: null, year: 2021, type: 'commercial', units: 150_000, row: 2 },
      { boardId: 'jiucheng', county: null, year: 2022, type: 'talent-sale', units: 150_000, row: 3 },
      { boardId: 'jiucheng', county: null, year: 2023, type: 'public-rental', units: 40_000, row: 4 },
    ];
    const review = reviewActuals(input(recs, null));
    const t = (id: string) => review.targets.find((x) => x.id === id)!;
    expect(review.coverage).toEqual({ kind: 'central-city' });
    expect(t('new-commercial-supply')).toMatchObject({ actual: 30, state: 'within-range', scenario: null, scopeNote: { kind: 'central-city-only' } });
    expect(t('rental-housing-raised')).toMatchObject({ actual: 4, state: 'achieved' });
    // 约 0.68 万套 a year × 5 = 3.4 ± 10 %: 4 is over.
    expect(t('affordable-housing-annual')).toMatchObject({ planMin: 3.06, planMax: 3.74, actual: 4, state: 'over', illustrative: true });
    expect(review.targets.filter((x) => x.kind === 'target').every((x) => x.scopeNote?.kind === 'central-city-only')).toBe(true);
  });

  it('located projects are assigned to boards by location, as sites are', () => {
    const qidu = defaultBoards.features.find((f) => f.properties.id === 'qidu')!;
    const ring = (qidu.geometry.type === 'Polygon' ? qidu.geometry.coordinates : qidu.geometry.coordinates[0])[0];
    // The mean of the ring's vertices lies inside this board (checked by the assignment itself below).
    const c = ring.reduce((a, p) => [a[0] + p[0] / ring.length, a[1] + p[1] / ring.length], [0, 0]);
    const recs: ActualRecord[] = [{ boardId: null, county: null, geometry: { type: 'Point', coordinates: c }, year: 2022, type: 'commercial', units: 900, featureIndex: 0 }];
    const review = reviewActuals(input(recs, null));
    expect(review.boards.find((b) => b.boardId === 'qidu')!.actual).toBe(900);
    expect(review.outsideBoardsUnits).toBe(0);
  });

  it('golden: the whole review of the sample table', async () => {
    expectGolden(reviewActuals(input(await records('actuals-sample.csv'))), new URL('../../../fixtures/actuals/review-sample.golden.json', import.meta.url));
  });

  it('reviews against the plan package given, not the built-in plan: its years, its targets, no annex it lacks', () => {
    const parsed = parsePlanPackage(readFileSync('geodata/plan-examples/example-2026-2030.plan.json', 'utf8'), planContext());
    if (!parsed.ok) throw new Error('example package does not parse');
    const recs: ActualRecord[] = [
      { boardId: 'qidu', county: null, year: 2027, type: 'commercial', units: 30_000 },
      { boardId: null, county: '瑞安市', year: 2030, type: 'affordable-rental', units: 5_000 },
    ];
    setActivePlan(parsed.value);
    let review;
    try {
      review = reviewActuals({ ...input(recs, null), ...reviewPlanInput(parsed.value) });
    } finally {
      setActivePlan(builtinPlan);
    }
    // The example's 20–25 万套 commercial target, not the built-in 29.75–36.75.
    expect(review.targets.find((t) => t.id === 'new-commercial-supply')).toMatchObject({ planMin: 20, planMax: 25, actual: 3, state: 'short' });
    expect(review.targets.find((t) => t.id === 'rental-housing-raised')).toMatchObject({ planMin: 3, actual: 0.5 });
    // No 附件1/附件2 in the package: no renovation targets, no annex rows, no schedule.
    expect(review.targets.filter((t) => t.kind !== 'target' || t.unit === '个')).toEqual([]);
    expect(review.annex1).toEqual([]);
    // Board years are the package's period.
    expect(Object.keys(review.boards.find((b) => b.boardId === 'qidu')!.byYear)).toEqual(['2026', '2027', '2028', '2029', '2030']);
    expect(review.cells).toEqual([{ board: 'qidu', year: 2027, type: 'commercial', actual: 30_000, scenario: 0 }]);
  });
});
