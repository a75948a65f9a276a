/**
 * Switch the active plan package as ONE undoable change: the package becomes the active plan (the
 * core's and the UI's, see state/plan-store.svelte.ts) and the project's boards become the
 * package's. Undo puts the previous package and the previous boards (say, official boundaries the
 * planner loaded) back. Scenarios are not touched: cells of years or boards the new package lacks
 * stay in the project, and come back into the totals when their plan does.
 */
import type { Change } from '../../state/change.ts';
import type { ProjectState } from '../../state/project.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { PlanPackage } from '../../domain/plan-package.ts';
import { planBoardCollection } from '../../data/plan-boards.ts';
import { defaultBoards } from '../../data/default-boards.ts';
import { builtinPlan } from '../../data/builtin-plan.ts';
import { planStore } from '../../state/plan-store.svelte.ts';
import { store } from '../../state/app-store.svelte.ts';

function switchTo(plan: PlanPackage, boards: BoardCollection | null): Change<ProjectState> {
  return {
    label: { zh: `切换规划包：${plan.title.zh}`, en: `switch plan package: ${plan.title.en}` },
    apply(state) {
      const previous = planStore.plan;
      planStore.set(plan);
      return { state: { ...state, boards: boards ?? planBoardCollection(plan, defaultBoards) }, inverse: switchTo(previous, state.boards) };
    },
  };
}

/** Make `plan` (a checked package) the active one, undoably. */
export function switchPlan(plan: PlanPackage): void {
  store.apply(switchTo(plan, null));
}

/** Back to the built-in 2021–2025 plan (its shipped boards), undoably. */
export function switchToBuiltinPlan(): void {
  switchPlan(builtinPlan);
}
