/**
 * Polygon validity as OGC Simple Features and GEOS define it, in near-linear time: every segment
 * goes into a static R-tree (flatbush) and only segments whose boxes meet are compared, with exact
 * orientation tests (robust-predicates). Valid, as in GEOS: repeated consecutive points, rings of
 * one polygon touching at single points (a hole touching its shell or another hole), the polygons of
 * a MultiPolygon touching at points. Invalid: rings with fewer than 3 distinct points, crossing or
 * overlapping segments, a ring touching itself, rings touching at two or more points (or in a cycle:
 * a disconnected interior), a hole outside its shell or inside another hole, nested shells.
 * Coordinates are planar (degrees or metres alike); a result names the reason and a position.
 */
import Flatbush from 'flatbush';
import { orient2d } from 'robust-predicates';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const INVALIDITY_REASONS = [
  'too-few-points',
  'self-intersection',
  'ring-self-intersection',
  'interior-disconnected',
  'hole-outside-shell',
  'nested-holes',
  'nested-shells',
] as const;
export type InvalidityReason = (typeof INVALIDITY_REASONS)[number];

export type PolygonValidity = { valid: true } | { valid: false; reason: InvalidityReason; at: Position };

/** Rings (deduplicated, closed) in flat arrays: ring r spans points start[r] .. start[r + 1] - 1. */
interface Rings {
  x: Float64Array;
  y: Float64Array;
  /** First point of each ring, plus one past the last ring's end. */
  start: Int32Array;
  /** Polygon of each ring; a polygon's first ring is its shell. */
  polygonOf: Int32Array;
  /** First ring of each polygon, plus one past the last. */
  polygonStart: Int32Array;
}

