/** What the map and the tables show: one housing type or all, one year or the whole period. */
import type { HousingTypeId } from '../../domain/housing-type.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import type { AllocationTotals, UnitBreakdown } from '../../analysis/allocation/totals.ts';

export type TypeChoice = HousingTypeId | 'all';
export type YearChoice = PlanYear | 'all';

/** Units (套) of a breakdown for the chosen type and year. */
export function unitsFor(b: UnitBreakdown, type: TypeChoice, year: YearChoice): number {
  if (type === 'all') return year === 'all' ? b.units : b.byYear[year];
  return year === 'all' ? b.byType[type] : b.byTypeYear[type][year];
}

/** Units per board id for the chosen type and year. */
export function boardValues(totals: AllocationTotals, type: TypeChoice, year: YearChoice): Record<string, number> {
  return Object.fromEntries(totals.byBoard.map((b) => [b.boardId, unitsFor(b, type, year)]));
}

/** B − A per board id for the chosen type and year. */
export function boardDifferences(a: AllocationTotals, b: AllocationTotals, type: TypeChoice, year: YearChoice): Record<string, number> {
  const va = boardValues(a, type, year);
  const vb = boardValues(b, type, year);
  const out: Record<string, number> = {};
  for (const id of new Set([...Object.keys(va), ...Object.keys(vb)])) out[id] = (vb[id] ?? 0) - (va[id] ?? 0);
  return out;
}
