/**
 * Exact area of board ∩ convex cell ∩ disk, without clipping the board: by Green's theorem the
 * boundary of board ∩ cell is (board edges inside the cell) + (cell edges inside the board), and
 * the disk area is a sum over those directed pieces (diskSegmentArea). Only board edges in the grid
 * cells the facility cell touches are visited.
 */
import { boardContains, type BoardShape } from './board-shape.ts';
import { diskSegmentArea, ringDiskArea } from './disk-segment.ts';

/** Clip segment a→b to a convex counter-clockwise polygon: [t0, t1] along it, or null. */
function clipToConvex(cell: number[], ax: number, ay: number, bx: number, by: number): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const n = cell.length / 2;
  const dx = bx - ax;
  const dy = by - ay;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const ux = cell[2 * i];
    const uy = cell[2 * i + 1];
    const vx = cell[2 * j] - ux;
    const vy = cell[2 * j + 1] - uy;
    const num = vx * (ay - uy) - vy * (ax - ux);
    const den = vx * dy - vy * dx;
    if (den === 0) {
      if (num < 0) return null;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return null;
  }
  return [t0, t1];
}

/**
 * Area (m²) of board ∩ cell ∩ disk((cx, cy), r). `cell` is convex, counter-clockwise, flat.
 */
export function boardCellDiskArea(b: BoardShape, cell: number[], cx: number, cy: number, r: number): number {
  if (cell.length < 6) return 0;
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
  if (maxX < b.minX || minX > b.maxX || maxY < b.minY || minY > b.maxY || b.ex0.length === 0) return 0;
  const c0 = Math.max(0, Math.floor((minX - b.minX) / b.cellW));
  const c1 = Math.min(b.cols - 1, Math.floor((maxX - b.minX) / b.cellW));
  const r0 = Math.max(0, Math.floor((minY - b.minY) / b.cellH));
  const r1 = Math.min(b.rows - 1, Math.floor((maxY - b.minY) / b.cellH));
  const edges: number[] = [];
  const id = ++b.stampId;
  let anyInside = false;
  for (let rr = r0; rr <= r1; rr++) {
    for (let cc = c0; cc <= c1; cc++) {
      const g = rr * b.cols + cc;
      if (b.centreInside[g]) anyInside = true;
      for (let k = b.cellStart[g]; k < b.cellStart[g + 1]; k++) {
        const e = b.cellEdges[k];
        if (b.stamp[e] !== id) {
          b.stamp[e] = id;
          edges.push(e);
        }
      }
    }
  }
  // Grid cells without edges are wholly inside or outside; with no board edge near it, the
  // (connected) facility cell cannot cross the boundary, so it is all in or all out.
  if (edges.length === 0) return anyInside ? ringDiskArea(cell, cx, cy, r) : 0;
  let sum = 0;
  // Board edges inside the cell.
  for (const e of edges) {
    const ax = b.ex0[e];
    const ay = b.ey0[e];
    const bx = b.ex1[e];
    const by = b.ey1[e];
    const t = clipToConvex(cell, ax, ay, bx, by);
    if (!t) continue;
    const dx = bx - ax;
    const dy = by - ay;
    sum += diskSegmentArea(ax + t[0] * dx - cx, ay + t[0] * dy - cy, ax + t[1] * dx - cx, ay + t[1] * dy - cy, r);
  }
  // Cell edges inside the board: walk the cell's boundary, toggling at each board edge crossed.
  const n = cell.length / 2;
  let inside = boardContains(b, cell[0], cell[1]);
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const px = cell[2 * i];
    const py = cell[2 * i + 1];
    const qx = cell[2 * j];
    const qy = cell[2 * j + 1];
    const dx = qx - px;
    const dy = qy - py;
    ts.length = 0;
    for (const e of edges) {
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
    ts.sort((a, c) => a - c);
    let from = 0;
    for (const t of ts) {
      if (inside) sum += diskSegmentArea(px + from * dx - cx, py + from * dy - cy, px + t * dx - cx, py + t * dy - cy, r);
      inside = !inside;
      from = t;
    }
    if (inside) sum += diskSegmentArea(px + from * dx - cx, py + from * dy - cy, qx - cx, qy - cy, r);
  }
  return sum;
}
