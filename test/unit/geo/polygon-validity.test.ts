/**
 * Polygon validity (src/geo/polygon-validity.ts) against GEOS semantics: named cases, the verdict of
 * an independent implementation (JSTS, the JavaScript port of JTS, from which GEOS was ported) on
 * 6,000 generated polygons, and the shipped boards.
 */
import { describe, expect, it } from 'vitest';
import { jstsInvalidReason } from '../../support/jsts-validity.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonValidity } from '../../../src/geo/polygon-validity.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { generatePolygons } from '../../support/generated-polygons.ts';

const square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const reason = (g: Polygon | MultiPolygon) => {
  const v = polygonValidity(g);
  return v.valid ? 'valid' : v.reason;
};

describe('polygon validity, GEOS semantics', () => {
  it.each([
    ['a square', poly(square), 'valid'],
    ['repeated consecutive points', poly([[0, 0], [4, 0], [4, 0], [4, 4], [0, 4], [0, 4], [0, 0]]), 'valid'],
    ['a hole touching its shell at a vertex', poly(square, [[0, 2], [1, 1], [1, 3], [0, 2]]), 'valid'],
    ['two holes touching at one point', poly(square, [[1, 1], [2, 1], [2, 2], [1, 1]], [[2, 2], [3, 2], [3, 3], [2, 2]]), 'valid'],
    ['a bow-tie', poly([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]), 'self-intersection'],
    ['a hole crossing its shell', poly(square, [[-1, 2], [1, 1], [1, 3], [-1, 2]]), 'self-intersection'],
    ['a spike (the ring passes its base twice)', poly([[0, 0], [4, 0], [4, 4], [2, 4], [2, 6], [2, 4], [0, 4], [0, 0]]), 'ring-self-intersection'],
    ['a ring touching itself (pinch)', poly([[0, 0], [4, 0], [2, 2], [4, 4], [0, 4], [2, 2], [0, 0]]), 'ring-self-intersection'],
    ['a hole touching its shell at two points', poly(square, [[0, 2], [2, 1], [4, 2], [2, 3], [0, 2]]), 'interior-disconnected'],
    ['a hole outside its shell', poly(square, [[5, 5], [6, 5], [6, 6], [5, 5]]), 'hole-outside-shell'],
    ['a hole in a hole', poly(square, [[0.5, 0.5], [3.5, 0.5], [3.5, 3.5], [0.5, 3.5], [0.5, 0.5]], [[1, 1], [2, 1], [2, 2], [1, 1]]), 'nested-holes'],
    ['two collapsed points', poly([[0, 0], [1, 1], [0, 0], [0, 0]]), 'too-few-points'],
  ])('%s: %s', (_, g, expected) => {
    expect(reason(g as Polygon)).toBe(expected);
  });

  it('multipolygons: touching at a corner is valid; a shared edge, an overlap and a nested shell are not', () => {
    const box = (x: number, y: number, w: number) => [[[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]]];
    expect(reason({ type: 'MultiPolygon', coordinates: [box(0, 0, 1), box(1, 1, 1)] })).toBe('valid');
    expect(reason({ type: 'MultiPolygon', coordinates: [box(0, 0, 1), box(1, 0, 1)] })).toBe('self-intersection');
    expect(reason({ type: 'MultiPolygon', coordinates: [box(0, 0, 2), box(1, 1, 2)] })).toBe('self-intersection');
    expect(reason({ type: 'MultiPolygon', coordinates: [box(0, 0, 4), box(1, 1, 1)] })).toBe('nested-shells');
    // An island in a lake is valid.
    expect(reason({ type: 'MultiPolygon', coordinates: [[...box(0, 0, 4), [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]], box(1.5, 1.5, 1)] })).toBe('valid');
  });

  it('agrees with JSTS IsValidOp on 6,000 generated polygons (degenerate grids and random rings)', () => {
    const polygons = [...generatePolygons(3000, 20211168), ...generatePolygons(3000, 42)];
    let valid = 0;
    const disagreements: string[] = [];
    for (const g of polygons) {
      const jsts = jstsInvalidReason(g);
      if (jsts === null) valid++;
      const ours = polygonValidity(g);
      if ((jsts === null) !== ours.valid) disagreements.push(`${JSON.stringify(g.coordinates)}: JSTS ${jsts ?? 'valid'}, Anju ${ours.valid ? 'valid' : ours.reason}`);
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Both verdicts are common in the set, so agreement means something.
    expect(valid).toBeGreaterThan(1500);
    expect(polygons.length - valid).toBeGreaterThan(1500);
  });

  it('accepts the shipped boards (two have a hole touching the shell)', () => {
    for (const b of defaultBoards.features) expect(reason(b.geometry), b.properties.name).toBe('valid');
  });
});
