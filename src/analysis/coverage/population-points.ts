/**
 * Population prepared for coverage: points (or cell centroids) in the local frame, each with its
 * board, in spatial order of 250 m cells that also serves as the index for radius queries
 * (point-cells.ts). Uniform mode carries per-board totals only.
 * Points go straight into typed arrays (no object per point) and find their board through the
 * boards' R-tree (board-index.ts).
 */
import type { CountArray, PopulationColumns, PopulationInput } from '../../domain/population.ts';
import { polygonsOf } from '../../geo/polygons-of.ts';
import { boardIndex } from './board-index.ts';
import type { BoardShape } from './board-shape.ts';
import { project, type LocalFrame } from './local-frame.ts';
import { lazyPointTree, PointCells, type CellLayout, type PointIndex } from './point-cells.ts';

export interface PreparedPopulation {
  model: 'none' | 'points' | 'cell-centroids' | 'uniform-assumption';
  xs: Float64Array;
  ys: Float64Array;
  /** Residents of each point: the adopted columns' own array (any CountArray), else a Float64Array. */
  weights: CountArray;
  /** Board index of each point, −1 outside every board (the narrowest array that holds every board's index). */
  board: Int8Array | Int16Array | Int32Array;
  /** Box queries over the points (incremental updates only; null without points). */
  index: PointIndex | null;
  /** Residents per board (index order); null entries are unknown. */
  residents: (number | null)[];
}

/** Area-weighted centroid (local metres) of a polygon's rings; falls back to the vertex mean when degenerate. */
function centroid(rings: number[][][], frame: LocalFrame): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  let mx = 0;
  let my = 0;
  let n = 0;
  for (const ring of rings) {
    const p = ring.map((q) => project(frame, q));
    for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
      const cr = p[j][0] * p[i][1] - p[i][0] * p[j][1];
      a += cr;
      cx += (p[j][0] + p[i][0]) * cr;
      cy += (p[j][1] + p[i][1]) * cr;
      mx += p[i][0];
      my += p[i][1];
      n++;
    }
  }
  return Math.abs(a) > 1e-9 ? [cx / (3 * a), cy / (3 * a)] : [mx / n, my / n];
}

/** Size (m) of the cells whose serpentine order the points are put in. */
const ORDER_CELL_M = 250;

/** A grid of cells may have this many cells per point (plus a floor) before a tree is used instead. */
const MAX_CELLS_PER_POINT = 4;
const MIN_CELLS = 1 << 16;

/**
 * The points' order: serpentine rows of 250 m cells, so consecutive points are close and each
 * nearest-facility walk in the Delaunay triangulation starts next to its answer; within a cell, input
 * order. Point i is at `((ax[i] − ox) · kx, (ay[i] − oy) · ky)` (local metres; ox = oy = 0, kx = ky
 * = 1 for points already projected: the same numbers). When the cells are not too many for the
 * points (always, for points within the boards' extent), a counting sort over the cells: one pass
 * counts each cell's points (`cells.start`, the first point of each cell), a second writes each
 * point's index at its cell's next place, so the only array of n numbers is the order itself (4
 * bytes a point). Otherwise one Float64Array of `cellRank · 2^21 + i` (exact below 2^53) sorted with
 * the engine's numeric sort, the order written over the keys' buffer (the same order).
 */
function spatialOrder(ax: Float64Array, ay: Float64Array, ox: number, kx: number, oy: number, ky: number): { order: Uint32Array; cells: CellLayout | null } {
  const n = ax.length;
  // Cell rows and columns are computed each time they are needed rather than kept: fewer arrays of n numbers.
  let minRow = Infinity;
  let maxRow = -Infinity;
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (let i = 0; i < n; i++) {
    const row = Math.floor(((ay[i] - oy) * ky) / ORDER_CELL_M);
    const col = Math.floor(((ax[i] - ox) * kx) / ORDER_CELL_M);
    if (row < minRow) minRow = row;
    if (row > maxRow) maxRow = row;
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
  }
  const width = maxCol - minCol + 1;
  const rank = (i: number): number => {
    const row = Math.floor(((ay[i] - oy) * ky) / ORDER_CELL_M);
    const col = Math.floor(((ax[i] - ox) * kx) / ORDER_CELL_M);
    // Even rows west → east, odd rows east → west (by the absolute row, as the cells are absolute).
    return (row - minRow) * width + (row % 2 ? maxCol - col : col - minCol);
  };
  // Every cell of the rows' extent (the last row's may lie beyond the highest rank found).
  const cellCount = (maxRow - minRow + 1) * width;
  if (Number.isFinite(cellCount) && cellCount <= MAX_CELLS_PER_POINT * n + MIN_CELLS) {
    const start = new Uint32Array(cellCount + 1);
    for (let i = 0; i < n; i++) start[rank(i) + 1]++;
    for (let r = 1; r <= cellCount; r++) start[r] += start[r - 1];
    // start[r] is cell r's next free place while the points are placed (its end afterwards), then shifted back.
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[start[rank(i)]++] = i;
    for (let r = cellCount; r > 0; r--) start[r] = start[r - 1];
    start[0] = 0;
    return { order, cells: { cellM: ORDER_CELL_M, minRow, maxRow, minCol, maxCol, start } };
  }
  const slot = 2 ** Math.max(21, Math.ceil(Math.log2(n + 1)));
  const keys = new Float64Array(n);
  let maxRank = 0;
  for (let i = 0; i < n; i++) {
    keys[i] = rank(i);
    if (keys[i] > maxRank) maxRank = keys[i];
  }
  // Points spread over a continent could overflow the packed key: sort by a comparator then.
  if ((maxRank + 1) * slot > Number.MAX_SAFE_INTEGER) return { order: Uint32Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b), cells: null };
  for (let i = 0; i < n; i++) keys[i] = keys[i] * slot + i;
  keys.sort();
  // Point i's index goes into bytes 4i… of the keys' buffer: key i (bytes 8i…) is read first, and
  // the keys overwritten (those below i / 2 + 1) have been read already.
  const order = new Uint32Array(keys.buffer, 0, n);
  for (let i = 0; i < n; i++) order[i] = keys[i] % slot;
  return { order, cells: null };
}

