/**
 * Review on a team server (README "Working as a team") as an app feature: the top-bar button with the unread
 * count, the review panel over the map and the comment markers on the map. Outside a team
 * project all three are empty; they load with the team client (team-review-parts.svelte.ts).
 */
import type { Feature } from '../feature.ts';
import TeamReviewTopBar from './TeamReviewTopBar.svelte';
import TeamReviewMap from './TeamReviewMap.svelte';
import { teamReviewParts } from './team-review-parts.svelte.ts';

export const teamReviewFeature: Feature = {
  id: 'team-review',
  label: { zh: '审阅', en: 'Review' },
  TopBarItem: TeamReviewTopBar,
  MapItem: TeamReviewMap,
  globalOverlays: () => teamReviewParts.current?.overlays() ?? [],
};
