/**
 * What in a project does not match the active plan package: the package it was made against
 * (another id or version), allocation and site years outside the period, boards the plan does not
 * list and plan boards the project lacks, and targets the project's plan had that this one has
 * not. Warnings only: nothing is dropped — cells of other years stay in the project (and in the
 * files it writes), they just do not count toward this plan's totals.
 */
import { problem, type Problem } from '../domain/problem.ts';
import type { PlanPackage, PlanRef } from '../domain/plan-package.ts';
import type { BoardCollection } from '../domain/board.ts';
import type { Scenario } from './scenario.ts';
import { builtinPlan } from '../data/builtin-plan.ts';

/** A list for a message: the first `max` items, then how many more. */
function listed(items: readonly (string | number)[], max = 8): string {
  return items.length <= max ? items.join('、') : `${items.slice(0, max).join('、')} … (+${items.length - max})`;
}

export interface ProjectPlanInput {
  /** The package the file names; absent in files written before packages (made against the built-in plan). */
  plan?: PlanRef;
  scenarios: readonly Scenario[];
  boards?: BoardCollection;
}

/**
 * Warnings for a project opened with `active`. `known` are packages whose contents Anju has at
 * hand (the built-in one, the active one), to compare targets when the file names one of them.
 */
export function projectPlanMismatch(p: ProjectPlanInput, active: PlanPackage, file?: string, known: readonly PlanPackage[] = [builtinPlan]): Problem[] {
  const made: PlanRef = p.plan ?? { id: builtinPlan.id, version: builtinPlan.version };
  if (made.id === active.id && made.version === active.version) return [];
  const out: Problem[] = [problem('project-other-plan', { file, field: 'plan', params: { made: `${made.id} ${made.version}`, active: `${active.id} ${active.version}` } }, 'warning')];
  const years = new Set(active.period.years);
  p.scenarios.forEach((s, i) => {
    const outside = [...s.allocations, ...s.sites].filter((c) => !years.has(c.year));
    if (!outside.length) return;
    out.push(
      problem('project-years-outside-plan', {
        file,
        field: `scenarios[${i}]`,
        params: { scenario: s.name, count: outside.length, units: outside.reduce((n, c) => n + c.units, 0), years: listed([...new Set(outside.map((c) => c.year))].sort()), period: `${active.period.years[0]}–${active.period.years.at(-1)}` },
      }, 'warning'),
    );
  });
  const planIds = new Set(active.boards.list.map((b) => b.id));
  // The file's boards, or (a file without boards) the boards its allocations name, by the made-against plan's names.
  const theirList = known.find((k) => k.id === made.id && k.version === made.version)?.boards.list ?? [];
  const projectBoards = p.boards?.features.map((f) => f.properties) ?? [...new Set(p.scenarios.flatMap((s) => s.allocations.map((c) => c.boardId)))].map((id) => ({ id, name: theirList.find((b) => b.id === id)?.name ?? id }));
  const extra = projectBoards.filter((b) => !planIds.has(b.id));
  if (extra.length) out.push(problem('project-boards-not-in-plan', { file, field: 'boards', params: { count: extra.length, boards: listed(extra.map((b) => b.name)) } }, 'warning'));
  if (p.boards) {
    const have = new Set(projectBoards.map((b) => b.id));
    const missing = active.boards.list.filter((b) => !have.has(b.id));
    if (missing.length) out.push(problem('plan-boards-not-in-project', { file, field: 'boards', params: { count: missing.length, boards: listed(missing.map((b) => b.name)) } }, 'warning'));
  }
  const theirs = known.find((k) => k.id === made.id && k.version === made.version);
  if (theirs) {
    const activeTargets = new Map(active.targets.targets.map((t) => [t.id, t]));
    const gone = theirs.targets.targets.filter((t) => t.measurable && !activeTargets.has(t.id));
    if (gone.length) out.push(problem('project-targets-not-in-plan', { file, field: 'plan', params: { count: gone.length, targets: listed(gone.map((t) => t.name)) } }, 'warning'));
    const changed = theirs.targets.targets.filter((t) => {
      const a = activeTargets.get(t.id);
      return t.measurable && a && JSON.stringify([a.period?.min, a.period?.max, a.annual?.min, a.annual?.max]) !== JSON.stringify([t.period?.min, t.period?.max, t.annual?.min, t.annual?.max]);
    });
    if (changed.length) out.push(problem('project-targets-changed', { file, field: 'plan', params: { count: changed.length, targets: listed(changed.map((t) => t.name)) } }, 'warning'));
  }
  return out;
}
