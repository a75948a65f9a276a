/**
 * The active plan package as a runes store: the UI reads the plan (years, targets, guidance,
 * title) here so every tab follows a switch. `set` also makes it the core's active plan
 * (src/data/active-plan.ts), which the analyses read when they run.
 */
import type { PlanPackage } from '../domain/plan-package.ts';
import type { StructureCollection } from '../domain/structure.ts';
import { activePlan, setActivePlan } from '../data/active-plan.ts';
import { counties } from '../data/embedded.ts';
import { structureFromCounties } from '../data/structure-from-counties.ts';
import { builtinPlan } from '../data/builtin-plan.ts';
import { structure as builtinStructure } from '../data/embedded.ts';

class PlanStore {
  plan = $state.raw<PlanPackage>(activePlan());
  readonly years = $derived(this.plan.period.years);
  /** 一主一副两极 outlines of the active plan (the shipped ones for the built-in plan). */
  readonly structure: StructureCollection = $derived(this.plan === builtinPlan ? builtinStructure : structureFromCounties(this.plan.structure.parts, counties));

  set(p: PlanPackage): void {
    setActivePlan(p);
    this.plan = p;
  }
}

export const planStore = new PlanStore();
