/**
 * Neighbour lists of a d3-delaunay triangulation as flat CSR arrays, read straight from its
 * triangles/halfedges: one pass instead of a generator per point (delaunay.neighbors), so the
 * Voronoi cells and the nearest-facility walks of a full recompute allocate nothing per point.
 */
import type { Delaunay } from 'd3-delaunay';

export interface Adjacency {
  /** Neighbours of point i are `list[start[i]] … list[start[i + 1] − 1]`. */
  start: Int32Array;
  list: Int32Array;
}

/** Adjacency of the `count` points of `delaunay` (each Delaunay edge listed from both ends). */
export function delaunayAdjacency(delaunay: Delaunay<unknown>, count: number): Adjacency {
  const { triangles, halfedges } = delaunay;
  const start = new Int32Array(count + 1);
  if (count < 3) {
    // One or two points: d3 pads `triangles` with −1 and lists the other point as neighbour.
    const lists: number[][] = [];
    for (let i = 0; i < count; i++) lists.push([...delaunay.neighbors(i)].filter((m) => m >= 0));
    for (let i = 0; i < count; i++) start[i + 1] = start[i] + lists[i].length;
    const list = new Int32Array(start[count]);
    lists.forEach((l, i) => list.set(l, start[i]));
    return { start, list };
  }
  // (Collinear points: d3 triangulates them slightly jittered, a superset of their neighbours
  // along the line, which is all the cells and the walk need.)
  // Halfedge e runs triangles[e] → triangles[next(e)]; an interior edge has its twin running
  // back, a hull edge (halfedges[e] = −1) does not, so it is added in both directions.
  const next = (e: number) => (e % 3 === 2 ? e - 2 : e + 1);
  const degree = new Int32Array(count);
  for (let e = 0; e < triangles.length; e++) {
    degree[triangles[e]]++;
    if (halfedges[e] === -1) degree[triangles[next(e)]]++;
  }
  for (let i = 0; i < count; i++) start[i + 1] = start[i] + degree[i];
  const fill = start.slice(0, count);
  const list = new Int32Array(start[count]);
  for (let e = 0; e < triangles.length; e++) {
    const a = triangles[e];
    const b = triangles[next(e)];
    list[fill[a]++] = b;
    if (halfedges[e] === -1) list[fill[b]++] = a;
  }
  return { start, list };
}

/**
 * Index of the point nearest (x, y), by a greedy walk from `hint` over the adjacency: on a
 * Delaunay graph a point with no nearer neighbour is the nearest point (as delaunay.find).
 */
export function nearestFrom(adj: Adjacency, coords: Float64Array, x: number, y: number, hint: number): number {
  let c = hint;
  let dc = (coords[2 * c] - x) ** 2 + (coords[2 * c + 1] - y) ** 2;
  for (;;) {
    let best = c;
    for (let k = adj.start[c]; k < adj.start[c + 1]; k++) {
      const m = adj.list[k];
      const d = (coords[2 * m] - x) ** 2 + (coords[2 * m + 1] - y) ** 2;
      if (d < dc) {
        dc = d;
        best = m;
      }
    }
    if (best === c) return c;
    c = best;
  }
}