/**
 * Put x, y and w in `order` in place (`x[i] ← x[order[i]]`, each x projected as `(x − ox) · kx`,
 * likewise y), following each cycle of the permutation; `order` is used up (every entry is
 * overwritten).
 */
function permuteInPlace(order: Uint32Array, x: Float64Array, y: Float64Array, w: CountArray, ox: number, kx: number, oy: number, ky: number): void {
  const DONE = 0xffffffff;
  for (let i = 0; i < order.length; i++) {
    if (order[i] === DONE) continue;
    const tx = x[i];
    const ty = y[i];
    const tw = w[i];
    for (let j = i; ; ) {
      const k = order[j];
      order[j] = DONE;
      if (k === i) {
        x[j] = (tx - ox) * kx;
        y[j] = (ty - oy) * ky;
        w[j] = tw;
        break;
      }
      x[j] = (x[k] - ox) * kx;
      y[j] = (y[k] - oy) * ky;
      w[j] = w[k];
      j = k;
    }
  }
}

/**
 * Point columns are read and left as they are, unless `adopt` is set: then their arrays become the
 * prepared population's (projected and reordered in place; the caller must not use them after),
 * which spares a copy of a million points. The input's arrays are not kept otherwise.
 */
export function preparePopulation(input: PopulationInput | PopulationColumns, boardIds: string[], shapes: BoardShape[], frame: LocalFrame, adopt = false): PreparedPopulation {
  const empty = { xs: new Float64Array(0), ys: new Float64Array(0), weights: new Float64Array(0), board: new Int8Array(0), index: null };
  if (input.kind === 'none') return { model: 'none', ...empty, residents: boardIds.map(() => null) };
  if (input.kind === 'uniform') {
    return { model: 'uniform-assumption', ...empty, residents: boardIds.map((id) => input.residentsByBoard[id] ?? null) };
  }
  const { lon0, lat0, kx, ky } = frame;
  let xs: Float64Array;
  let ys: Float64Array;
  let weights: CountArray;
  let cells: CellLayout | null;
  let spent: ArrayBuffer;
  if (input.kind === 'point-columns') {
    const { lon, lat, population } = input;
    const n = lon.length;
    const sorted = spatialOrder(lon, lat, lon0, kx, lat0, ky);
    cells = sorted.cells;
    spent = sorted.order.buffer as ArrayBuffer;
    if (adopt) {
      [xs, ys, weights] = [lon, lat, population];
      permuteInPlace(sorted.order, xs, ys, weights, lon0, kx, lat0, ky);
    } else {
      [xs, ys, weights] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
      const { order } = sorted;
      for (let i = 0; i < n; i++) {
        const src = order[i];
        xs[i] = (lon[src] - lon0) * kx;
        ys[i] = (lat[src] - lat0) * ky;
        weights[i] = population[src];
      }
    }
  } else {
    const n = input.kind === 'points' ? input.points.length : input.cells.length;
    [xs, ys, weights] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    if (input.kind === 'points') {
      // project() inlined: no [x, y] array per point.
      input.points.forEach((p, i) => {
        xs[i] = (p.lonLat[0] - lon0) * kx;
        ys[i] = (p.lonLat[1] - lat0) * ky;
        weights[i] = p.population;
      });
    } else {
      input.cells.forEach((c, i) => {
        // A MultiPolygon cell: centroid of all parts' rings together (holes subtract by orientation).
        [xs[i], ys[i]] = centroid(polygonsOf(c.geometry).flat(), frame);
        weights[i] = c.population;
      });
    }
    const sorted = spatialOrder(xs, ys, 0, 1, 0, 1);
    cells = sorted.cells;
    spent = sorted.order.buffer as ArrayBuffer;
    permuteInPlace(sorted.order, xs, ys, weights, 0, 1, 0, 1);
  }
  const n = xs.length;
  // In the order's buffer (at least 4 bytes a point), used up by now: every entry is written below.
  const board = shapes.length < 128 ? new Int8Array(spent, 0, n) : shapes.length < 32768 ? new Int16Array(spent, 0, n) : new Int32Array(spent, 0, n);
  const residents = boardIds.map(() => 0);
  const boards = boardIndex(shapes);
  for (let i = 0; i < n; i++) {
    const b = (board[i] = boards.first(xs[i], ys[i]));
    if (b >= 0) residents[b] += weights[i];
  }
  const index = n === 0 ? null : cells ? new PointCells(xs, ys, cells) : lazyPointTree(xs, ys);
  return { model: input.kind === 'cells' ? 'cell-centroids' : 'points', xs, ys, weights, board, index, residents };
}
