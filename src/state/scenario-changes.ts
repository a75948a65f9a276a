/**
 * Edits inside one scenario, each a Change<ProjectState> whose inverse restores exactly the
 * previous state: set an allocation cell or a block of them; add, move, edit or delete a site.
 */
import type { Point, Polygon } from 'geojson';
import type { Change } from './change.ts';
import type { Site } from '../domain/allocation.ts';
import type { HousingTypeId } from '../domain/housing-type.ts';
import type { PlanYear } from '../domain/plan-period.ts';
import { compareCells, scenarioById, type ProjectState, type Scenario } from './scenario.ts';

/** Replace one scenario (by id) with the result of `f`. */
export function updateScenario(state: ProjectState, id: string, f: (s: Scenario) => Scenario): ProjectState {
  scenarioById(state, id);
  return { ...state, scenarios: state.scenarios.map((s) => (s.id === id ? f(s) : s)) };
}

function assertUnits(units: number): void {
  if (!Number.isInteger(units) || units < 0) throw new Error(`units must be a non-negative integer, got ${units}`);
}

/** Set the units (套) of a grid cell; 0 empties it. The inverse sets the old value back. */
export function setAllocation(scenarioId: string, boardId: string, year: PlanYear, type: HousingTypeId, units: number): Change<ProjectState> {
  assertUnits(units);
  return {
    label: { zh: '修改分配', en: 'Set allocation' },
    apply(state) {
      let old = 0;
      const next = updateScenario(state, scenarioId, (s) => {
        const key = { boardId, year, type };
        const rest = s.allocations.filter((c) => {
          const same = compareCells(c, key) === 0;
          if (same) old = c.units;
          return !same;
        });
        const allocations = units > 0 ? [...rest, { ...key, units }].sort(compareCells) : rest;
        return { ...s, allocations };
      });
      return { state: next, inverse: setAllocation(scenarioId, boardId, year, type, old) };
    },
  };
}

/** One cell's new value in a batch (units in 套; 0 empties the cell). */
export interface CellValue {
  boardId: string;
  year: PlanYear;
  type: HousingTypeId;
  units: number;
}

/**
 * Set many grid cells at once (a pasted block) as ONE change: one undo step restores every
 * cell's previous value. Cells not listed keep their values.
 */
export function setAllocations(scenarioId: string, cells: readonly CellValue[], label = { zh: '粘贴分配', en: 'Paste allocation' }): Change<ProjectState> {
  for (const c of cells) assertUnits(c.units);
  return {
    label,
    apply(state) {
      const key = (c: Pick<CellValue, 'boardId' | 'year' | 'type'>) => `${c.boardId}|${c.year}|${c.type}`;
      const wanted = new Map(cells.map((c) => [key(c), c]));
      const old: CellValue[] = [];
      const next = updateScenario(state, scenarioId, (s) => {
        const before = new Map(s.allocations.map((c) => [key(c), c.units]));
        for (const c of wanted.values()) old.push({ boardId: c.boardId, year: c.year, type: c.type, units: before.get(key(c)) ?? 0 });
        const rest = s.allocations.filter((c) => !wanted.has(key(c)));
        const added = [...wanted.values()].filter((c) => c.units > 0).map(({ boardId, year, type, units }) => ({ boardId, year, type, units }));
        return { ...s, allocations: [...rest, ...added].sort(compareCells) };
      });
      return { state: next, inverse: setAllocations(scenarioId, old, label) };
    },
  };
}

function siteIndex(s: Scenario, siteId: string): number {
  const i = s.sites.findIndex((x) => x.id === siteId);
  if (i < 0) throw new Error(`scenario "${s.id}" has no site "${siteId}"`);
  return i;
}

/** Insert a site at `index` (default: at the end). The inverse deletes it. */
export function addSite(scenarioId: string, site: Site, index?: number): Change<ProjectState> {
  assertUnits(site.units);
  return {
    label: { zh: '添加项目地块', en: 'Add site' },
    apply(state) {
      const next = updateScenario(state, scenarioId, (s) => {
        if (s.sites.some((x) => x.id === site.id)) throw new Error(`scenario "${s.id}" already has a site "${site.id}"`);
        const sites = [...s.sites];
        sites.splice(index ?? sites.length, 0, site);
        return { ...s, sites };
      });
      return { state: next, inverse: deleteSite(scenarioId, site.id) };
    },
  };
}

/** Delete a site. The inverse re-inserts it at the same position. */
export function deleteSite(scenarioId: string, siteId: string): Change<ProjectState> {
  return {
    label: { zh: '删除项目地块', en: 'Delete site' },
    apply(state) {
      let removed: Site | undefined;
      let at = 0;
      const next = updateScenario(state, scenarioId, (s) => {
        at = siteIndex(s, siteId);
        removed = s.sites[at];
        return { ...s, sites: s.sites.filter((_, i) => i !== at) };
      });
      return { state: next, inverse: addSite(scenarioId, removed!, at) };
    },
  };
}

/** The fields of a site a planner can edit (not its id). */
export type SitePatch = Partial<Pick<Site, 'name' | 'units' | 'type' | 'year' | 'note' | 'geometry'>>;

/**
 * Edit a site's fields. A key present with value undefined removes an optional field (note);
 * the inverse restores the old values, absent fields staying absent.
 */
export function editSite(scenarioId: string, siteId: string, patch: SitePatch, label = { zh: '编辑项目地块', en: 'Edit site' }): Change<ProjectState> {
  if (patch.units !== undefined) assertUnits(patch.units);
  return {
    label,
    apply(state) {
      const undo: SitePatch = {};
      const next = updateScenario(state, scenarioId, (s) => {
        const i = siteIndex(s, siteId);
        const old = s.sites[i] as Site & Record<string, unknown>;
        const edited: Record<string, unknown> = { ...old };
        for (const k of Object.keys(patch) as (keyof SitePatch)[]) {
          (undo as Record<string, unknown>)[k] = old[k];
          if (patch[k] === undefined) delete edited[k];
          else edited[k] = patch[k];
        }
        return { ...s, sites: s.sites.map((x, j) => (j === i ? (edited as unknown as Site) : x)) };
      });
      return { state: next, inverse: editSite(scenarioId, siteId, undo, label) };
    },
  };
}

/** Move a site: replace its geometry (its board follows from the new location). */
export function moveSite(scenarioId: string, siteId: string, geometry: Point | Polygon): Change<ProjectState> {
  return editSite(scenarioId, siteId, { geometry }, { zh: '移动项目地块', en: 'Move site' });
}
