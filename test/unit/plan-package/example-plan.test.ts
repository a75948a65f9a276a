import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePlanPackage } from '../../../src/io/plan-package-check.ts';
import { builtinPlan } from '../../../src/data/builtin-plan.ts';
import { setActivePlan, planYears } from '../../../src/data/active-plan.ts';
import { defaultBoards, counties } from '../../../src/data/embedded.ts';
import { planBoardCollection } from '../../../src/data/plan-boards.ts';
import { planCaption } from '../../../src/i18n/plan-caption.ts';
import { planContext } from '../../support/plan-context.ts';
import type { PlanPackage } from '../../../src/domain/plan-package.ts';

export const EXAMPLE_PLAN_FILE = 'geodata/plan-examples/example-2026-2030.plan.json';
const examplePlan = (): PlanPackage => {
  const r = parsePlanPackage(readFileSync(EXAMPLE_PLAN_FILE, 'utf8'), planContext(), 'example');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

afterEach(() => setActivePlan(builtinPlan));

describe('the example plan package (geodata/plan-examples/)', () => {
  it('passes the checker, with the warning that it is an example and no official plan', () => {
    const r = parsePlanPackage(readFileSync(EXAMPLE_PLAN_FILE, 'utf8'), planContext(), 'example-2026-2030.plan.json');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['plan-is-example']);
  });

  it('covers 2026–2030 with 9 boards of its own outlines, and says it is an example wherever it is named', () => {
    const p = examplePlan();
    expect(p.example).toBe(true);
    expect(p.period.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    const boards = planBoardCollection(p, defaultBoards);
    expect(boards.features).toHaveLength(9);
    expect(boards.features.find((f) => f.properties.id === 'oujiangkou')?.properties.category).toBe('stock-upgrade');
    expect(planCaption(p, 'zh')).toContain('示例');
    expect(planCaption(p, 'en')).toContain('not an official plan');
    for (const t of p.targets.targets) expect(t.note).toContain('示例');
    setActivePlan(p);
    expect(planYears()).toEqual([2026, 2027, 2028, 2029, 2030]);
  });

  it('uses Wenzhou’s counties for its structure, so its outlines derive like the built-in ones', () => {
    const names = new Set(counties.features.map((f) => f.properties.name));
    for (const part of examplePlan().structure.parts) for (const c of part.counties) expect(names.has(c)).toBe(true);
  });
});
