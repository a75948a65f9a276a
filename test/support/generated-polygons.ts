/**
 * Seeded generated polygons for checking validity verdicts against an independent implementation:
 * small integer grids make the degenerate cases common (touching vertices, shared and collinear
 * edges, repeated points, holes on the shell, nested rings), beside random rings that cross.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Mulberry32: a small seeded generator (deterministic tests). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const close = (r: Position[]) => [...r, r[0]];

export function generatePolygons(count: number, seed: number): (Polygon | MultiPolygon)[] {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const box = (x: number, y: number, w: number, h: number, cw = true): Position[] => {
    const r: Position[] = [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
    return close(cw ? r : r.reverse());
  };
  /** A random ring of k grid points (often self-intersecting), with a repeated point now and then. */
  const randomRing = (k: number, size: number): Position[] => {
    const pts: Position[] = [];
    for (let i = 0; i < k; i++) {
      pts.push([int(size), int(size)]);
      if (rnd() < 0.15) pts.push([...pts[pts.length - 1]]);
    }
    return close(pts);
  };
  /** A star-shaped ring around (cx, cy): simple by construction unless two radii collapse. */
  const starRing = (cx: number, cy: number, k: number, rMax: number): Position[] => {
    const pts: Position[] = [];
    for (let i = 0; i < k; i++) {
      const a = (2 * Math.PI * i) / k;
      const r = 1 + int(rMax);
      pts.push([cx + Math.round(r * Math.cos(a)), cy + Math.round(r * Math.sin(a))]);
    }
    return close(pts);
  };
  const out: (Polygon | MultiPolygon)[] = [];
  for (let n = 0; n < count; n++) {
    const kind = n % 6;
    if (kind === 0) out.push({ type: 'Polygon', coordinates: [randomRing(4 + int(4), 5)] });
    else if (kind === 1) out.push({ type: 'Polygon', coordinates: [starRing(10, 10, 5 + int(10), 8)] });
    else if (kind === 2) {
      // A shell with 1–3 holes placed on a 0–8 grid: inside, touching, crossing, outside, nested, touching each other.
      const holes = Array.from({ length: 1 + int(3) }, () => box(int(8), int(8), 1 + int(4), 1 + int(4), false));
      out.push({ type: 'Polygon', coordinates: [box(0, 0, 8, 8, false).reverse(), ...holes] });
    } else if (kind === 3) {
      // Two or three boxes as a MultiPolygon: apart, touching at a corner, sharing an edge, overlapping, nested.
      const parts = Array.from({ length: 2 + int(2) }, () => [box(int(6), int(6), 1 + int(4), 1 + int(4), false).reverse()]);
      out.push({ type: 'MultiPolygon', coordinates: parts });
    } else if (kind === 4) {
      // A triangle-ish hole whose vertex may lie on the shell's edge or vertex (the valid touch) or beyond it.
      const v = int(3);
      const tip: Position = v === 0 ? [0, 4] : v === 1 ? [0, 0] : [-1, 4];
      out.push({ type: 'Polygon', coordinates: [box(0, 0, 8, 8, false).reverse(), close([tip, [3, 3], [3, 5]])] });
    } else {
      // A shell with a spike or a pinch (a vertex visited twice).
      const s = int(3);
      const ring = s === 0 ? close([[0, 0], [8, 0], [8, 8], [4, 8], [4, 12], [4, 8], [0, 8]]) : s === 1 ? close([[0, 0], [8, 0], [4, 4], [8, 8], [0, 8], [4, 4]]) : close([[0, 0], [8, 0], [8, 8], [8, 8], [0, 8]]);
      out.push({ type: 'Polygon', coordinates: [ring] });
    }
  }
  return out;
}
