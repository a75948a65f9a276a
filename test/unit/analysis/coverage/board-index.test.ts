/** The boards' R-tree answers exactly what testing every board answers, overlaps and gaps included. */
import { describe, expect, it } from 'vitest';
import { boardIndex } from '../../../../src/analysis/coverage/board-index.ts';
import { boardContains, boardShape } from '../../../../src/analysis/coverage/board-shape.ts';
import { frameForBbox } from '../../../../src/analysis/coverage/local-frame.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { mulberry32 } from '../../../../bench/seeded.ts';

describe('boardIndex', () => {
  const frame = frameForBbox(120.4, 27.79, 121.2, 28.13);
  // The 21 shipped boards, plus one overlapping the first two boards' area, so `all` has several answers.
  const geoms = defaultBoards.features.map((f) => f.geometry);
  const shapes = [...geoms, geoms[0]].map((g) => boardShape(g, frame));
  const index = boardIndex(shapes);

  it('gives the first and all boards containing each of 20,000 points, as a scan does', () => {
    const rnd = mulberry32(7);
    let inside = 0;
    let several = 0;
    for (let k = 0; k < 20_000; k++) {
      const x = (rnd() - 0.5) * 80_000;
      const y = (rnd() - 0.5) * 40_000;
      const scan = shapes.flatMap((s, b) => (boardContains(s, x, y) ? [b] : []));
      expect(index.first(x, y)).toBe(scan.length ? scan[0] : -1);
      expect(index.all(x, y)).toEqual(scan);
      if (scan.length) inside++;
      if (scan.length > 1) several++;
    }
    // The sample must reach boards, gaps and the overlap for the comparison to mean anything.
    expect(inside).toBeGreaterThan(1000);
    expect(several).toBeGreaterThan(10);
    expect(inside).toBeLessThan(20_000);
  });

  it('answers −1 and [] with no boards', () => {
    expect(boardIndex([]).first(0, 0)).toBe(-1);
    expect(boardIndex([]).all(0, 0)).toEqual([]);
  });
});
