/**
 * Population prepared for coverage: points (or cell centroids) in the local frame, each with its
 * board, in a static Flatbush index for radius queries. Uniform mode carries per-board totals only.
 * Points go straight into typed arrays (no object per point) and find their board through the
 * boards' R-tree (board-index.ts).
 */
import Flatbush from 'flatbush';
import type { PopulationColumns, PopulationInput } from '../../domain/population.ts';
import { polygonsOf } from '../../geo/polygons-of.ts';
import { boardIndex } from './board-index.ts';
import type { BoardShape } from './board-shape.ts';
import { project, type LocalFrame } from './local-frame.ts';

export interface PreparedPopulation {
  model: 'none' | 'points' | 'cell-centroids' | 'uniform-assumption';
  xs: Float64Array;
  ys: Float64Array;
  weights: Float64Array;
  /** Board index of each point, −1 outside every board. */
  board: Int32Array;
  index: Flatbush | null;
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

/**
 * The points' order: serpentine rows of 250 m cells, so consecutive points are close and each
 * nearest-facility walk in the Delaunay triangulation starts next to its answer. Sorted as one
 * Float64Array of `cellRank · 2^21 + i` (exact below 2^53; ties keep input order) with the
 * engine's numeric sort, not a comparator called 20 million times.
 */
function spatialOrder(xs: Float64Array, ys: Float64Array): Uint32Array {
  const n = xs.length;
  // Cell rows and columns are computed twice rather than kept: two fewer arrays of n numbers.
  let minRow = Infinity;
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (let i = 0; i < n; i++) {
    const row = Math.floor(ys[i] / ORDER_CELL_M);
    const col = Math.floor(xs[i] / ORDER_CELL_M);
    if (row < minRow) minRow = row;
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
  }
  const width = maxCol - minCol + 1;
  const slot = 2 ** Math.max(21, Math.ceil(Math.log2(n + 1)));
  const keys = new Float64Array(n);
  let maxRank = 0;
  for (let i = 0; i < n; i++) {
    const row = Math.floor(ys[i] / ORDER_CELL_M);
    const col = Math.floor(xs[i] / ORDER_CELL_M);
    // Even rows west → east, odd rows east → west (by the absolute row, as the cells are absolute).
    const c = row % 2 ? maxCol - col : col - minCol;
    keys[i] = (row - minRow) * width + c;
    if (keys[i] > maxRank) maxRank = keys[i];
  }
  // Points spread over a continent could overflow the packed key: sort by a comparator then.
  if ((maxRank + 1) * slot > Number.MAX_SAFE_INTEGER) return Uint32Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
  for (let i = 0; i < n; i++) keys[i] = keys[i] * slot + i;
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = keys[i] % slot;
  return order;
}

/**
 * `point-columns` are read as they are (never changed); their arrays are not kept, so a caller that
 * drops its reference lets them go once the points are in spatial order.
 */
export function preparePopulation(input: PopulationInput | PopulationColumns, boardIds: string[], shapes: BoardShape[], frame: LocalFrame): PreparedPopulation {
  const empty = { xs: new Float64Array(0), ys: new Float64Array(0), weights: new Float64Array(0), board: new Int32Array(0), index: null };
  if (input.kind === 'none') return { model: 'none', ...empty, residents: boardIds.map(() => null) };
  if (input.kind === 'uniform') {
    return { model: 'uniform-assumption', ...empty, residents: boardIds.map((id) => input.residentsByBoard[id] ?? null) };
  }
  const n = input.kind === 'points' ? input.points.length : input.kind === 'cells' ? input.cells.length : input.lon.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  let pw: Float64Array = new Float64Array(n);
  if (input.kind === 'point-columns') {
    const { lon0, lat0, kx, ky } = frame;
    const { lon, lat } = input;
    for (let i = 0; i < n; i++) {
      px[i] = (lon[i] - lon0) * kx;
      py[i] = (lat[i] - lat0) * ky;
    }
    pw = input.population;
  } else if (input.kind === 'points') {
    // project() inlined: no [x, y] array per point.
    const { lon0, lat0, kx, ky } = frame;
    input.points.forEach((p, i) => {
      px[i] = (p.lonLat[0] - lon0) * kx;
      py[i] = (p.lonLat[1] - lat0) * ky;
      pw[i] = p.population;
    });
  } else {
    input.cells.forEach((c, i) => {
      // A MultiPolygon cell: centroid of all parts' rings together (holes subtract by orientation).
      [px[i], py[i]] = centroid(polygonsOf(c.geometry).flat(), frame);
      pw[i] = c.population;
    });
  }
  const order = spatialOrder(px, py);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const weights = new Float64Array(n);
  const board = new Int32Array(n);
  const residents = boardIds.map(() => 0);
  const boards = boardIndex(shapes);
  for (let i = 0; i < n; i++) {
    const src = order[i];
    const x = (xs[i] = px[src]);
    const y = (ys[i] = py[src]);
    const w = (weights[i] = pw[src]);
    const b = (board[i] = boards.first(x, y));
    if (b >= 0) residents[b] += w;
  }
  let index: Flatbush | null = null;
  if (n > 0) {
    index = new Flatbush(n);
    for (let i = 0; i < n; i++) index.add(xs[i], ys[i], xs[i], ys[i]);
    index.finish();
  }
  return { model: input.kind === 'cells' ? 'cell-centroids' : 'points', xs, ys, weights, board, index, residents };
}
