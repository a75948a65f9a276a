import { describe, expect, it } from 'vitest';
import { inlandWater } from '../../../src/map/inland-water.ts';
import { land } from '../../../src/data/embedded.ts';

describe('inlandWater', () => {
  it('turns each hole of a land polygon into a water polygon', () => {
    const shell = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];
    const w = inlandWater({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [shell, hole] } }] });
    expect(w.features.map((f) => f.geometry.coordinates)).toEqual([[hole]]);
  });

  it('finds the 瓯江 reach and the lakes of the shipped land around 温州', () => {
    const w = inlandWater(land);
    // A reach of the 瓯江 north of the old city (about 120.71 E, 28.02 N) is enclosed water.
    const oujiang = w.features.filter((f) => f.geometry.coordinates[0].some(([x, y]) => Math.abs(x - 120.71) < 0.05 && Math.abs(y - 28.02) < 0.02));
    expect(oujiang.length).toBeGreaterThan(0);
    expect(w.features.length).toBeGreaterThan(50);
  });
});
