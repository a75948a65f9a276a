/**
 * A cache of `assignSiteBoards` per site: polygon sites need a polygon intersection per board,
 * so the UI must not redo it for every site on every edit. A site's board depends only on its
 * geometry and the boards, and state is immutable, so the geometry object is the cache key;
 * the whole cache is dropped when the boards object changes (e.g. official boundaries loaded).
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { Site } from '../../domain/allocation.ts';
import { assignSiteBoards } from './assign-sites.ts';

export type SiteBoardLookup = (sites: readonly Site[], boards: BoardCollection) => Record<string, string | null>;

/**
 * A memoised `assignSiteBoards`: only sites whose geometry object is new since the last call
 * (added, moved or edited) are assigned. `assign` is injectable for tests.
 */
export function createSiteBoardCache(assign: typeof assignSiteBoards = assignSiteBoards): SiteBoardLookup {
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
      for (const s of missing) byGeometry.set(s.geometry, assigned[s.id] ?? null);
    }
    const out: Record<string, string | null> = {};
    for (const s of sites) out[s.id] = byGeometry.get(s.geometry) ?? null;
    return out;
  };
}
