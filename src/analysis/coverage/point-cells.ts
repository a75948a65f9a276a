/**
 * Box queries over the population points, which population-points.ts keeps in serpentine order of
 * square cells: the points of one cell are consecutive, so the index is one offset per cell (4
 * bytes per cell: 0.2 MB for the shipped boards' extent in 250 m cells) instead of a tree over
 * every point (a Flatbush of a million points is ~38 MB). Points spread too widely for a grid of
 * bounded size get a Flatbush instead, built on the first query (a one-off run never queries).
 */
import Flatbush from 'flatbush';

export interface PointIndex {
  /** Indices of the points within the box (edges included), in no particular order. */
  search(minX: number, minY: number, maxX: number, maxY: number): number[];
}

/** The cells' layout, as spatialOrder ranks them: `rank = (row − minRow) · width + c`, `c` serpentine. */
export interface CellLayout {
  cellM: number;
  minRow: number;
  maxRow: number;
  minCol: number;
  maxCol: number;
  /** Points of rank r are `start[r] … start[r + 1] − 1`. */
  start: Uint32Array;
}

export class PointCells implements PointIndex {
  readonly #xs: Float64Array;
  readonly #ys: Float64Array;
  readonly #c: CellLayout;
  constructor(xs: Float64Array, ys: Float64Array, layout: CellLayout) {
    this.#xs = xs;
    this.#ys = ys;
    this.#c = layout;
  }

  search(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const { cellM, minRow, maxRow, minCol, maxCol, start } = this.#c;
    const xs = this.#xs;
    const ys = this.#ys;
    const out: number[] = [];
    const c0 = Math.max(minCol, Math.floor(minX / cellM));
    const c1 = Math.min(maxCol, Math.floor(maxX / cellM));
    if (!(c0 <= c1)) return out;
    const width = maxCol - minCol + 1;
    const r1 = Math.min(maxRow, Math.floor(maxY / cellM));
    for (let row = Math.max(minRow, Math.floor(minY / cellM)); row <= r1; row++) {
      // The same serpentine as the sort: even rows west → east, odd rows east → west.
      const base = (row - minRow) * width;
      const lo = base + (row % 2 ? maxCol - c1 : c0 - minCol);
      const hi = base + (row % 2 ? maxCol - c0 : c1 - minCol);
      for (let p = start[lo], end = start[hi + 1]; p < end; p++) {
        const x = xs[p];
        const y = ys[p];
        if (x >= minX && x <= maxX && y >= minY && y <= maxY) out.push(p);
      }
    }
    return out;
  }
}

/** A Flatbush of the points, built when first searched. */
export function lazyPointTree(xs: Float64Array, ys: Float64Array): PointIndex {
  let tree: Flatbush | null = null;
  return {
    search(minX, minY, maxX, maxY) {
      if (!tree) {
        tree = new Flatbush(xs.length);
        for (let i = 0; i < xs.length; i++) tree.add(xs[i], ys[i], xs[i], ys[i]);
        tree.finish();
      }
      return tree.search(minX, minY, maxX, maxY);
    },
  };
}
