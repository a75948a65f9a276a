/**
 * The active plan package as a runes store: the UI reads the plan (years, targets, guidance,
 * title) here so every tab follows a switch. `set` also makes it the core's active plan
 * (src/data/active-plan.ts), which the analyses read when they run.
 */
import type { PlanPackage } from '../domain/plan-package.ts';
import type { StructureCollection, StructureProperties } from '../domain/structure.ts';
import { activePlan, setActivePlan } from '../data/active-plan.ts';
import { defaultBoards } from '../data/default-boards.ts';
import { parsePlanPackage } from '../io/plan-package-check.ts';
import { builtinPlan } from '../data/builtin-plan.ts';
import { countyNames, mapDataUrls, structureBbox } from '../data/shipped-map-files.ts';
import { bboxOf, type Bbox } from '../geo/measure.ts';

/** Where the browser keeps a loaded package, so a reload opens the project with the plan it was on. */
const STORAGE_KEY = 'anju.planPackage';
const NO_OUTLINES: StructureCollection = { type: 'FeatureCollection', features: [] };

/** The package kept from the last session, checked again (a damaged or outdated one is dropped). */
function storedPlan(): PlanPackage | null {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const r = parsePlanPackage(text, { shippedBoardIds: new Set(defaultBoards.features.map((f) => f.properties.id)), countyNames: new Set(countyNames) });
    if (r.ok) return r.value;
    globalThis.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // No storage (private mode, a worker, Node): the built-in plan.
  }
  return null;
}

/** Another package's 一主一副两极 outlines: the union of its counties, derived once the counties have loaded. */
async function outlinesOf(p: PlanPackage): Promise<StructureCollection> {
  const [{ counties }, { structureFromCounties }] = await Promise.all([import('../data/counties.ts'), import('../data/structure-from-counties.ts')]);
  return structureFromCounties(p.structure.parts, counties);
}

class PlanStore {
  plan = $state.raw<PlanPackage>(activePlan());
  readonly years = $derived(this.plan.period.years);
  /** The parts of 一主一副两极 the active plan names (properties; the outlines are `structure`). */
  readonly structureParts: readonly StructureProperties[] = $derived(this.plan.structure.parts);
  /**
   * The active plan's 一主一副两极 outlines as the map takes them: the shipped file's URL for the
   * built-in plan (MapLibre's worker fetches it), or another package's outlines (empty until its
   * counties have loaded, a moment after the switch).
   */
  structure = $state.raw<string | StructureCollection>(mapDataUrls.structure);
  /** West, south, east, north of the active plan's structure (the presentation's first chapter). */
  readonly structureBbox: Bbox | null = $derived(typeof this.structure === 'string' ? structureBbox : unionBbox(this.structure.features.map((f) => bboxOf(f.geometry))));

  constructor() {
    const kept = storedPlan();
    if (kept) this.set(kept);
  }

  set(p: PlanPackage): void {
    setActivePlan(p);
    this.plan = p;
    if (p === builtinPlan) this.structure = mapDataUrls.structure;
    else {
      this.structure = NO_OUTLINES;
      void outlinesOf(p).then((s) => {
        if (this.plan === p) this.structure = s;
      });
    }
    try {
      if (p === builtinPlan) globalThis.localStorage?.removeItem(STORAGE_KEY);
      else globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(p));
    } catch {
      // Storage full or unavailable: the switch holds for this session only.
    }
  }
}

function unionBbox(boxes: Bbox[]): Bbox | null {
  if (!boxes.length) return null;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}

export const planStore = new PlanStore();
