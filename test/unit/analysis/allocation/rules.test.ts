import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { ruleWarnings } from '../../../../src/analysis/allocation/rules.ts';
import { allocationTotals } from '../../../../src/analysis/allocation/totals.ts';
import { rulesData, DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import type { RuleSettings } from '../../../../src/domain/rule-settings.ts';
import type { AllocationCell } from '../../../../src/domain/allocation.ts';
import { square, testBoards, testScenario } from '../../../support/allocation-fixtures.ts';
import { labelPoint } from '../../../../src/geo/measure.ts';
import { distanceToArealKm } from '../../../../src/geo/point-polygon.ts';

const boards = testBoards();
const run = (allocations: AllocationCell[], settings: Partial<RuleSettings> = {}, employment?: FeatureCollection<Polygon>) =>
  ruleWarnings(allocationTotals(testScenario({ allocations }), boards, {}), boards, rulesData.rules, { ...DEFAULT_RULE_SETTINGS, ...settings }, employment);
const cell = (boardId: string, type: AllocationCell['type'], units: number, year: AllocationCell['year'] = 2021): AllocationCell => ({ boardId, year, type, units });

describe('stock-upgrade boards: 控制新建商品住房供应', () => {
  const rest = [cell('k1', 'commercial', 10_000), cell('k1', 'resettlement', 100_000)];
  const high = { stockUpgradeMaxCommercialSharePct: 100 };

  it('does not warn at exactly the unit threshold, warns one unit above, naming board, number, threshold and sentence', () => {
    expect(run([cell('s1', 'commercial', 3000), ...rest], high).warnings.filter((w) => w.ruleId === 'stock-upgrade-commercial')).toEqual([]);
    const w = run([cell('s1', 'commercial', 3001), ...rest], high).warnings.filter((x) => x.ruleId === 'stock-upgrade-commercial');
    expect(w).toEqual([
      { ruleId: 'stock-upgrade-commercial', boardId: 's1', measure: 'commercialUnits', value: 3001, thresholdKey: 'stockUpgradeMaxCommercialUnits', threshold: 3000, direction: 'above', cite: { chapter: 10, section: 3, item: 1 }, quote: rulesData.rules[0].quote },
    ]);
    expect(w[0].quote).toContain('控制新建商品住房供应');
  });

  it('share: 20 % of commercial units at a 20 % threshold does not warn; 21 % does', () => {
    const big = { stockUpgradeMaxCommercialUnits: 1e9, stockUpgradeMaxCommercialSharePct: 20 };
    expect(run([cell('s1', 'commercial', 200), cell('k1', 'commercial', 800)], big).warnings.filter((w) => w.ruleId === 'stock-upgrade-commercial')).toEqual([]);
    const w = run([cell('s1', 'commercial', 210), cell('k1', 'commercial', 790)], big).warnings.filter((x) => x.ruleId === 'stock-upgrade-commercial');
    expect(w).toMatchObject([{ boardId: 's1', measure: 'commercialSharePct', value: 21, threshold: 20 }]);
  });

  it('ignores other housing types in stock-upgrade boards', () => {
    expect(run([cell('s2', 'public-rental', 50_000), cell('k1', 'commercial', 1)]).warnings.filter((w) => w.ruleId === 'stock-upgrade-commercial')).toEqual([]);
  });
});

describe('key-expansion boards: 重点安排新增住房供应', () => {
  it('warns below the share, not at it', () => {
    expect(run([cell('k1', 'commercial', 50), cell('m1', 'commercial', 950)]).warnings.filter((w) => w.ruleId === 'key-expansion-supply')).toEqual([]);
    expect(run([cell('k1', 'commercial', 49), cell('m1', 'commercial', 951)]).warnings.filter((w) => w.ruleId === 'key-expansion-supply')).toMatchObject([
      { boardId: 'k1', measure: 'newSupplySharePct', value: 4.9, threshold: 5, direction: 'below', cite: { chapter: 10, section: 3, item: 2 } },
    ]);
  });

  it('is skipped, not passed, when nothing is allocated', () => {
    expect(run([]).skipped).toContainEqual({ ruleId: 'key-expansion-supply', reason: 'no-allocated-units' });
  });
});

describe('rental and talent housing near employment areas', () => {
  // Employment area: a square east of m1; distance from m1's label point (120.35, 28) to it.
  const area = square(120.5, 28, 0.02);
  const employment: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: area }] };
  const km = distanceToArealKm(labelPoint(boards.features[3].geometry), area);

  it('warns when the board is farther than the threshold, not at it', () => {
    expect(km).toBeGreaterThan(10);
    expect(run([cell('m1', 'affordable-rental', 10)], { rentalMaxDistanceToEmploymentKm: km }, employment).warnings.filter((w) => w.ruleId === 'rental-near-employment')).toEqual([]);
    expect(run([cell('m1', 'talent-sale', 10)], { rentalMaxDistanceToEmploymentKm: km - 0.001 }, employment).warnings.filter((w) => w.ruleId === 'rental-near-employment')).toMatchObject([
      { boardId: 'm1', measure: 'distanceToEmploymentKm', value: km, cite: { chapter: 10, section: 2, item: 1 } },
    ]);
  });

  it('does not warn for boards with no rental/talent units, nor for a board inside an employment area', () => {
    expect(run([cell('m1', 'commercial', 10)], { rentalMaxDistanceToEmploymentKm: 0 }, employment).warnings.filter((w) => w.ruleId === 'rental-near-employment')).toEqual([]);
    const covering: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square(120.35, 28, 0.2) }] };
    expect(run([cell('m1', 'talent-rental', 10)], { rentalMaxDistanceToEmploymentKm: 0 }, covering).warnings.filter((w) => w.ruleId === 'rental-near-employment')).toEqual([]);
  });

  it('is reported as skipped without employment areas', () => {
    expect(run([cell('m1', 'talent-rental', 10)]).skipped).toContainEqual({ ruleId: 'rental-near-employment', reason: 'no-employment-areas' });
  });
});
