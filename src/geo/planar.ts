/**
 * Set operations and areas on planar polygons in metres (a LocalFrame's coordinates),
 * wrapping polyclip-ts (the clipping engine under Turf) so it is called in one place.
 * Every result is MultiPolygon coordinates; an empty result is [].
 */
import { intersection, union } from 'polyclip-ts';

export type PlanarRing = [number, number][];
export type PlanarPolygon = PlanarRing[];
/** MultiPolygon coordinates in metres; [] is empty. */
export type PlanarMultiPolygon = PlanarPolygon[];

/** Signed shoelace area of a ring, m² (positive when counter-clockwise). */
function ringAreaM2(ring: PlanarRing): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Area in m² of planar MultiPolygon coordinates (outer ring minus holes). */
export function planarAreaM2(mp: PlanarMultiPolygon): number {
  let total = 0;
  for (const poly of mp) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringAreaM2(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** a ∩ b in metres; [] when they do not overlap. */
export function planarIntersect(a: PlanarMultiPolygon, b: PlanarMultiPolygon): PlanarMultiPolygon {
  if (a.length === 0 || b.length === 0) return [];
  if (!bboxesOverlap(planarBbox(a), planarBbox(b))) return [];
  return intersection(a, b) as PlanarMultiPolygon;
}

/** Union of planar MultiPolygons in metres; [] for an empty list. */
export function planarUnion(parts: readonly PlanarMultiPolygon[]): PlanarMultiPolygon {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0];
  return union(nonEmpty[0], ...nonEmpty.slice(1)) as PlanarMultiPolygon;
}

export type PlanarBbox = [minX: number, minY: number, maxX: number, maxY: number];

/** Bounding box of planar coordinates, metres. */
export function planarBbox(mp: PlanarMultiPolygon): PlanarBbox {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const poly of mp)
    for (const [x, y] of poly[0] ?? []) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  return [x0, y0, x1, y1];
}

export function bboxesOverlap(a: PlanarBbox, b: PlanarBbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
