/**
 * Split rings that touch themselves at a vertex ("pinches", which polygon clipping may
 * output where two cells meet at a point) into separate simple rings, so the result is
 * valid for OGC and for Turf's booleanValid. Outer-ring pieces become separate polygons;
 * each hole goes to the piece that contains it.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { Areal } from './polygon-ops.ts';
import { polygonsOf } from './polygon-ops.ts';

const key = (p: Position) => `${p[0]},${p[1]}`;

/** Splits one closed ring at repeated vertices into simple closed rings. */
export function splitRing(ring: Position[]): Position[][] {
  const open = ring.slice(0, -1);
  const out: Position[][] = [];
  const stack: Position[] = [];
  const seen = new Map<string, number>();
  for (const p of open) {
    const k = key(p);
    const at = seen.get(k);
    if (at !== undefined) {
      const loop = stack.splice(at);
      for (const q of loop) seen.delete(key(q));
      if (loop.length >= 3) out.push([...loop, loop[0]]);
    }
    seen.set(k, stack.length);
    stack.push(p);
  }
  if (stack.length >= 3) out.push([...stack, stack[0]]);
  return out;
}

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

export function splitPinches(g: Areal): Areal {
  const polys: Position[][][] = [];
  for (const poly of polygonsOf(g)) {
    const outerSign = Math.sign(signedArea(poly[0]));
    // A pinched outer ring may split into outer pieces and (inverted) loops that are really holes.
    const pieces = splitRing(poly[0]);
    const shells = pieces.filter((r) => Math.sign(signedArea(r)) === outerSign);
    const holes = [...pieces.filter((r) => Math.sign(signedArea(r)) !== outerSign), ...poly.slice(1).flatMap(splitRing)];
    const built = shells.map((s) => [s] as Position[][]);
    for (const h of holes) {
      const inside = built.find((b) => booleanPointInPolygon(interiorProbe(h), { type: 'Polygon', coordinates: [b[0]] }));
      (inside ?? built[0])?.push(h);
    }
    polys.push(...built);
  }
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** A point just inside a hole's edge (the midpoint of its first edge is on the shell only when touching). */
function interiorProbe(ring: Position[]): Position {
  let sx = 0, sy = 0;
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) { sx += ring[i][0]; sy += ring[i][1]; }
  return [sx / n, sy / n];
}

/** How far a shared corner is pulled into its part, in degrees (1e-6° ≈ 0.1 m). */
const SEPARATION_DEG = 1e-6;

/**
 * Parts of a MultiPolygon that meet at a single vertex are valid for OGC but not for Turf's
 * booleanValid (it reads the touch as a crossing). Pull every such shared corner of the later
 * part 0.1 m into that part, so the parts no longer meet; areas change by < 0.01 m².
 */
export function separateTouchingParts(g: Areal): Areal {
  if (g.type !== 'MultiPolygon') return g;
  const seen = new Set<string>();
  const coords: Position[][][] = [];
  for (const poly of g.coordinates) {
    const open = poly[0].slice(0, -1);
    const moved = open.map((p, i) => {
      if (!seen.has(key(p))) return p;
      const prev = open[(i - 1 + open.length) % open.length];
      const next = open[(i + 1) % open.length];
      const mx = (prev[0] + next[0]) / 2 - p[0];
      const my = (prev[1] + next[1]) / 2 - p[1];
      const len = Math.hypot(mx, my) || 1;
      return [p[0] + (mx / len) * SEPARATION_DEG, p[1] + (my / len) * SEPARATION_DEG];
    });
    for (const ring of poly) for (const p of ring) seen.add(key(p));
    coords.push([[...moved, moved[0]], ...poly.slice(1)]);
  }
  return { type: 'MultiPolygon', coordinates: coords };
}
