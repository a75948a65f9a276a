/**
 * Planned units (套) per board from the active supply scenario, added to each board's dwellings
 * in the "with planned units" figures. ONE function so the lead can swap it for the allocation
 * UI's `plannedUnitsByBoard(...)` when that lands.
 * Until the store has an active-scenario state, the active scenario is the FIRST scenario.
 */
import type { ProjectState } from '../../state/project.ts';
import { allocationTotals } from '../../analysis/allocation/totals.ts';

/** Units per board id (grid cells + sites inside the board) of the scenario `scenarioId` (default: the first). */
export function plannedUnitsByBoard(project: Pick<ProjectState, 'scenarios' | 'boards'>, scenarioId?: string): Record<string, number> {
  const scenario = project.scenarios.find((s) => s.id === scenarioId) ?? project.scenarios[0];
  if (!scenario) return {};
  const totals = allocationTotals(scenario, project.boards);
  return Object.fromEntries(totals.byBoard.filter((b) => b.units > 0).map((b) => [b.boardId, b.units]));
}
