/**
 * Exact area of a polygon ∩ disk by Green's theorem: the signed area of triangle
 * (centre, a, b) ∩ disk, summed over the polygon's directed edges, is the area of
 * polygon ∩ disk (counter-clockwise rings positive). The sum is linear in the edges, so any set
 * of directed segments that closes up around a region gives that region's disk area.
 */

/**
 * Signed area (m²) of triangle (origin, a, b) ∩ disk of radius r centred at the origin.
 * Coordinates are relative to the disk centre.
 */
export function diskSegmentArea(ax: number, ay: number, bx: number, by: number, r: number): number {
  const r2 = r * r;
  const dx = bx - ax;
  const dy = by - ay;
  const a2 = ax * ax + ay * ay;
  const b2 = bx * bx + by * by;
  const aIn = a2 <= r2;
  const bIn = b2 <= r2;
  if (aIn && bIn) return (ax * by - ay * bx) / 2;
  // Intersections of a + t (b − a) with the circle: t² |d|² + 2t (a·d) + |a|² − r² = 0.
  const dd = dx * dx + dy * dy;
  if (dd === 0) return 0;
  const ad = ax * dx + ay * dy;
  const disc = ad * ad - dd * (a2 - r2);
  if (disc <= 0) return sector(ax, ay, bx, by, r2);
  const s = Math.sqrt(disc);
  const t1 = Math.max(0, Math.min(1, (-ad - s) / dd));
  const t2 = Math.max(0, Math.min(1, (-ad + s) / dd));
  const p1x = ax + t1 * dx;
  const p1y = ay + t1 * dy;
  const p2x = ax + t2 * dx;
  const p2y = ay + t2 * dy;
  // a → p1 outside (sector), p1 → p2 inside (triangle), p2 → b outside (sector); empty pieces vanish.
  return sector(ax, ay, p1x, p1y, r2) + (p1x * p2y - p1y * p2x) / 2 + sector(p2x, p2y, bx, by, r2);
}

/** Signed area (m²) of the disk sector (radius² r2) between directions p and q. A top-level function, not a closure, so the hot path allocates nothing. */
function sector(px: number, py: number, qx: number, qy: number, r2: number): number {
  return (r2 * Math.atan2(px * qy - py * qx, px * qx + py * qy)) / 2;
}

