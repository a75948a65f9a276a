/**
 * Exact area of board ∩ convex cell ∩ disk, without clipping the board: by Green's theorem the
 * boundary of board ∩ cell is (board edges inside the cell) + (cell edges inside the board), and
 * the disk area is a sum over those directed pieces (diskSegmentArea). The pieces do not depend
 * on the radius, so they are collected once (boardCellSegments) and measured per radius. Only
 * board edges in the grid cells the facility cell touches are visited.
 */
import { boardContains, rectSum, type BoardShape } from './board-shape.ts';
import { SegmentList } from './segment-list.ts';

// Scratch reused across calls (the engine is single-threaded per worker): edge ids found near
// the cell, and crossing parameters along one cell edge.
let edges = new Int32Array(256);
const ts: number[] = [];
let clipT0 = 0;
let clipT1 = 1;

/** Clip segment a→b to a convex counter-clockwise polygon: sets [clipT0, clipT1] along it; false when outside. */
function clipToConvex(cell: ArrayLike<number>, n: number, ax: number, ay: number, bx: number, by: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    const ux = cell[2 * i];
    const uy = cell[2 * i + 1];
    const vx = cell[2 * j] - ux;
    const vy = cell[2 * j + 1] - uy;
    const num = vx * (ay - uy) - vy * (ax - ux);
    const den = vx * dy - vy * dx;
    if (den === 0) {
      if (num < 0) return false;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  clipT0 = t0;
  clipT1 = t1;
  return true;
}

/**
 * Append to `out` the directed boundary of board ∩ cell, relative to (cx, cy). `cell` is convex,
 * counter-clockwise, flat, with n ≥ 3 vertices and bounding box minX … maxY (local metres).
 */
export function boardCellSegments(
  b: BoardShape,
  cell: ArrayLike<number>,
  n: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  cx: number,
  cy: number,
  out: SegmentList,
): void {
  if (maxX < b.minX || minX > b.maxX || maxY < b.minY || minY > b.maxY || b.ex0.length === 0) return;
  const c0 = Math.max(0, Math.floor((minX - b.minX) / b.cellW));
  const c1 = Math.min(b.cols - 1, Math.floor((maxX - b.minX) / b.cellW));
  const r0 = Math.max(0, Math.floor((minY - b.minY) / b.cellH));
  const r1 = Math.min(b.rows - 1, Math.floor((maxY - b.minY) / b.cellH));
  // Grid cells without edges are wholly inside or outside; with no board edge near it, the
  // (connected) facility cell cannot cross the boundary, so it is all in or all out.
  if (rectSum(b, b.edgeCellsSat, r0, r1, c0, c1) === 0) {
    if (rectSum(b, b.insideSat, r0, r1, c0, c1) > 0) for (let i = 0, j = n - 1; i < n; j = i++) out.push(cell[2 * j] - cx, cell[2 * j + 1] - cy, cell[2 * i] - cx, cell[2 * i + 1] - cy);
    return;
  }
  let ne = 0;
  const id = ++b.stampId;
  for (let rr = r0; rr <= r1; rr++) {
    for (let cc = c0; cc <= c1; cc++) {
      const g = rr * b.cols + cc;
      for (let k = b.cellStart[g]; k < b.cellStart[g + 1]; k++) {
        const e = b.cellEdges[k];
        if (b.stamp[e] !== id) {
          b.stamp[e] = id;
          if (ne === edges.length) {
            const grown = new Int32Array(2 * ne);
            grown.set(edges);
            edges = grown;
          }
          edges[ne++] = e;
        }
      }
    }
  }
  // Board edges inside the cell.
  let anyEdgeInCell = false;
  for (let k = 0; k < ne; k++) {
    const e = edges[k];
    const ax = b.ex0[e];
    const ay = b.ey0[e];
    const bx = b.ex1[e];
    const by = b.ey1[e];
    if (!clipToConvex(cell, n, ax, ay, bx, by)) continue;
    anyEdgeInCell = true;
    const dx = bx - ax;
    const dy = by - ay;
    out.push(ax + clipT0 * dx - cx, ay + clipT0 * dy - cy, ax + clipT1 * dx - cx, ay + clipT1 * dy - cy);
  }
  let inside = boardContains(b, cell[0], cell[1]);
  // No board edge meets the cell (edges near it, e.g. a neighbouring board's, pass by): the cell
  // boundary crosses none, so the cell is wholly inside or outside, as for a rectangle without edges.
  if (!anyEdgeInCell) {
    if (inside) for (let i = 0, j = n - 1; i < n; j = i++) out.push(cell[2 * j] - cx, cell[2 * j + 1] - cy, cell[2 * i] - cx, cell[2 * i + 1] - cy);
    return;
  }
  // Cell edges inside the board: walk the cell's boundary, toggling at each board edge crossed.
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    const px = cell[2 * i];
    const py = cell[2 * i + 1];
    const qx = cell[2 * j];
    const qy = cell[2 * j + 1];
    const dx = qx - px;
    const dy = qy - py;
    ts.length = 0;
    for (let k = 0; k < ne; k++) {
      const e = edges[k];
      const ax = b.ex0[e];
      const ay = b.ey0[e];
      const ex = b.ex1[e] - ax;
      const ey = b.ey1[e] - ay;
      // Half-open side test on the board edge's endpoints against the line p→q (as boardContains).
      const sa = dx * (ay - py) - dy * (ax - px) > 0;
      const sb = dx * (ay + ey - py) - dy * (ax + ex - px) > 0;
      if (sa === sb) continue;
      const den = dx * ey - dy * ex;
      if (den === 0) continue;
      const t = ((ax - px) * ey - (ay - py) * ex) / den;
      if (t >= 0 && t < 1) ts.push(t);
    }
    if (ts.length > 1) ts.sort((a, c) => a - c);
    let from = 0;
    for (const t of ts) {
      if (inside) out.push(px + from * dx - cx, py + from * dy - cy, px + t * dx - cx, py + t * dy - cy);
      inside = !inside;
      from = t;
    }
    if (inside) out.push(px + from * dx - cx, py + from * dy - cy, qx - cx, qy - cy);
  }
}

const scratch = new SegmentList();

/** Area (m²) of board ∩ cell ∩ disk((cx, cy), r). `cell` is convex, counter-clockwise, flat. */
export function boardCellDiskArea(b: BoardShape, cell: number[], cx: number, cy: number, r: number): number {
  const n = cell.length / 2;
  if (n < 3) return 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < cell.length; i += 2) {
    minX = Math.min(minX, cell[i]);
    maxX = Math.max(maxX, cell[i]);
    minY = Math.min(minY, cell[i + 1]);
    maxY = Math.max(maxY, cell[i + 1]);
  }
  scratch.n = 0;
  boardCellSegments(b, cell, n, minX, minY, maxX, maxY, cx, cy, scratch);
  return scratch.diskArea(0, scratch.n, r);
}
