/**
 * Planned dwelling units per board from one scenario, for analyses that add the plan's new
 * housing to the existing stock (job–housing balance, coverage). Grid cells and drawn sites
 * of every housing type and year 2021–2025 are summed; sites outside every board are left out.
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { AllocationInput } from '../../domain/allocation.ts';
import { allocationTotals } from './totals.ts';

/**
 * Units (套) planned in each board of `boards` by the scenario, keyed by board id (0 for a
 * board with nothing allocated). `siteBoards` is the board of each site (from
 * `assignSiteBoards`, or a cache of it); pass it so polygon sites are not assigned again.
 * Cells naming a board id not in `boards` are ignored.
 *
 * @example plannedUnitsByBoard(scenario, store.project.boards, siteBoards).jiucheng // → 1200
 */
export function plannedUnitsByBoard(scenario: AllocationInput, boards: BoardCollection, siteBoards: Record<string, string | null>): Record<string, number> {
  const totals = allocationTotals(scenario, boards, siteBoards);
  const out: Record<string, number> = {};
  for (const f of boards.features) out[f.properties.id] = 0;
  for (const b of totals.byBoard) if (b.boardId in out) out[b.boardId] = b.units;
  return out;
}
