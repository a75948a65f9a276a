import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePlanPackage } from '../../../src/io/plan-package-check.ts';
import { builtinPlan } from '../../../src/data/builtin-plan.ts';
import { setActivePlan } from '../../../src/data/active-plan.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';
import { planBoardCollection } from '../../../src/data/plan-boards.ts';
import { initialProject } from '../../../src/state/initial-project.ts';
import { parseWholeProject, serializeWholeProject } from '../../../src/state/project-file.ts';
import { allocationTotals } from '../../../src/analysis/allocation/totals.ts';
import type { ProjectState } from '../../../src/state/project.ts';
import { planContext } from '../../support/plan-context.ts';
import { assignSiteBoards } from '../../../src/analysis/allocation/assign-sites.ts';

const example = (() => {
  const r = parsePlanPackage(readFileSync('geodata/plan-examples/example-2026-2030.plan.json', 'utf8'), planContext());
  if (!r.ok) throw new Error('example refused');
  return r.value;
})();

/** A 2021–2025 project: 21 boards, cells in 2022 and 2025 on boards the example has and has not. */
function builtinProject(): ProjectState {
  const p = initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
  const allocations = [
    { boardId: 'jiucheng', year: 2022, type: 'commercial' as const, units: 4000 },
    { boardId: 'nanhu-sanyang', year: 2025, type: 'resettlement' as const, units: 5000 },
  ];
  return { ...p, scenarios: [{ ...p.scenarios[0], allocations }] };
}

afterEach(() => setActivePlan(builtinPlan));

describe('a project records its plan package, and opening it with another says what does not match', () => {
  it('writes the active package’s id and version into the file', () => {
    expect(JSON.parse(serializeWholeProject(builtinProject())).plan).toEqual({ id: 'wenzhou-housing-2021-2025', version: '1.0.0' });
    setActivePlan(example);
    expect(JSON.parse(serializeWholeProject(builtinProject())).plan).toEqual({ id: 'example-2026-2030', version: '0.1.0' });
  });

  it('opens a 2021–2025 project under the 2026–2030 example: every cell and board kept, the package, years and boards said', () => {
    const text = serializeWholeProject(builtinProject());
    setActivePlan(example);
    const defaults = initialProject(planBoardCollection(example, defaultBoards), defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
    const r = parseWholeProject(text, defaults, 'p.anju.json');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // Nothing dropped: both cells, all 21 boards.
    expect(r.value.scenarios[0].allocations.map((c) => `${c.boardId} ${c.year} ${c.units}`)).toEqual(['jiucheng 2022 4000', 'nanhu-sanyang 2025 5000']);
    expect(r.value.boards.features).toHaveLength(21);
    expect(r.warnings.map((w) => [w.code, w.field, w.severity])).toEqual([
      ['project-other-plan', 'plan', 'warning'],
      ['project-years-outside-plan', 'scenarios[0]', 'warning'],
      ['project-boards-not-in-plan', 'boards', 'warning'],
      ['project-targets-not-in-plan', 'plan', 'warning'],
      ['project-targets-changed', 'plan', 'warning'],
    ]);
    expect(r.warnings[0].params).toEqual({ made: 'wenzhou-housing-2021-2025 1.0.0', active: 'example-2026-2030 0.1.0' });
    expect(r.warnings[1].params).toMatchObject({ count: 2, units: 9000, years: '2022、2025', period: '2026–2030' });
    expect(r.warnings[2].params).toMatchObject({ count: 12 });
    // …and the other years count toward none of this plan's totals.
    expect(allocationTotals(r.value.scenarios[0], r.value.boards, assignSiteBoards(r.value.scenarios[0].sites, r.value.boards)).units).toBe(0);
  });

  it('opens a project made under the example with the built-in plan: its 2026–2030 years are said, and kept', () => {
    setActivePlan(example);
    const p = initialProject(planBoardCollection(example, defaultBoards), defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
    const text = serializeWholeProject({ ...p, scenarios: [{ ...p.scenarios[0], allocations: [{ boardId: 'qidu', year: 2028, type: 'commercial', units: 700 }] }] });
    setActivePlan(builtinPlan);
    const r = parseWholeProject(text, builtinProject(), 'p.anju.json');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.scenarios[0].allocations).toEqual([{ boardId: 'qidu', year: 2028, type: 'commercial', units: 700 }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['project-other-plan', 'project-years-outside-plan', 'plan-boards-not-in-project']);
    // Saved again, the 2028 cell is still there.
    expect(JSON.parse(serializeWholeProject(r.value)).scenarios[0].allocations).toEqual([{ boardId: 'qidu', year: 2028, type: 'commercial', units: 700 }]);
  });

  it('a file of the active package opens with no warning; a year outside its period is still an error there', () => {
    const text = serializeWholeProject(builtinProject());
    expect(parseWholeProject(text, builtinProject(), 'p.anju.json')).toMatchObject({ ok: true, warnings: [] });
    const bad = JSON.parse(text);
    bad.scenarios[0].allocations[0].year = 2030;
    const r = parseWholeProject(JSON.stringify(bad), builtinProject(), 'p.anju.json');
    expect(r.ok || r.problems.map((p) => p.field)).toEqual(['scenarios[0].allocations[0].year']);
  });
});
