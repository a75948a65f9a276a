/** What the plan package checker compares references with: the shipped boards' ids and the counties' names. */
import { counties, defaultBoards } from '../../src/data/embedded.ts';
import type { PlanCheckContext } from '../../src/io/plan-package-check.ts';

export const planContext = (): PlanCheckContext => ({
  shippedBoardIds: new Set(defaultBoards.features.map((f) => f.properties.id)),
  countyNames: new Set(counties.features.map((f) => f.properties.name)),
});
