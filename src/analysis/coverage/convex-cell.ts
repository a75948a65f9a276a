/**
 * Convex polygons as flat counter-clockwise [x0, y0, x1, y1, …] arrays (first vertex not repeated):
 * the square around a facility clipped by perpendicular bisectors, i.e. its Voronoi cell limited
 * to the square of its radius. Within the radius this equals the true Voronoi cell.
 */

/** The axis-aligned square of half-side r around (cx, cy), counter-clockwise. */
export function squareAround(cx: number, cy: number, r: number): number[] {
  return [cx - r, cy - r, cx + r, cy - r, cx + r, cy + r, cx - r, cy + r];
}

/** Keep the part of the convex polygon where nx·x + ny·y ≤ c (Sutherland–Hodgman, one plane). */
export function clipHalfPlane(poly: number[], nx: number, ny: number, c: number): number[] {
  const n = poly.length / 2;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const ax = poly[2 * i];
    const ay = poly[2 * i + 1];
    const bx = poly[2 * j];
    const by = poly[2 * j + 1];
    const da = nx * ax + ny * ay - c;
    const db = nx * bx + ny * by - c;
    if (da <= 0) out.push(ax, ay);
    if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
      const t = da / (da - db);
      out.push(ax + t * (bx - ax), ay + t * (by - ay));
    }
  }
  return out.length >= 6 ? out : [];
}

/** Clip `poly` to the half-plane of points at least as close to p as to q (p ≠ q). */
export function clipBisector(poly: number[], px: number, py: number, qx: number, qy: number): number[] {
  const nx = qx - px;
  const ny = qy - py;
  return clipHalfPlane(poly, nx, ny, (nx * (px + qx) + ny * (py + qy)) / 2);
}

/** Largest distance (m) from (cx, cy) to a vertex of the polygon; 0 for an empty one. */
export function maxVertexDistance(poly: number[], cx: number, cy: number): number {
  let m2 = 0;
  for (let i = 0; i < poly.length; i += 2) m2 = Math.max(m2, (poly[i] - cx) ** 2 + (poly[i + 1] - cy) ** 2);
  return Math.sqrt(m2);
}

export interface Neighbour {
  x: number;
  y: number;
  /** Facility index, for the tie-break between coincident facilities. */
  index: number;
}

/**
 * The cell of facility `index` at (px, py) within the square of half-side r: the square clipped by
 * the bisector with each neighbour. Neighbours may be any superset of the Voronoi neighbours within
 * 2√2·r; they are processed nearest first and the loop stops once no further bisector can reach
 * the polygon. Coincident facilities: the lowest index keeps the cell, the others get none.
 */
export function facilityCell(px: number, py: number, index: number, r: number, neighbours: Neighbour[]): number[] {
  const sorted = neighbours
    .map((q) => ({ q, d2: (q.x - px) ** 2 + (q.y - py) ** 2 }))
    .sort((a, b) => a.d2 - b.d2);
  let poly = squareAround(px, py, r);
  for (const { q, d2 } of sorted) {
    if (q.index === index) continue;
    if (d2 === 0) {
      if (q.index < index) return [];
      continue;
    }
    const reach = maxVertexDistance(poly, px, py);
    if (Math.sqrt(d2) / 2 > reach) break;
    poly = clipBisector(poly, px, py, q.x, q.y);
    if (poly.length === 0) return poly;
  }
  return poly;
}