function flatten(polygons: readonly Position[][][]): Rings | { tooFew: Position } {
  let n = 0;
  let rings = 0;
  for (const p of polygons) {
    for (const r of p) {
      n += r.length + 1;
      rings++;
    }
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const start = new Int32Array(rings + 1);
  const polygonOf = new Int32Array(rings);
  const polygonStart = new Int32Array(polygons.length + 1);
  let k = 0;
  let r = 0;
  for (let pi = 0; pi < polygons.length; pi++) {
    polygonStart[pi] = r;
    for (const ring of polygons[pi]) {
      start[r] = k;
      polygonOf[r] = pi;
      for (const p of ring) {
        if (k > start[r] && x[k - 1] === p[0] && y[k - 1] === p[1]) continue;
        x[k] = p[0];
        y[k] = p[1];
        k++;
      }
      // Closed: the last point equals the first (structure checks made sure; keep it robust).
      if (x[k - 1] !== x[start[r]] || y[k - 1] !== y[start[r]]) {
        x[k] = x[start[r]];
        y[k] = y[start[r]];
        k++;
      }
      if (k - start[r] < 4) return { tooFew: [x[start[r]], y[start[r]]] };
      r++;
    }
  }
  start[r] = k;
  polygonStart[polygons.length] = r;
  return { x, y, start, polygonOf, polygonStart };
}

/** The validity of a Polygon or MultiPolygon (coordinates already structurally sound). */
export function polygonValidity(g: Polygon | MultiPolygon): PolygonValidity {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const flat = flatten(polygons);
  if ('tooFew' in flat) return { valid: false, reason: 'too-few-points', at: flat.tooFew };
  return new Checker(flat).run();
}

/** True when the geometry is valid (see polygonValidity). */
export function isValidPolygonal(g: Polygon | MultiPolygon): boolean {
  return polygonValidity(g).valid;
}

/* Plain (TypeScript-private) members: #private fields are down-levelled to WeakMaps by some runners, 40× slower here. */
class Checker {
  private readonly _r: Rings;
  /** Segment i runs from point segStart[i] to segStart[i] + 1; ringOfSeg[i] is its ring. */
  private readonly _segPoint: Int32Array;
  private readonly _ringOfSeg: Int32Array;
  private _index!: Flatbush;
  private _failure: PolygonValidity | null = null;
  /** Touch points between two rings of one polygon: "ringA|ringB" → distinct points as "x,y". */
  readonly _touches = new Map<string, Set<string>>();

  constructor(r: Rings) {
    this._r = r;
    const rings = r.start.length - 1;
    const segs = r.start[rings] - rings;
    this._segPoint = new Int32Array(segs);
    this._ringOfSeg = new Int32Array(segs);
    let s = 0;
    for (let ring = 0; ring < rings; ring++) {
      for (let p = r.start[ring]; p < r.start[ring + 1] - 1; p++) {
        this._segPoint[s] = p;
        this._ringOfSeg[s] = ring;
        s++;
      }
    }
  }

  run(): PolygonValidity {
    const { x, y } = this._r;
    const n = this._segPoint.length;
    const index = new Flatbush(Math.max(1, n));
    for (let i = 0; i < n; i++) {
      const p = this._segPoint[i];
      index.add(Math.min(x[p], x[p + 1]), Math.min(y[p], y[p + 1]), Math.max(x[p], x[p + 1]), Math.max(y[p], y[p + 1]));
    }
    if (n === 0) index.add(0, 0, 0, 0);
    index.finish();
    this._index = index;
    // One callback for every query (no closure per segment): it compares the current segment with later ones.
    let i = 0;
    const visit = (j: number) => {
      if (j > i && this._failure === null) this._pair(i, j);
      return false;
    };
    for (; i < n && this._failure === null; i++) {
      const p = this._segPoint[i];
      const x0 = x[p], x1 = x[p + 1], y0 = y[p], y1 = y[p + 1];
      index.search(x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1, x0 < x1 ? x1 : x0, y0 < y1 ? y1 : y0, visit);
    }
    if (this._failure) return this._failure;
    return this._connectivity() ?? this._containment() ?? { valid: true };
  }

  private _fail(reason: InvalidityReason, at: Position): void {
    this._failure ??= { valid: false, reason, at };
  }

  /** Segments i and j of one ring share a vertex (consecutive, or last and first). */
  private _adjacent(i: number, j: number): boolean {
    if (this._ringOfSeg[i] !== this._ringOfSeg[j]) return false;
    if (j - i === 1) return true;
    const ring = this._ringOfSeg[i];
    const first = this._r.start[ring];
    const last = this._r.start[ring + 1] - 2;
    return this._segPoint[i] === first && this._segPoint[j] === last;
  }

  private _pair(i: number, j: number): void {
    const { x, y } = this._r;
    const a = this._segPoint[i];
    const b = this._segPoint[j];
    const ax = x[a], ay = y[a], bx = x[a + 1], by = y[a + 1], cx = x[b], cy = y[b], dx = x[b + 1], dy = y[b + 1];
    const o1 = Math.sign(orient2d(ax, ay, bx, by, cx, cy));
    const o2 = Math.sign(orient2d(ax, ay, bx, by, dx, dy));
    if (o1 * o2 > 0) return;
    const o3 = Math.sign(orient2d(cx, cy, dx, dy, ax, ay));
    const o4 = Math.sign(orient2d(cx, cy, dx, dy, bx, by));
    if (o3 * o4 > 0) return;
    const adjacent = this._adjacent(i, j);
    if (o1 === 0 && o2 === 0) {
      // Collinear: overlapping along a stretch is invalid (a spike, a shared edge); touching ends is a touch.
      const alongX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
      const [a0, a1] = alongX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
      const [b0, b1] = alongX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
      const lo = Math.max(a0, b0);
      const hi = Math.min(a1, b1);
      if (lo > hi) return;
      if (lo < hi) return this._fail('self-intersection', alongX ? [lo, ay + ((lo - ax) * (by - ay)) / (bx - ax || 1)] : [ax + ((lo - ay) * (bx - ax)) / (by - ay || 1), lo]);
      // One shared end point.
      const t: Position = (alongX ? lo === ax : lo === ay) ? [ax, ay] : (alongX ? lo === bx : lo === by) ? [bx, by] : (alongX ? lo === cx : lo === cy) ? [cx, cy] : [dx, dy];
      if (!adjacent) this._touch(i, j, t);
      return;
    }
    if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
      // A proper crossing.
      const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
      return this._fail('self-intersection', [ax + t * (bx - ax), ay + t * (by - ay)]);
    }
    if (adjacent) return; // They meet at their shared vertex only (collinear backtracking was handled above).
    const t: Position = o1 === 0 ? [cx, cy] : o2 === 0 ? [dx, dy] : o3 === 0 ? [ax, ay] : [bx, by];
    this._touch(i, j, t);
  }

  private _touch(i: number, j: number, at: Position): void {
    const ri = this._ringOfSeg[i];
    const rj = this._ringOfSeg[j];
    if (ri === rj) return this._fail('ring-self-intersection', at);
    const { polygonOf } = this._r;
    if (polygonOf[ri] !== polygonOf[rj]) return; // Polygons of a MultiPolygon may touch at points.
    const key = ri < rj ? `${ri}|${rj}` : `${rj}|${ri}`;
    let set = this._touches.get(key);
    if (!set) this._touches.set(key, (set = new Set()));
    set.add(`${at[0]},${at[1]}`);
    if (set.size > 1) this._fail('interior-disconnected', at);
  }

  /** Rings of a polygon touching in a cycle (shell–hole–hole–shell) cut its interior in two. */
  private _connectivity(): PolygonValidity | null {
    const parent = new Int32Array(this._r.start.length - 1).map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (const [key, points] of this._touches) {
      const [a, b] = key.split('|').map(Number);
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) return { valid: false, reason: 'interior-disconnected', at: [...points][0].split(',').map(Number) };
      parent[ra] = rb;
    }
    return null;
  }

  /**
   * Where a point lies against ring `ring`: 1 inside, -1 outside, 0 on its boundary. A winding
   * number over the segments the index finds along the ray to +x.
   */
  private _side(px: number, py: number, ring: number): number {
    const { x, y } = this._r;
    let wn = 0;
    let boundary = false;
    this._index.search(px, py, Infinity, py, (s) => {
      if (boundary || this._ringOfSeg[s] !== ring) return false;
      const p = this._segPoint[s];
      const [ax, ay, bx, by] = [x[p], y[p], x[p + 1], y[p + 1]];
      const o = -orient2d(ax, ay, bx, by, px, py); // > 0: the point is left of a→b
      if (o === 0 && px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by)) boundary = true;
      else if (ay <= py) {
        if (by > py && o > 0) wn++;
      } else if (by <= py && o < 0) wn--;
      return false;
    });
    return boundary ? 0 : wn !== 0 ? 1 : -1;
  }

  /** A vertex of `ring` strictly inside or outside `other` (rings that do not cross have one), and that side. */
  private _sideOfRing(ring: number, other: number): { side: number; at: Position } | null {
    const { x, y, start } = this._r;
    for (let p = start[ring]; p < start[ring + 1] - 1; p++) {
      const side = this._side(x[p], y[p], other);
      if (side !== 0) return { side, at: [x[p], y[p]] };
    }
    return null;
  }

  private _bbox(ring: number): [number, number, number, number] {
    const { x, y, start } = this._r;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let p = start[ring]; p < start[ring + 1]; p++) {
      w = Math.min(w, x[p]);
      e = Math.max(e, x[p]);
      s = Math.min(s, y[p]);
      n = Math.max(n, y[p]);
    }
    return [w, s, e, n];
  }

  private _containment(): PolygonValidity | null {
    const { polygonStart } = this._r;
    const polygons = polygonStart.length - 1;
    const rings = this._r.start.length - 1;
    const boxes = Array.from({ length: rings }, (_, r) => this._bbox(r));
    const within = (a: number[], b: number[]) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];
    for (let pi = 0; pi < polygons; pi++) {
      const shell = polygonStart[pi];
      const holes: number[] = [];
      for (let h = shell + 1; h < polygonStart[pi + 1]; h++) holes.push(h);
      for (const h of holes) {
        const s = within(boxes[h], boxes[shell]) ? this._sideOfRing(h, shell) : { side: -1, at: [this._r.x[this._r.start[h]], this._r.y[this._r.start[h]]] };
        if (s && s.side < 0) return { valid: false, reason: 'hole-outside-shell', at: s.at };
      }
      // Nested holes: only holes whose boxes nest can nest (a sort by area keeps this near-linear in practice).
      for (const h of holes) {
        for (const k of holes) {
          if (h === k || !within(boxes[h], boxes[k])) continue;
          const s = this._sideOfRing(h, k);
          if (s && s.side > 0) return { valid: false, reason: 'nested-holes', at: s.at };
        }
      }
    }
    // Nested shells: a shell inside another polygon (inside its shell and in none of its holes).
    if (polygons > 1) {
      const shellBoxes = new Flatbush(polygons);
      for (let pi = 0; pi < polygons; pi++) shellBoxes.add(...boxes[polygonStart[pi]]);
      shellBoxes.finish();
      for (let pi = 0; pi < polygons; pi++) {
        const shell = polygonStart[pi];
        const [w, s, e, n] = boxes[shell];
        for (const qi of shellBoxes.search(w, s, e, n)) {
          if (qi === pi || !within(boxes[shell], boxes[polygonStart[qi]])) continue;
          const inShell = this._sideOfRing(shell, polygonStart[qi]);
          if (!inShell || inShell.side < 0) continue;
          let inHole = false;
          for (let h = polygonStart[qi] + 1; h < polygonStart[qi + 1] && !inHole; h++) {
            if (!within(boxes[shell], boxes[h])) continue;
            const sh = this._sideOfRing(shell, h);
            inHole = !sh || sh.side > 0;
          }
          if (!inHole) return { valid: false, reason: 'nested-shells', at: inShell.at };
        }
      }
    }
    return null;
  }
}
