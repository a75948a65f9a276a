import { describe, expect, it } from 'vitest';
import { builtinPlan } from '../../../src/data/builtin-plan.ts';
import { checkPlanPackage, parsePlanPackage } from '../../../src/io/plan-package-check.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { planContext } from '../../support/plan-context.ts';

type Json = Record<string, unknown> & { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The built-in package with one edit applied. */
function broken(edit: (p: Json) => void): unknown {
  const p = structuredClone(builtinPlan) as unknown as Json;
  edit(p);
  return p;
}

function problemsOf(raw: unknown): [string, string | undefined][] {
  const r = checkPlanPackage(raw, planContext(), 'plan.json');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems.map((p) => [p.code, p.field]);
}

describe('checkPlanPackage refuses a broken package, naming the field', () => {
  it('a figure that is not a number', () => {
    expect(problemsOf(broken((p) => (p.targets.targets[0].period.min = '29.75')))).toEqual([['plan-bad-field', 'targets.targets[0].period.min']]);
  });

  it('a missing field', () => {
    expect(problemsOf(broken((p) => delete p.guidance.categories['key-expansion'].cite))).toEqual([['plan-missing-field', 'guidance.categories.key-expansion.cite']]);
  });

  it('a board category the plan does not have', () => {
    expect(problemsOf(broken((p) => (p.boards.list[3].category = 'renewal')))).toEqual([['plan-bad-field', 'boards.list[3].category']]);
  });

  it('years that are not consecutive', () => {
    expect(problemsOf(broken((p) => (p.period.years = [2021, 2022, 2024])))).toContainEqual(['plan-years-not-consecutive', 'period.years[2]']);
  });

  it('a board without an outline, and a duplicate board id', () => {
    expect(problemsOf(broken((p) => p.boards.list.push({ ...p.boards.list[0], id: 'nowhere' })))).toEqual([['plan-board-no-outline', 'boards.list[21].id']]);
    expect(problemsOf(broken((p) => p.boards.list.push(p.boards.list[0])))).toEqual([['plan-duplicate-id', 'boards.list[21].id']]);
  });

  it('an annex year outside the period, a row of the wrong length, a threshold without a default, an unknown county', () => {
    expect(problemsOf(broken((p) => (p.period.years = [2021, 2022, 2023, 2024])))).toEqual([['plan-year-outside-period', 'annexes.annex1.years[4]']]);
    expect(problemsOf(broken((p) => p.annexes.annex1.rows[2].byYear.pop()))).toEqual([['plan-length-mismatch', 'annexes.annex1.rows[2].byYear']]);
    expect(problemsOf(broken((p) => delete p.rules.defaults.approxTargetTolerancePct))).toEqual([['plan-missing-field', 'rules.defaults.approxTargetTolerancePct']]);
    expect(problemsOf(broken((p) => (p.structure.parts[1].counties = ['杭州市'])))).toEqual([['plan-unknown-county', 'structure.parts[1].counties[0]']]);
  });

  it('something that is not a plan package at all', () => {
    expect(problemsOf(broken((p) => (p.format = 'anju')))).toEqual([['plan-wrong-format', 'format']]);
    expect(problemsOf(broken((p) => (p.formatVersion = 2)))).toEqual([['plan-newer-version', 'formatVersion']]);
    expect(problemsOf([])).toEqual([['plan-not-object', undefined]]);
    const r = parsePlanPackage('{', planContext(), 'plan.json');
    expect(r.ok || r.problems[0].code).toBe('not-json');
  });

  it('says what and where in the user’s language', () => {
    const r = checkPlanPackage(broken((p) => (p.targets.targets[0].period.min = '29.75')), planContext(), 'plan.json');
    if (r.ok) throw new Error('accepted');
    expect(formatProblem(r.problems[0], 'zh')).toContain('targets.targets[0].period.min');
    expect(formatProblem(r.problems[0], 'zh')).toContain('规划包字段值无效');
    expect(formatProblem(r.problems[0], 'en')).toContain('invalid value in the plan package');
  });
});
