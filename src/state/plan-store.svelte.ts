/**
 * The active plan package as a runes store: the UI reads the plan (years, targets, guidance,
 * title) here so every tab follows a switch. `set` also makes it the core's active plan
 * (src/data/active-plan.ts), which the analyses read when they run.
 */
import type { PlanPackage } from '../domain/plan-package.ts';
import type { StructureCollection } from '../domain/structure.ts';
import { activePlan, setActivePlan } from '../data/active-plan.ts';
import { counties, defaultBoards } from '../data/embedded.ts';
import { parsePlanPackage } from '../io/plan-package-check.ts';
import { structureFromCounties } from '../data/structure-from-counties.ts';
import { builtinPlan } from '../data/builtin-plan.ts';
import { structure as builtinStructure } from '../data/embedded.ts';

/** Where the browser keeps a loaded package, so a reload opens the project with the plan it was on. */
const STORAGE_KEY = 'anju.planPackage';

/** The package kept from the last session, checked again (a damaged or outdated one is dropped). */
function storedPlan(): PlanPackage | null {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const r = parsePlanPackage(text, { shippedBoardIds: new Set(defaultBoards.features.map((f) => f.properties.id)), countyNames: new Set(counties.features.map((f) => f.properties.name)) });
    if (r.ok) return r.value;
    globalThis.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // No storage (private mode, a worker, Node): the built-in plan.
  }
  return null;
}

class PlanStore {
  plan = $state.raw<PlanPackage>(activePlan());
  readonly years = $derived(this.plan.period.years);
  /** 一主一副两极 outlines of the active plan (the shipped ones for the built-in plan). */
  readonly structure: StructureCollection = $derived(this.plan === builtinPlan ? builtinStructure : structureFromCounties(this.plan.structure.parts, counties));

  constructor() {
    const kept = storedPlan();
    if (kept) this.set(kept);
  }

  set(p: PlanPackage): void {
    setActivePlan(p);
    this.plan = p;
    try {
      if (p === builtinPlan) globalThis.localStorage?.removeItem(STORAGE_KEY);
      else globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(p));
    } catch {
      // Storage full or unavailable: the switch holds for this session only.
    }
  }
}

export const planStore = new PlanStore();
