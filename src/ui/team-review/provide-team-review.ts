/**
 * Hands team review's parts to the app's components (team-review-parts.svelte.ts); called by the
 * team client when it loads (ui/team/mount-team-app.ts), so all of team review comes with it.
 */
import { store } from '../../state/app-store.svelte.ts';
import { team } from '../../state/team/team-session.svelte.ts';
import { active } from '../../state/active-scenario.svelte.ts';
import ReviewButton from './ReviewButton.svelte';
import ReviewLayer from './ReviewLayer.svelte';
import CommentOn from './CommentOn.svelte';
import ReviewExportOptions from './ReviewExportOptions.svelte';
import ReviewReportSection from './ReviewReportSection.svelte';
import { review } from './review.svelte.ts';
import { reviewMarkers } from './review-markers.ts';
import { teamReviewParts } from './team-review-parts.svelte.ts';

export function provideTeamReview(): void {
  teamReviewParts.current = {
    ReviewButton,
    ReviewLayer,
    CommentOn,
    ReviewExportOptions,
    ReviewReportSection,
    overlays: () =>
      team.project && review.openThreads.length
        ? [reviewMarkers(review.openThreads, store.project.boards, { scenarioId: active.scenario?.id ?? null, sites: active.scenario?.sites ?? [] }, (id) => void review.show(id))]
        : [],
    cellCount: (scenarioId, cell) => review.cellCount(scenarioId, cell),
    focusCell: (cell) => (review.subject = { kind: 'cell', ...cell }),
  };
}
