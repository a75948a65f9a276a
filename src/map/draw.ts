/**
 * Drawing a geometry on the map (a generic MapView capability; sites use it). A feature puts a
 * DrawRequest (src/state/map-view.ts) in the store; MapView draws the sketch and calls back:
 * - point: one click places the point;
 * - polygon: each click adds a vertex; double-click, Enter, or a click on the first vertex
 *   (with ≥ 3 vertices) finishes; Backspace removes the last vertex; Esc cancels.
 * Snapping: a vertex placed within `snapPx` screen pixels of one of `snapVertices` (e.g. the
 * corners of other sites and of boards) takes that vertex's exact coordinates, so adjacent
 * polygons share corners. Only vertices snap (not edges); the nearest candidate wins.
 */
import type { Point, Polygon } from 'geojson';

export type LonLat = [number, number];

/**
 * Index of the candidate nearest to `cursor` within `tolerancePx` (all in screen pixels), or
 * null. Ties go to the first candidate.
 */
export function nearestWithin(cursor: { x: number; y: number }, candidates: readonly { x: number; y: number }[], tolerancePx: number): number | null {
  let best: number | null = null;
  let bestD2 = tolerancePx * tolerancePx;
  candidates.forEach((c, i) => {
    const d2 = (c.x - cursor.x) ** 2 + (c.y - cursor.y) ** 2;
    if (d2 <= bestD2 && (best === null || d2 < bestD2)) {
      best = i;
      bestD2 = d2;
    }
  });
  return best;
}

/** A closed polygon ring from the sketch's vertices (≥ 3), dropping consecutive duplicates. */
export function ringFromVertices(vertices: readonly LonLat[]): Polygon | null {
  const v = vertices.filter((p, i) => i === 0 || p[0] !== vertices[i - 1][0] || p[1] !== vertices[i - 1][1]);
  if (v.length > 1 && v[0][0] === v[v.length - 1][0] && v[0][1] === v[v.length - 1][1]) v.pop();
  if (v.length < 3) return null;
  // RFC 7946: exterior rings counter-clockwise (positive shoelace sum in lon/lat).
  let twiceArea = 0;
  for (let i = 0; i < v.length; i++) {
    const [x1, y1] = v[i];
    const [x2, y2] = v[(i + 1) % v.length];
    twiceArea += x1 * y2 - x2 * y1;
  }
  if (twiceArea < 0) v.reverse();
  return { type: 'Polygon', coordinates: [[...v.map((p) => [p[0], p[1]]), [v[0][0], v[0][1]]]] };
}

/** A geometry moved by (dLon, dLat) degrees (a drag on screen; small moves, no reprojection). */
export function translateGeometry<G extends Point | Polygon>(g: G, dLon: number, dLat: number): G {
  const mv = (p: number[]) => [p[0] + dLon, p[1] + dLat];
  if (g.type === 'Point') return { ...g, coordinates: mv(g.coordinates) } as G;
  return { ...g, coordinates: (g as Polygon).coordinates.map((ring) => ring.map(mv)) } as G;
}
