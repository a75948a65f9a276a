/**
 * Sites to boards with polygon clipping at hand (site-boards.ts): for the command line, the
 * workers and tests. The browser's main thread uses the state's cache (active-scenario.svelte.ts),
 * which loads the clipping on first need.
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { Site } from '../../domain/allocation.ts';
import { intersectAreal } from '../../geo/polygon-ops.ts';
import { assignSiteBoardsWith, type SiteBoards } from './site-boards.ts';

/** The board id of each site (`null` outside every board), keyed by site id. */
export function assignSiteBoards(sites: readonly Site[], boards: BoardCollection): SiteBoards {
  return assignSiteBoardsWith(sites, boards, intersectAreal);
}
