/**
 * Cleaning for the quantised ECharts outlines: drop repeated vertices, exactly collinear
 * vertices (deterministic per vertex, so a border shared by two counties stays shared) and
 * rings left with fewer than three distinct vertices.
 */
import type { Position } from 'geojson';
import type { Areal } from '../../src/geo/polygon-ops.ts';
import { polygonsOf } from '../../src/geo/polygon-ops.ts';

function sameXY(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function collinear(a: Position, b: Position, c: Position): boolean {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) === 0;
}

export function cleanRing(ring: Position[]): Position[] | null {
  const open = ring.slice(0, sameXY(ring[0], ring[ring.length - 1]) ? -1 : undefined);
  const dedup: Position[] = [];
  for (const p of open) if (!dedup.length || !sameXY(dedup[dedup.length - 1], p)) dedup.push(p);
  while (dedup.length > 1 && sameXY(dedup[0], dedup[dedup.length - 1])) dedup.pop();
  let pts = dedup;
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    const next: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const prev = pts[(i - 1 + pts.length) % pts.length];
      const nxt = pts[(i + 1) % pts.length];
      if (collinear(prev, pts[i], nxt)) changed = true;
      else next.push(pts[i]);
    }
    pts = next;
  }
  if (pts.length < 3) return null;
  return [...pts, pts[0]];
}

export function cleanAreal(g: Areal): Areal | null {
  const polys: Position[][][] = [];
  for (const poly of polygonsOf(g)) {
    const outer = cleanRing(poly[0]);
    if (!outer) continue;
    const holes = poly.slice(1).map(cleanRing).filter((r): r is Position[] => r !== null);
    polys.push([outer, ...holes]);
  }
  if (!polys.length) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Round every coordinate to `decimals` places (5 ≈ 1 m). */
export function roundAreal(g: Areal, decimals = 5): Areal {
  const f = 10 ** decimals;
  const r = (p: Position): Position => [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(r)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(r))) };
}
