/**
 * Differences between two scenarios' totals, per board and per type (b − a, in 套).
 */
import { HOUSING_TYPES, type HousingTypeId } from '../../domain/housing-type.ts';
import type { AllocationTotals } from './totals.ts';

export interface Diff {
  a: number;
  b: number;
  /** b − a, in units (套). */
  diff: number;
}

export interface BoardDiff {
  boardId: string;
  total: Diff;
  byType: Record<HousingTypeId, Diff>;
}

export interface ScenarioDiff {
  total: Diff;
  byType: Record<HousingTypeId, Diff>;
  /** Every board of either scenario, in a's order then b's extra boards. */
  byBoard: BoardDiff[];
  outsideBoards: Diff;
}

function diff(a: number, b: number): Diff {
  return { a, b, diff: b - a };
}

/** Compare scenario a with scenario b (both totalled over the same boards). */
export function diffScenarioTotals(a: AllocationTotals, b: AllocationTotals): ScenarioDiff {
  const ids = [...new Set([...a.byBoard.map((x) => x.boardId), ...b.byBoard.map((x) => x.boardId)])];
  const byBoard = ids.map((id) => {
    const ba = a.byBoard.find((x) => x.boardId === id);
    const bb = b.byBoard.find((x) => x.boardId === id);
    return {
      boardId: id,
      total: diff(ba?.units ?? 0, bb?.units ?? 0),
      byType: Object.fromEntries(HOUSING_TYPES.map((t) => [t, diff(ba?.byType[t] ?? 0, bb?.byType[t] ?? 0)])) as Record<HousingTypeId, Diff>,
    };
  });
  return {
    total: diff(a.units, b.units),
    byType: Object.fromEntries(HOUSING_TYPES.map((t) => [t, diff(a.byType[t], b.byType[t])])) as Record<HousingTypeId, Diff>,
    byBoard,
    outsideBoards: diff(a.outsideBoards.units, b.outsideBoards.units),
  };
}
