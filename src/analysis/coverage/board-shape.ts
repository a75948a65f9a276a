/**
 * A board polygon in the local frame, prepared for many "area of board ∩ convex cell ∩ disk"
 * queries: directed edges (interior on the left: outer rings counter-clockwise, holes clockwise),
 * and a uniform grid listing the edges crossing each grid cell plus whether each grid cell's
 * centre is inside. Cells with no edge are wholly inside or outside, so most facility cells are
 * answered without touching the board's edges.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { project, type LocalFrame } from './local-frame.ts';

const GRID_CELLS = 64;

export interface BoardShape {
  /** Edge endpoints: edge e runs (ex0[e], ey0[e]) → (ex1[e], ey1[e]). */
  ex0: Float64Array;
  ey0: Float64Array;
  ex1: Float64Array;
  ey1: Float64Array;
  areaM2: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cols: number;
  rows: number;
  cellW: number;
  cellH: number;
  /** CSR lists: edges of grid cell c are cellEdges[cellStart[c] … cellStart[c + 1]). */
  cellStart: Int32Array;
  cellEdges: Int32Array;
  /** 1 when the grid cell's centre is inside the board. */
  centreInside: Uint8Array;
  /**
   * Summed-area tables over the grid ((rows + 1) × (cols + 1), row-major): grid cells with at
   * least one edge, and grid cells whose centre is inside, so a query rectangle with no edge is
   * answered in O(1) instead of a walk over its grid cells.
   */
  edgeCellsSat: Int32Array;
  insideSat: Int32Array;
  /** Scratch stamps for de-duplicating edges in a query. */
  stamp: Int32Array;
  stampId: number;
}

function signedArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s / 2;
}

/** Prepare a Polygon/MultiPolygon (lon/lat) for coverage queries. */
export function boardShape(geometry: Polygon | MultiPolygon, frame: LocalFrame): BoardShape {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const x0: number[] = [];
  const y0: number[] = [];
  const x1: number[] = [];
  const y1: number[] = [];
  let areaM2 = 0;
  for (const poly of polys) {
    poly.forEach((lonLatRing, k) => {
      let ring = lonLatRing.map((p) => project(frame, p));
      const last = ring[ring.length - 1];
      if (ring.length > 1 && last[0] === ring[0][0] && last[1] === ring[0][1]) ring = ring.slice(0, -1);
      if (ring.length < 3) return;
      const a = signedArea(ring);
      const wantPositive = k === 0;
      if (a > 0 !== wantPositive) ring.reverse();
      areaM2 += wantPositive ? Math.abs(a) : -Math.abs(a);
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        x0.push(ring[j][0]);
        y0.push(ring[j][1]);
        x1.push(ring[i][0]);
        y1.push(ring[i][1]);
      }
    });
  }
  const n = x0.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let e = 0; e < n; e++) {
    minX = Math.min(minX, x0[e]);
    maxX = Math.max(maxX, x0[e]);
    minY = Math.min(minY, y0[e]);
    maxY = Math.max(maxY, y0[e]);
  }
  const cols = n ? GRID_CELLS : 1;
  const rows = n ? GRID_CELLS : 1;
  const cellW = n ? (maxX - minX) / cols || 1 : 1;
  const cellH = n ? (maxY - minY) / rows || 1 : 1;
  // Bucket edges by the grid cells their bounding boxes touch (a superset of the cells they cross).
  const lists: number[][] = Array.from({ length: cols * rows }, () => []);
  const col = (x: number) => Math.max(0, Math.min(cols - 1, Math.floor((x - minX) / cellW)));
  const row = (y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - minY) / cellH)));
  for (let e = 0; e < n; e++) {
    const c0 = col(Math.min(x0[e], x1[e]));
    const c1 = col(Math.max(x0[e], x1[e]));
    const r0 = row(Math.min(y0[e], y1[e]));
    const r1 = row(Math.max(y0[e], y1[e]));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) lists[r * cols + c].push(e);
  }
  const cellStart = new Int32Array(cols * rows + 1);
  for (let c = 0; c < lists.length; c++) cellStart[c + 1] = cellStart[c] + lists[c].length;
  const cellEdges = new Int32Array(cellStart[lists.length]);
  lists.forEach((l, c) => cellEdges.set(l, cellStart[c]));
  // Centre statuses by scanline: crossings of each row's centre line, even–odd.
  const centreInside = new Uint8Array(cols * rows);
  for (let r = 0; r < rows && n; r++) {
    const y = minY + (r + 0.5) * cellH;
    const xs: number[] = [];
    for (let e = 0; e < n; e++) {
      if (y0[e] > y !== y1[e] > y) xs.push(x0[e] + ((y - y0[e]) / (y1[e] - y0[e])) * (x1[e] - x0[e]));
    }
    xs.sort((a, b) => a - b);
    let k = 0;
    for (let c = 0; c < cols; c++) {
      const x = minX + (c + 0.5) * cellW;
      while (k < xs.length && xs[k] < x) k++;
      centreInside[r * cols + c] = k % 2;
    }
  }
  const edgeCellsSat = new Int32Array((rows + 1) * (cols + 1));
  const insideSat = new Int32Array((rows + 1) * (cols + 1));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const g = r * cols + c;
      const at = (r + 1) * (cols + 1) + c + 1;
      const up = r * (cols + 1) + c + 1;
      edgeCellsSat[at] = (lists[g].length > 0 ? 1 : 0) + edgeCellsSat[at - 1] + edgeCellsSat[up] - edgeCellsSat[up - 1];
      insideSat[at] = centreInside[g] + insideSat[at - 1] + insideSat[up] - insideSat[up - 1];
    }
  }
  return {
    ex0: Float64Array.from(x0),
    ey0: Float64Array.from(y0),
    ex1: Float64Array.from(x1),
    ey1: Float64Array.from(y1),
    areaM2,
    minX,
    minY,
    maxX,
    maxY,
    cols,
    rows,
    cellW,
    cellH,
    cellStart,
    cellEdges,
    centreInside,
    edgeCellsSat,
    insideSat,
    stamp: new Int32Array(n),
    stampId: 0,
  };
}

