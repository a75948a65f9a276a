/**
 * A cache of site → board assignments per site: polygon sites need a polygon intersection per
 * board, so the UI must not redo it for every site on every edit. A site's board depends only on
 * its geometry and the boards, and state is immutable, so the geometry object is the cache key;
 * the whole cache is dropped when the boards object changes (e.g. official boundaries loaded).
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { Site } from '../../domain/allocation.ts';
import type { AssignSites, SiteBoards } from './site-boards.ts';

/**
 * A memoised `assign` (assign-sites.ts, or site-boards.ts with clipping loaded on demand): only
 * sites whose geometry object is new since the last call (added, moved or edited) are assigned.
 * A site `assign` leaves out (its board not known yet) is left out here too, and asked again.
 */
export function createSiteBoardCache(assign: AssignSites): AssignSites {
  let cachedBoards: BoardCollection | null = null;
  let byGeometry = new WeakMap<Site['geometry'], string | null>();
  return (sites, boards) => {
    if (boards !== cachedBoards) {
      cachedBoards = boards;
      byGeometry = new WeakMap();
    }
    const missing = sites.filter((s) => !byGeometry.has(s.geometry));
    if (missing.length) {
      const assigned = assign(missing, boards);
      for (const s of missing) if (s.id in assigned) byGeometry.set(s.geometry, assigned[s.id]);
    }
    const out: SiteBoards = {};
    for (const s of sites) if (byGeometry.has(s.geometry)) out[s.id] = byGeometry.get(s.geometry) ?? null;
    return out;
  };
}
