import { describe, expect, it } from 'vitest';
import { gaugeState, targetGauges } from '../../../../src/analysis/allocation/gauges.ts';
import { allocationTotals } from '../../../../src/analysis/allocation/totals.ts';
import { targetsData, DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import { testBoards, testScenario } from '../../../support/allocation-fixtures.ts';
import type { AllocationCell } from '../../../../src/domain/allocation.ts';

const boards = testBoards();
const gaugesFor = (allocations: AllocationCell[], settings = DEFAULT_RULE_SETTINGS) =>
  targetGauges(allocationTotals(testScenario({ allocations }), boards, {}), targetsData.targets, settings);

describe('gaugeState', () => {
  it('treats both bounds as within', () => {
    expect(gaugeState(9, { minUnits: 10, maxUnits: 20 })).toBe('below');
    expect(gaugeState(10, { minUnits: 10, maxUnits: 20 })).toBe('within');
    expect(gaugeState(20, { minUnits: 10, maxUnits: 20 })).toBe('within');
    expect(gaugeState(21, { minUnits: 10, maxUnits: 20 })).toBe('above');
    expect(gaugeState(1e9, { minUnits: 10, maxUnits: null })).toBe('within');
  });
});

describe('targetGauges', () => {
  it('gauges the four housing-unit targets only, each city-wide with the allocation coverage said', () => {
    const g = gaugesFor([]);
    expect(g.map((x) => x.targetId)).toEqual(['new-commercial-supply', 'rental-housing-raised', 'shantytown-resettlement', 'affordable-housing-annual']);
    for (const x of g) {
      expect(x.scope).toBe('city-wide');
      expect(x.allocationCoverage).toBe('central-city-boards-and-sites');
    }
  });

  it('new commercial supply: stated bands 297,500–367,500 over the period and 59,500–73,500 a year', () => {
    const cells: AllocationCell[] = [
      { boardId: 'k1', year: 2021, type: 'commercial', units: 59_499 },
      { boardId: 'k1', year: 2022, type: 'commercial', units: 59_500 },
      { boardId: 'k1', year: 2023, type: 'talent-sale', units: 73_500 },
      { boardId: 'k1', year: 2024, type: 'renovation-rebuild', units: 73_501 },
      { boardId: 'k1', year: 2025, type: 'public-rental', units: 99_999 },
    ];
    const g = gaugesFor(cells).find((x) => x.targetId === 'new-commercial-supply')!;
    expect(g.period.band).toMatchObject({ minUnits: 297_500, maxUnits: 367_500, derivation: 'stated', illustrative: false });
    expect(g.period.actualUnits).toBe(59_499 + 59_500 + 73_500 + 73_501);
    expect(g.period.state).toBe('below');
    expect(g.perYear[2021].band).toMatchObject({ minUnits: 59_500, maxUnits: 73_500, derivation: 'stated' });
    expect([2021, 2022, 2023, 2024, 2025].map((y) => g.perYear[y as 2021].state)).toEqual(['below', 'within', 'within', 'above', 'below']);
  });

  it('rental housing raised: five-year minimum 23,000, per-year 4,600 pro rata and marked illustrative', () => {
    const g = gaugesFor([{ boardId: 's1', year: 2021, type: 'talent-rental', units: 23_000 }]).find((x) => x.targetId === 'rental-housing-raised')!;
    expect(g.period).toMatchObject({ actualUnits: 23_000, state: 'within', band: { minUnits: 23_000, maxUnits: null, derivation: 'stated', illustrative: false } });
    expect(g.perYear[2021].band).toMatchObject({ minUnits: 4_600, maxUnits: null, derivation: 'pro-rata', illustrative: true });
    expect(g.perYear[2022].state).toBe('below');
  });

  it('约0.68 万套 a year: ± tolerance band, five-year band derived ×5, both illustrative', () => {
    const g = gaugesFor([{ boardId: 's1', year: 2021, type: 'shared-ownership', units: 7_480 }]).find((x) => x.targetId === 'affordable-housing-annual')!;
    expect(g.perYear[2021].band).toMatchObject({ minUnits: 6_120, maxUnits: 7_480, derivation: 'stated', illustrative: true });
    expect(g.perYear[2021].state).toBe('within');
    expect(g.period.band).toMatchObject({ minUnits: 30_600, maxUnits: 37_400, derivation: 'annual-x5' });
    const wider = gaugesFor([{ boardId: 's1', year: 2021, type: 'shared-ownership', units: 7_481 }], { ...DEFAULT_RULE_SETTINGS, approxTargetTolerancePct: 0 });
    expect(wider.find((x) => x.targetId === 'affordable-housing-annual')!.perYear[2021]).toMatchObject({ state: 'above', band: { minUnits: 6_800, maxUnits: 6_800 } });
  });
});
