import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinPlan, BUILTIN_PART_FILES } from '../../../src/data/builtin-plan.ts';
import { activePlan, planPeriodLabel, planRuleSettings, planYearCount, planYears, setActivePlan } from '../../../src/data/active-plan.ts';
import { DEFAULT_RULE_SETTINGS, targetsData } from '../../../src/data/allocation-data.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { planContext } from '../../support/plan-context.ts';
import { planBoardCollection } from '../../../src/data/plan-boards.ts';
import { checkPlanPackage } from '../../../src/io/plan-package-check.ts';
import { emptyByYear } from '../../../src/analysis/allocation/totals.ts';
import { planCaption } from '../../../src/i18n/plan-caption.ts';
import type { PlanPackage } from '../../../src/domain/plan-package.ts';
import { PLAN_YEARS } from '../../../src/domain/plan-period.ts';

const readPlanFile = (name: string) => JSON.parse(readFileSync(`geodata/plan/${name}`, 'utf8')) as unknown;

afterEach(() => setActivePlan(builtinPlan));

describe('the built-in plan package (geodata/plan/)', () => {
  it('passes the package checker with no problem', () => {
    const r = checkPlanPackage(structuredClone(builtinPlan), planContext(), 'builtin');
    expect(r).toEqual({ ok: true, value: structuredClone(builtinPlan), warnings: [] });
  });

  it('is assembled from exactly the part files its header names, unchanged', () => {
    expect(BUILTIN_PART_FILES).toEqual({ targets: 'targets.json', annex1: 'annex1-renovation.json', annex2: 'annex2-resettlement.json', boards: 'boards.json', guidance: 'guidance.json', structure: 'structure.json', rules: 'allocation-rules.json' });
    expect(builtinPlan.targets).toEqual(readPlanFile('targets.json'));
    expect(builtinPlan.annexes).toEqual({ annex1: readPlanFile('annex1-renovation.json'), annex2: readPlanFile('annex2-resettlement.json') });
    expect(builtinPlan.guidance).toEqual(readPlanFile('guidance.json'));
    expect(builtinPlan.structure).toEqual(readPlanFile('structure.json'));
    expect(builtinPlan.rules).toEqual(readPlanFile('allocation-rules.json'));
    expect({ source: builtinPlan.boards.source, boards: builtinPlan.boards.list }).toEqual(readPlanFile('boards.json'));
  });

  it('is the 2021–2025 plan 温发改规划〔2021〕168号 over the 21 shipped boards', () => {
    expect([builtinPlan.id, builtinPlan.version, builtinPlan.example]).toEqual(['wenzhou-housing-2021-2025', '1.0.0', false]);
    expect(builtinPlan.period.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    // The deprecated constant for callers not yet on planYears() says the same.
    expect([...PLAN_YEARS]).toEqual(builtinPlan.period.years);
    expect(planCaption(builtinPlan, 'zh')).toBe('温州市住房发展“十四五”规划（温发改规划〔2021〕168号）');
    expect(planCaption(builtinPlan, 'en')).toBe("Wenzhou's 14th Five-Year Housing Plan (温发改规划〔2021〕168号)");
    // The shipped collection itself, so every figure over the boards is what it was before packages.
    expect(planBoardCollection(builtinPlan, defaultBoards)).toBe(defaultBoards);
    expect(builtinPlan.boards.list).toHaveLength(21);
  });
});

describe('the active plan accessor', () => {
  it('is the built-in plan by default: years, year count, label, rule settings, targets', () => {
    expect(activePlan()).toBe(builtinPlan);
    expect(planYears()).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(planYearCount()).toBe(5);
    expect(planPeriodLabel()).toBe('2021–2025');
    expect(planRuleSettings()).toEqual(DEFAULT_RULE_SETTINGS);
    expect(activePlan().targets).toBe(targetsData);
  });

  it('switches what depends on the period: years, their count, the label and empty year breakdowns', () => {
    const other: PlanPackage = { ...builtinPlan, id: 'other', period: { years: [2026, 2027, 2028] } };
    setActivePlan(other);
    expect(planYears()).toEqual([2026, 2027, 2028]);
    expect(planYearCount()).toBe(3);
    expect(planPeriodLabel()).toBe('2026–2028');
    expect(emptyByYear()).toEqual({ 2026: 0, 2027: 0, 2028: 0 });
  });
});
