/**
 * The import dialog's 规划包 (plan package) kind: a JSON file read and checked on the main thread
 * (it is small and no layer: the worker's readers do not apply), against the shipped boards and
 * counties. Applying it switches the active plan (ui/plan/switch-plan.ts).
 */
import type { Checked } from '../../domain/problem.ts';
import type { PlanPackage } from '../../domain/plan-package.ts';
import { parsePlanPackage } from '../../io/plan-package-check.ts';
import { defaultBoards } from '../../data/default-boards.ts';
import { countyNames } from '../../data/shipped-map-files.ts';

export const PLAN_TARGET_ID = 'plan';

export async function checkPlanFile(file: File): Promise<Checked<PlanPackage>> {
  const ctx = { shippedBoardIds: new Set(defaultBoards.features.map((f) => f.properties.id)), countyNames: new Set(countyNames) };
  return parsePlanPackage(await file.text(), ctx, file.name);
}
