/**
 * The implementation review as the UI reads it: the project's actual supply against the plan and
 * the active scenario (src/analysis/actuals/review.ts), recomputed when either changes; the map's
 * diverging scale of actual − scenario per board.
 */
import { store } from '../../state/app-store.svelte.ts';
import { active } from '../../state/active-scenario.svelte.ts';
import { planStore } from '../../state/plan-store.svelte.ts';
import { reviewActuals, reviewPlanInput } from '../../analysis/actuals/review.ts';
import type { ActualsReview } from '../../analysis/actuals/review-types.ts';
import { divergingScale, type Scale } from '../allocation/color-scale.ts';

class ReviewView {
  /** null until actual supply is imported. */
  review: ActualsReview | null = $derived(
    store.project.actuals
      ? reviewActuals({
          records: store.project.actuals.records,
          boards: store.project.boards,
          scenario: active.scenario ?? null,
          ...reviewPlanInput(planStore.plan),
          settings: active.scenario?.ruleSettings ?? store.project.scenarios[0].ruleSettings,
          assignSites: (sites, boards) => active.assignSites(sites, boards),
        })
      : null,
  );
  /** Actual − scenario per board (套), as a diverging choropleth. */
  scale: Scale | null = $derived(this.review ? divergingScale(Object.fromEntries(this.review.boards.map((b) => [b.boardId, b.difference]))) : null);
}

export const reviewView = new ReviewView();
