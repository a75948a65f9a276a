/**
 * The implementation review (实施评估) feature: its tab, the diverging map of actual − scenario per
 * board (legend from the same scale), per-board figures for compare and exports, and a chapter in
 * presentation mode (which the printed report includes).
 */
import type { Chapter, Feature } from '../feature.ts';
import type { BoardFigure } from '../../domain/board-figure.ts';
import { CENTRAL_CITY_BBOX } from '../../data/central-city-bbox.ts';
import { store } from '../../state/app-store.svelte.ts';
import { reviewLegend } from './review-legend.ts';
import { lazy } from '../lazy.ts';
import { lazyModule } from '../lazy-module.svelte.ts';

// The tab and its caption load on first use (lazy.ts); so does the review's analysis
// (review-view.svelte.ts), once actual supply has been imported: before that there is no review.
const live = lazyModule(() => import('./review-view.svelte.ts'));
const ReviewSidebar = lazy(() => import('./ReviewSidebar.svelte'));
const ReviewCaption = lazy(() => import('./ReviewCaption.svelte'));

export const REVIEW_TAB = 'review';

const UNIT = { zh: '套', en: 'units' };

/** The review's view: null without actual supply, and until its module has arrived. */
const view = () => (store.project.actuals ? (live.get()?.reviewView ?? null) : null);
const boardOf = (id: string) => view()?.review?.boards.find((b) => b.boardId === id) ?? null;

export const reviewFeature: Feature = {
  id: REVIEW_TAB,
  label: { zh: '实施评估', en: 'Review' },
  Sidebar: ReviewSidebar,
  boardColors: () => view()?.scale?.colors ?? null,
  boardLegend: () => reviewLegend(view()?.scale ?? null),
  boardFigures: (): BoardFigure[] =>
    view()?.review
      ? [
          { id: 'review-actual', label: { zh: '实际供应（合计）', en: 'Actual supply (total)' }, unit: UNIT, value: (id) => boardOf(id)?.actual ?? 0, note: { zh: '导入的实际供应，2021–2025年', en: 'Imported actual supply, 2021–2025' } },
          { id: 'review-difference', label: { zh: '实际−方案', en: 'Actual − scenario' }, unit: UNIT, value: (id) => boardOf(id)?.difference ?? 0 },
        ]
      : [],
  // Exports wait for the review's module when there is actual supply, so its columns are never left out.
  prepareFigures: async () => {
    if (store.project.actuals) await live.load();
  },
  chapters: (): Chapter[] => [{ id: 'implementation-review', title: { zh: '规划实施评估：实际供应与规划目标', en: 'Implementation review: actual supply against the targets' }, bbox: CENTRAL_CITY_BBOX, tab: REVIEW_TAB, Caption: ReviewCaption }],
};
