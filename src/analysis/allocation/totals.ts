/**
 * Totals of a scenario's allocations (grid cells + sites), in dwelling units (套): per type,
 * per year, per board, per board category, and outside the boards. Years are the active plan's
 * period (src/data/active-plan.ts); cells and sites of other years (a project made against
 * another plan package) are left out here and named by the project–plan check instead.
 */
import type { BoardCollection, Category } from '../../domain/board.ts';
import { CATEGORIES } from '../../domain/board.ts';
import type { AllocationInput } from '../../domain/allocation.ts';
import { HOUSING_TYPES, type HousingTypeId } from '../../domain/housing-type.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import { planYears } from '../../data/active-plan.ts';
import type { SiteBoards } from './site-boards.ts';

export type ByType = Record<HousingTypeId, number>;
export type ByYear = Record<PlanYear, number>;
/** Units by type, then by year. */
export type ByTypeYear = Record<HousingTypeId, ByYear>;

export interface UnitBreakdown {
  units: number;
  byType: ByType;
  byYear: ByYear;
  byTypeYear: ByTypeYear;
}

export interface BoardTotals extends UnitBreakdown {
  boardId: string;
  /** null for a board id the boards collection does not know. */
  category: Category | null;
}

export interface AllocationTotals extends UnitBreakdown {
  /** Every board of the collection (zeros included), then any unknown board ids, in that order. */
  byBoard: BoardTotals[];
  byCategory: Record<Category, number>;
  /** Sites that lie in no board. */
  outsideBoards: UnitBreakdown;
  /** Units entered in the grid vs drawn as sites. */
  gridUnits: number;
  siteUnits: number;
  /** Board id (or null) of each site, by site id. */
  siteBoards: Record<string, string | null>;
}

export function emptyByYear(): ByYear {
  return Object.fromEntries(planYears().map((y) => [y, 0])) as ByYear;
}
export function emptyByType(): ByType {
  return Object.fromEntries(HOUSING_TYPES.map((t) => [t, 0])) as ByType;
}
export function emptyBreakdown(): UnitBreakdown {
  return {
    units: 0,
    byType: emptyByType(),
    byYear: emptyByYear(),
    byTypeYear: Object.fromEntries(HOUSING_TYPES.map((t) => [t, emptyByYear()])) as ByTypeYear,
  };
}

function add(b: UnitBreakdown, type: HousingTypeId, year: PlanYear, units: number): void {
  b.units += units;
  b.byType[type] += units;
  b.byYear[year] += units;
  b.byTypeYear[type][year] += units;
}

/**
 * Sum grid cells and sites. `siteBoards` is the board of each site by location
 * (assign-sites.ts `assignSiteBoards`, or the UI's cache of it).
 */
export function allocationTotals(input: AllocationInput, boards: BoardCollection, siteBoards: SiteBoards): AllocationTotals {
  const assigned = siteBoards;
  const all = emptyBreakdown();
  const outside = emptyBreakdown();
  const boardMap = new Map<string, BoardTotals>();
  for (const f of boards.features) boardMap.set(f.properties.id, { boardId: f.properties.id, category: f.properties.category, ...emptyBreakdown() });
  const boardFor = (id: string): BoardTotals => {
    let b = boardMap.get(id);
    if (!b) boardMap.set(id, (b = { boardId: id, category: null, ...emptyBreakdown() }));
    return b;
  };
  let gridUnits = 0;
  let siteUnits = 0;
  const inPeriod = new Set(planYears());
  for (const c of input.allocations) {
    if (!inPeriod.has(c.year)) continue;
    add(all, c.type, c.year, c.units);
    add(boardFor(c.boardId), c.type, c.year, c.units);
    gridUnits += c.units;
  }
  for (const s of input.sites) {
    if (!inPeriod.has(s.year)) continue;
    add(all, s.type, s.year, s.units);
    const boardId = assigned[s.id] ?? null;
    add(boardId === null ? outside : boardFor(boardId), s.type, s.year, s.units);
    siteUnits += s.units;
  }
  const byBoard = [...boardMap.values()];
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const b of byBoard) if (b.category) byCategory[b.category] += b.units;
  return { ...all, byBoard, byCategory, outsideBoards: outside, gridUnits, siteUnits, siteBoards: assigned };
}

/** Units of the given types in a breakdown, over the period or in one year. */
export function unitsOfTypes(b: UnitBreakdown, types: readonly HousingTypeId[], year?: PlanYear): number {
  let sum = 0;
  for (const t of types) sum += year === undefined ? b.byType[t] : (b.byTypeYear[t][year] ?? 0);
  return sum;
}
