/**
 * Review on a team server (README "Working as a team") as an app feature: the top-bar button with the unread
 * count, the review panel over the map and the comment markers on the map. Outside a team
 * project all three are empty.
 */
import type { Feature } from '../feature.ts';
import { store } from '../../state/app-store.svelte.ts';
import { team } from '../../state/team/team-session.svelte.ts';
import { active } from '../../state/active-scenario.svelte.ts';
import ReviewButton from './ReviewButton.svelte';
import ReviewLayer from './ReviewLayer.svelte';
import { review } from './review.svelte.ts';
import { reviewMarkers } from './review-markers.ts';

export const teamReviewFeature: Feature = {
  id: 'team-review',
  label: { zh: '审阅', en: 'Review' },
  TopBarItem: ReviewButton,
  MapItem: ReviewLayer,
  globalOverlays: () =>
    team.project && review.openThreads.length
      ? [reviewMarkers(review.openThreads, store.project.boards, { scenarioId: active.scenario?.id ?? null, sites: active.scenario?.sites ?? [] }, (id) => void review.show(id))]
      : [],
};