/** Sum of a summed-area table over grid rows r0 … r1 and columns c0 … c1 (inclusive). */
export function rectSum(b: BoardShape, sat: Int32Array, r0: number, r1: number, c0: number, c1: number): number {
  const w = b.cols + 1;
  return sat[(r1 + 1) * w + c1 + 1] - sat[r0 * w + c1 + 1] - sat[(r1 + 1) * w + c0] + sat[r0 * w + c0];
}

/**
 * Whether the segment p→q crosses the edge a→b. Half-open on the edge's side test (a vertex
 * exactly on the line p→q counts as on the negative side), so a segment through a shared vertex
 * counts one crossing when it passes and none or two when it touches: parity stays right.
 */
export function segmentsCross(px: number, py: number, qx: number, qy: number, ax: number, ay: number, bx: number, by: number): boolean {
  const dx = qx - px;
  const dy = qy - py;
  const sa = dx * (ay - py) - dy * (ax - px) > 0;
  const sb = dx * (by - py) - dy * (bx - px) > 0;
  if (sa === sb) return false;
  const ex = bx - ax;
  const ey = by - ay;
  const den = dx * ey - dy * ex;
  if (den === 0) return false;
  const t = ((ax - px) * ey - (ay - py) * ex) / den;
  return t >= 0 && t < 1;
}

/** Whether (x, y) (local metres) lies inside the board: the grid cell centre's status, toggled per edge crossed on the way there. */
export function boardContains(b: BoardShape, x: number, y: number): boolean {
  if (x < b.minX || x > b.maxX || y < b.minY || y > b.maxY || b.ex0.length === 0) return false;
  const c = Math.min(b.cols - 1, Math.floor((x - b.minX) / b.cellW));
  const r = Math.min(b.rows - 1, Math.floor((y - b.minY) / b.cellH));
  const cell = r * b.cols + c;
  const cx = b.minX + (c + 0.5) * b.cellW;
  const cy = b.minY + (r + 0.5) * b.cellH;
  let inside = b.centreInside[cell] === 1;
  for (let k = b.cellStart[cell]; k < b.cellStart[cell + 1]; k++) {
    const e = b.cellEdges[k];
    if (segmentsCross(x, y, cx, cy, b.ex0[e], b.ey0[e], b.ex1[e], b.ey1[e])) inside = !inside;
  }
  return inside;
}
