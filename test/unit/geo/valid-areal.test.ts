import { describe, expect, it } from 'vitest';
import { isValidAreal } from '../../../src/geo/valid-areal.ts';

describe('isValidAreal', () => {
  it('rejects a bow-tie ring', () => {
    expect(isValidAreal({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] })).toBe(false);
  });
  it('accepts a hole touching its shell at one point (valid in OGC)', () => {
    expect(isValidAreal({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 2], [1, 1], [1, 3], [0, 2]]] })).toBe(true);
  });
  it('rejects a hole crossing its shell', () => {
    expect(isValidAreal({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[-1, 2], [1, 1], [1, 3], [-1, 2]]] })).toBe(false);
  });
  it('rejects a ring with too few positions', () => {
    expect(isValidAreal({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toBe(false);
  });
});
