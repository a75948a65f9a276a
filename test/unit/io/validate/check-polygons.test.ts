import { describe, expect, it } from 'vitest';
import { selfIntersection } from '../../../../src/io/validate/check-polygons.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';

const square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];

describe('selfIntersection', () => {
  it('finds a ring crossing itself', () => {
    expect(selfIntersection({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] })).toEqual([0.5, 0.5]);
  });
  it('finds a hole crossing its shell', () => {
    expect(selfIntersection({ type: 'Polygon', coordinates: [square, [[-1, 2], [1, 1], [1, 3], [-1, 2]]] })).not.toBeNull();
  });
  it('accepts a hole touching its shell at one point (valid in OGC)', () => {
    expect(selfIntersection({ type: 'Polygon', coordinates: [square, [[0, 2], [1, 1], [1, 3], [0, 2]]] })).toBeNull();
  });
  it('accepts the shipped boards, two of which have such a touching hole', () => {
    for (const b of defaultBoards.features) expect(selfIntersection(b.geometry), b.properties.name).toBeNull();
  });
});
