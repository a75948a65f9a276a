/**
 * Which board a point (local metres) lies in, through a static R-tree of the boards' bounding
 * boxes (Flatbush) instead of a test against every board: a point inside one board's box is
 * tested against that board only.
 */
import Flatbush from 'flatbush';
import { boardContains, type BoardShape } from './board-shape.ts';

export interface BoardIndex {
  /** Index of the first board (in input order) containing (x, y), −1 when none does. */
  first(x: number, y: number): number;
  /** Every board containing (x, y), in input order (usually none or one). */
  all(x: number, y: number): number[];
}

export function boardIndex(shapes: readonly BoardShape[]): BoardIndex {
  if (shapes.length === 0) return { first: () => -1, all: () => [] };
  const tree = new Flatbush(shapes.length);
  for (const s of shapes) {
    // A board without edges gets an empty box far away: no query reaches it.
    if (s.ex0.length === 0) tree.add(Infinity, Infinity, Infinity, Infinity);
    else tree.add(s.minX, s.minY, s.maxX, s.maxY);
  }
  tree.finish();
  // One filter reused for every query (no closure per point): it records the lowest board
  // containing the query point and keeps nothing in the result array.
  let qx = 0;
  let qy = 0;
  let best = -1;
  const lowestContaining = (b: number): boolean => {
    if ((best < 0 || b < best) && boardContains(shapes[b], qx, qy)) best = b;
    return false;
  };
  return {
    first(x, y) {
      qx = x;
      qy = y;
      best = -1;
      tree.search(x, y, x, y, lowestContaining);
      return best;
    },
    all(x, y) {
      return tree.search(x, y, x, y, (b) => boardContains(shapes[b], x, y)).sort((a, b) => a - b);
    },
  };
}
