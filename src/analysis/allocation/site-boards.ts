/**
 * Which board a site belongs to, by location: a point goes to the board that contains it, a
 * polygon to the board it overlaps most (by area). Sites in no board get null: they still
 * count toward the city-wide targets, under "outside the boards".
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { Site } from '../../domain/allocation.ts';
import { areaKm2, bboxOf, type Bbox } from '../../geo/measure.ts';
import { intersectAreal } from '../../geo/polygon-ops.ts';
import { pointInAreal } from '../../geo/point-polygon.ts';

function bboxesOverlap(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * The board id of each site (`null` outside every board), keyed by site id.
 * Ties in overlap go to the board listed first. Cost: one bbox test per board, then a
 * point-in-polygon test or a polygon intersection only for boards whose bbox overlaps.
 */
export function assignSiteBoards(sites: readonly Site[], boards: BoardCollection): Record<string, string | null> {
  const indexed = boards.features.map((f) => ({ id: f.properties.id, geometry: f.geometry, bbox: bboxOf(f.geometry) }));
  const out: Record<string, string | null> = {};
  for (const site of sites) {
    const siteBbox = bboxOf(site.geometry);
    const candidates = indexed.filter((b) => bboxesOverlap(b.bbox, siteBbox));
    if (site.geometry.type === 'Point') {
      const p = site.geometry.coordinates;
      out[site.id] = candidates.find((b) => pointInAreal(p, b.geometry))?.id ?? null;
      continue;
    }
    let best: string | null = null;
    let bestAreaKm2 = 0;
    for (const b of candidates) {
      const overlap = intersectAreal(site.geometry, b.geometry);
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
