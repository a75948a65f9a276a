/**
 * Population prepared for coverage: points (or cell centroids) in the local frame, each with its
 * board, in a static Flatbush index for radius queries. Uniform mode carries per-board totals only.
 */
import Flatbush from 'flatbush';
import type { PopulationInput } from '../../domain/population.ts';
import { polygonsOf } from '../../geo/polygons-of.ts';
import { boardContains, type BoardShape } from './board-shape.ts';
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

export function preparePopulation(input: PopulationInput, boardIds: string[], shapes: BoardShape[], frame: LocalFrame): PreparedPopulation {
  const empty = { xs: new Float64Array(0), ys: new Float64Array(0), weights: new Float64Array(0), board: new Int32Array(0), index: null };
  if (input.kind === 'none') return { model: 'none', ...empty, residents: boardIds.map(() => null) };
  if (input.kind === 'uniform') {
    return { model: 'uniform-assumption', ...empty, residents: boardIds.map((id) => input.residentsByBoard[id] ?? null) };
  }
  const pts: [number, number, number][] =
    input.kind === 'points'
      ? input.points.map((p) => [...project(frame, p.lonLat), p.population])
      : input.cells.map((c) => {
          // A MultiPolygon cell: centroid of all parts' rings together (holes subtract by orientation).
          const rings = polygonsOf(c.geometry).flat();
          return [...centroid(rings, frame), c.population];
        });
  // Spatial order (serpentine rows of 250 m cells) keeps consecutive points close, so each
  // nearest-facility walk in the Delaunay triangulation starts next to its answer.
  const cellM = 250;
  const keys = new Float64Array(pts.length);
  pts.forEach((p, i) => {
    const row = Math.floor(p[1] / cellM);
    const col = Math.floor(p[0] / cellM);
    keys[i] = row * 1e6 + (row % 2 ? -col : col);
  });
  const order = Uint32Array.from(pts.keys()).sort((a, b) => keys[a] - keys[b]);
  const n = pts.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const weights = new Float64Array(n);
  const board = new Int32Array(n).fill(-1);
  const residents = boardIds.map(() => 0);
  order.forEach((src, i) => {
    const [x, y, w] = pts[src];
    xs[i] = x;
    ys[i] = y;
    weights[i] = w;
    const b = shapes.findIndex((s) => boardContains(s, x, y));
    board[i] = b;
    if (b >= 0) residents[b] += w;
  });
  let index: Flatbush | null = null;
  if (n > 0) {
    index = new Flatbush(n);
    for (let i = 0; i < n; i++) index.add(xs[i], ys[i], xs[i], ys[i]);
    index.finish();
  }
  return { model: input.kind === 'points' ? 'points' : 'cell-centroids', xs, ys, weights, board, index, residents };
}
