/**
 * Scenarios and the project that holds them. A scenario is one named allocation: grid cells,
 * drawn sites and rule thresholds. State is immutable; it changes only through the
 * Change<ProjectState> factories in scenario-changes.ts and scenario-project-changes.ts.
 */
import type { AllocationCell, Site } from '../domain/allocation.ts';
import type { BoardCollection } from '../domain/board.ts';
import type { RuleSettings } from '../domain/rule-settings.ts';
import type { HousingTypeId } from '../domain/housing-type.ts';
import { HOUSING_TYPES } from '../domain/housing-type.ts';
import type { PlanYear } from '../domain/plan-period.ts';

export interface Scenario {
  id: string;
  name: string;
  /** ISO 8601 timestamp, given by the caller (the core reads no clock). */
  createdAt: string;
  /** Sorted by board id, year, type order (see compareCells); no zero cells. */
  allocations: AllocationCell[];
  sites: Site[];
  ruleSettings: RuleSettings;
}

export interface ProjectState {
  scenarios: Scenario[];
  /** Official board boundaries, when the user loaded them; absent → the shipped schematic boards. */
  boards?: BoardCollection;
}

/** The canonical order of allocation cells: board id, then year, then type (HOUSING_TYPES order). */
export function compareCells(a: Pick<AllocationCell, 'boardId' | 'year' | 'type'>, b: Pick<AllocationCell, 'boardId' | 'year' | 'type'>): number {
  if (a.boardId !== b.boardId) return a.boardId < b.boardId ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  return HOUSING_TYPES.indexOf(a.type) - HOUSING_TYPES.indexOf(b.type);
}

/** Units in one grid cell (0 when empty). */
export function cellUnits(s: Scenario, boardId: string, year: PlanYear, type: HousingTypeId): number {
  return s.allocations.find((c) => c.boardId === boardId && c.year === year && c.type === type)?.units ?? 0;
}

/** A new, empty scenario. */
export function emptyScenario(id: string, name: string, createdAt: string, ruleSettings: RuleSettings): Scenario {
  return { id, name, createdAt, allocations: [], sites: [], ruleSettings };
}

/** The scenario with this id; throws when absent (callers pass ids taken from the state). */
export function scenarioById(state: ProjectState, id: string): Scenario {
  const s = state.scenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario with id "${id}"`);
  return s;
}
