/**
 * Which board a site belongs to, by location: a point goes to the board that contains it, a
 * polygon to the board it overlaps most (by area). Sites in no board get null: they still
 * count toward the city-wide targets, under "outside the boards".
 *
 * The polygon intersection is passed in: polyclip-ts (polygon-ops.ts) is 80 kB of code that the
 * browser's main thread loads only when a polygon site needs it (geo/polygon-clip.ts); the
 * command line and the workers use assign-sites.ts, which passes it at once.
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { Site } from '../../domain/allocation.ts';
import { areaKm2, bboxOf, type Bbox } from '../../geo/measure.ts';
import type { IntersectAreal } from '../../geo/polygons-of.ts';
import { pointInAreal } from '../../geo/point-polygon.ts';

/** The board id of each site (`null`: outside every board), keyed by site id. */
export type SiteBoards = Record<string, string | null>;
/** Assigns sites to boards (assign-sites.ts, or the UI's cache of it). */
export type AssignSites = (sites: readonly Site[], boards: BoardCollection) => SiteBoards;
export type { IntersectAreal };

function bboxesOverlap(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * The board of each site. Ties in overlap go to the board listed first. Cost: one bbox test per
 * board, then a point-in-polygon test or a polygon intersection only for boards whose bbox overlaps.
 * With `intersect` null (not loaded yet), a polygon site that needs an intersection is left out
 * of the result: its board is not known yet, and the caller must not take it for "no board".
 */
export function assignSiteBoardsWith(sites: readonly Site[], boards: BoardCollection, intersect: IntersectAreal | null): SiteBoards {
  const indexed = boards.features.map((f) => ({ id: f.properties.id, geometry: f.geometry, bbox: bboxOf(f.geometry) }));
  const out: SiteBoards = {};
  for (const site of sites) {
    const siteBbox = bboxOf(site.geometry);
    const candidates = indexed.filter((b) => bboxesOverlap(b.bbox, siteBbox));
    if (site.geometry.type === 'Point') {
      const p = site.geometry.coordinates;
      out[site.id] = candidates.find((b) => pointInAreal(p, b.geometry))?.id ?? null;
      continue;
    }
    if (candidates.length && !intersect) continue;
    let best: string | null = null;
    let bestAreaKm2 = 0;
    for (const b of candidates) {
      const overlap = intersect!(site.geometry, b.geometry);
      const a = overlap ? areaKm2(overlap) : 0;
      if (a > bestAreaKm2) {
        bestAreaKm2 = a;
        best = b.id;
      }
    }
    out[site.id] = best;
  }
  return out;
}
