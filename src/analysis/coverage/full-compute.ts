/**
 * Full recompute of one facility group: distinct sites, one Delaunay triangulation, each site's
 * Voronoi cell built once (within the square of the largest radius) and measured against every
 * radius, and each resident point's nearest site found by a walk from the previous point's.
 */
import { Delaunay } from 'd3-delaunay';
import type { BoardShape } from './board-shape.ts';
import { boardCellSegments } from './board-cell-area.ts';
import { CellBuffer } from './cell-buffer.ts';
import { delaunayAdjacency, nearestFrom, type Adjacency } from './delaunay-adjacency.ts';
import type { PreparedPopulation } from './population-points.ts';
import { SegmentList } from './segment-list.ts';
import type { Contributions } from './contributions.ts';

/** Per-radius state of a facility group: what the full recompute writes and moves update. */
export interface RadiusTotals {
  radiusM: number;
  /** Largest distance from each facility to a vertex of its cell (m); 0 for none. */
  reachM: number[];
  contrib: Contributions;
  coveredAreaM2: Float64Array;
  /** Bit `popBit` of byte p: point p is within this radius of a facility (up to 8 radii share one array). */
  popCovered: Uint8Array;
  popBit: number;
  coveredResidents: Float64Array;
}

export interface Sites {
  /** Facility index of each distinct site (lowest index among coincident facilities). */
  ids: number[];
  /** Site k at (coords[2k], coords[2k + 1]). */
  coords: Float64Array;
  /** Facilities coincident with a lower-indexed one: they get no cell. */
  dups: number[];
}

/** Distinct positions among `ids` (ascending), keyed by x then y without building string keys. */
export function distinctSites(ids: number[], xs: ArrayLike<number>, ys: ArrayLike<number>): Sites {
  const firstWithX = new Map<number, number>();
  const rest = new Map<string, number>();
  const reps: number[] = [];
  const dups: number[] = [];
  for (const i of ids) {
    const r = firstWithX.get(xs[i]);
    let dup = false;
    if (r === undefined) firstWithX.set(xs[i], i);
    else if (ys[r] === ys[i]) dup = true;
    else {
      // Same x, other y (rare): fall back to an exact (x, y) key.
      const key = `${xs[i]},${ys[i]}`;
      if (rest.has(key)) dup = true;
      else rest.set(key, i);
    }
    (dup ? dups : reps).push(i);
  }
  const coords = new Float64Array(reps.length * 2);
  reps.forEach((i, k) => {
    coords[2 * k] = xs[i];
    coords[2 * k + 1] = ys[i];
  });
  return { ids: reps, coords, dups };
}

/** Triangulate the sites and list each one's Delaunay neighbours; null without sites. */
export function siteAdjacency(sites: Sites): Adjacency | null {
  const count = sites.ids.length;
  // A copy: d3-delaunay jitters collinear input in place, and cells and distances want the exact positions.
  return count ? delaunayAdjacency(new Delaunay(sites.coords.slice()), count) : null;
}

/**
 * Cell contributions of every site at every radius (coveredAreaM2, contrib, reachM); the arrays
 * must be cleared by the caller. A cell within the square of the largest radius, intersected with
 * a smaller disk, is that radius's cell ∩ disk, so one cell serves all radii.
 */
export function fillCells(sites: Sites, adj: Adjacency, boards: BoardShape[], radii: RadiusTotals[]): void {
  const { ids, coords } = sites;
  let maxR = 0;
  for (const rs of radii) maxR = Math.max(maxR, rs.radiusM);
  const cell = new CellBuffer();
  const segs = new SegmentList();
  // Per board touched: board, first segment, end segment, planar area.
  const ranges: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    const px = coords[2 * k];
    const py = coords[2 * k + 1];
    cell.square(px, py, maxR);
    for (let a = adj.start[k]; a < adj.start[k + 1] && cell.n > 0; a++) {
      const m = adj.list[a];
      cell.clipBisector(px, py, coords[2 * m], coords[2 * m + 1]);
    }
    const n = cell.n;
    const p = cell.xy;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let reach2 = 0;
    for (let v = 0; v < 2 * n; v += 2) {
      const x = p[v];
      const y = p[v + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      reach2 = Math.max(reach2, (x - px) ** 2 + (y - py) ** 2);
    }
    segs.n = 0;
    ranges.length = 0;
    if (n >= 3) {
      for (let bi = 0; bi < boards.length; bi++) {
        const b = boards[bi];
        if (maxX < b.minX || minX > b.maxX || maxY < b.minY || minY > b.maxY) continue;
        const from = segs.n;
        boardCellSegments(b, p, n, minX, minY, maxX, maxY, px, py, segs);
        if (segs.n > from) ranges.push(bi, from, segs.n, segs.planarArea(from, segs.n));
      }
    }
    const reach = Math.sqrt(reach2);
    for (const rs of radii) {
      const r = rs.radiusM;
      rs.contrib.begin(i);
      for (let q = 0; q < ranges.length; q += 4) {
        // Every vertex inside the disk: the disk clips nothing (diskSegmentArea's all-inside case).
        const a = reach2 <= r * r ? ranges[q + 3] : segs.diskArea(ranges[q + 1], ranges[q + 2], r);
        if (a > 0) {
          rs.contrib.add(i, ranges[q], a);
          rs.coveredAreaM2[ranges[q]] += a;
        }
      }
      // A bound on this radius's own cell (inside the square of half-side r), as relocate expects.
      rs.reachM[i] = Math.min(reach, Math.SQRT2 * r);
    }
  }
}

/** popCovered and coveredResidents of every radius from each point's distance to its nearest site. */
export function fillPopulation(sites: Sites, adj: Adjacency | null, pop: PreparedPopulation, radii: RadiusTotals[]): void {
  const { xs, ys, weights, board } = pop;
  const { coords } = sites;
  for (const rs of radii) {
    rs.coveredResidents.fill(0);
    rs.popCovered.fill(0);
  }
  if (!adj) return;
  let rMin2 = Infinity;
  for (const rs of radii) rMin2 = Math.min(rMin2, rs.radiusM * rs.radiusM);
  let hint = 0;
  for (let p = 0; p < xs.length; p++) {
    const x = xs[p];
    const y = ys[p];
    let d2 = (coords[2 * hint] - x) ** 2 + (coords[2 * hint + 1] - y) ** 2;
    // Within the smallest radius of some site is covered at every radius: no need for the nearest.
    if (d2 > rMin2) {
      hint = nearestFrom(adj, coords, x, y, hint);
      d2 = (coords[2 * hint] - x) ** 2 + (coords[2 * hint + 1] - y) ** 2;
    }
    const b = board[p];
    for (const rs of radii) {
      if (d2 > rs.radiusM * rs.radiusM) continue;
      rs.popCovered[p] |= rs.popBit;
      if (b >= 0) rs.coveredResidents[b] += weights[p];
    }
  }
}
