/**
 * Team review's parts inside the app's own components (the top-bar button, the panel over the
 * map, comment buttons, grid-cell markers, the export menu's and the report's sections, the map
 * markers). Team review works only in a team project, so it loads with the team client
 * (ui/team/mount-team-app.ts hands its parts in here: provide-team-review.ts); the single-user
 * app never downloads it, and each place shows nothing until the parts are there. This module
 * imports types only.
 */
import type { Component } from 'svelte';
import type { Overlay } from '../../map/overlay.ts';
import type { CommentAnchor } from '../../state/review/anchor.ts';
import type { CellRef } from './review.svelte.ts';

export interface TeamReviewParts {
  ReviewButton: Component;
  ReviewLayer: Component;
  CommentOn: Component<{ anchor: CommentAnchor }>;
  ReviewExportOptions: Component;
  ReviewReportSection: Component;
  /** Markers of open comments, whatever the tab. */
  overlays: () => Overlay[];
  /** Open comments on a grid cell of a scenario. */
  cellCount: (scenarioId: string | null, cell: CellRef) => number;
  /** A grid cell was focused: a new comment can be about it. */
  focusCell: (cell: CellRef) => void;
}

class Parts {
  current = $state.raw<TeamReviewParts | null>(null);
}

export const teamReviewParts = new Parts();
