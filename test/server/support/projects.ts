/** Project files for server tests: valid ones built from the shipped boards, and edits of them. */
import type { ProjectFile } from '../../../src/state/scenario-file.ts';
import type { Scenario } from '../../../src/state/scenario.ts';
import type { AllocationCell } from '../../../src/domain/allocation.ts';

export const RULES = { stockUpgradeMaxCommercialUnits: 1000, stockUpgradeMaxCommercialSharePct: 30, keyExpansionMinNewSupplySharePct: 10, rentalMaxDistanceToEmploymentKm: 5, approxTargetTolerancePct: 5 };

export function scenario(allocations: AllocationCell[] = [], over: Partial<Scenario> = {}): Scenario {
  return { id: 'scenario-1', name: '方案一', createdAt: '2026-01-01T00:00:00.000Z', allocations, sites: [], ruleSettings: RULES, ...over };
}

/** A minimal valid project file (the shipped boards are implied). */
export function projectFile(allocations: AllocationCell[] = [], extra: Partial<ProjectFile> = {}): ProjectFile {
  return { app: 'anju', schemaVersion: 2, scenarios: [scenario(allocations)], dwellings: {}, renovationDone: [], ...extra };
}

export const cell = (boardId: string, year: AllocationCell['year'], type: AllocationCell['type'], units: number): AllocationCell => ({ boardId, year, type, units });

/** Set one cell of the first scenario (0 removes it), keeping canonical order. */
export function withCell(file: ProjectFile, c: AllocationCell): ProjectFile {
  const s = file.scenarios[0];
  const rest = s.allocations.filter((x) => !(x.boardId === c.boardId && x.year === c.year && x.type === c.type));
  const allocations = [...rest, ...(c.units ? [c] : [])].sort((a, b) => (a.boardId + a.year + a.type < b.boardId + b.year + b.type ? -1 : 1));
  return { ...file, scenarios: [{ ...s, allocations }, ...file.scenarios.slice(1)] };
}
