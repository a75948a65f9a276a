import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { dissolveCoverage } from '../../../src/geo/dissolve-coverage.ts';
import { areaKm2 } from '../../../src/geo/measure.ts';

const sq = (x: number, y: number, s = 1): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

describe('dissolveCoverage', () => {
  it('merges squares sharing edges into one ring without the shared edges', () => {
    const g = dissolveCoverage([sq(0, 0), sq(1, 0)]);
    expect(g.type).toBe('Polygon');
    const ring = (g as Polygon).coordinates[0];
    expect(ring).toHaveLength(7); // 6 boundary vertices (two of them on the straight edges) + closing
    expect(areaKm2(g)).toBeCloseTo(areaKm2(sq(0, 0, 1)) + areaKm2(sq(1, 0, 1)), 6);
  });

  it('keeps a hole where the coverage surrounds an area it does not cover', () => {
    // A 3×3 ring of squares without the centre.
    const cells = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) cells.push(sq(x, y));
    const g = dissolveCoverage(cells) as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
  });

  it('splits at a vertex where two parts meet corner to corner', () => {
    const g = dissolveCoverage([sq(0, 0), sq(1, 1)]);
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates).toHaveLength(2);
  });
});
