/** The ported centre of mass gives Turf's value to the last bit, so labels did not move (Turf's convex hull is out of the main chunk: docs/ARCHITECTURE.md, "The first load"). */
import { describe, expect, it } from 'vitest';
import { centerOfMass } from '@turf/turf';
import type { Position } from 'geojson';
import { polygonCenterOfMass } from '../../../src/geo/center-of-mass.ts';
import { polygonsOf } from '../../../src/geo/polygon-ops.ts';
import { counties, defaultBoards, land, structure } from '../../../src/data/embedded.ts';

const turf = (rings: Position[][]) => centerOfMass({ type: 'Polygon', coordinates: rings }).geometry.coordinates;

describe('polygonCenterOfMass', () => {
  it("equals Turf's centerOfMass exactly on every shipped polygon (boards, counties, land, structure)", () => {
    const polygons = [...defaultBoards.features, ...counties.features, ...land.features, ...structure.features].flatMap((f) => polygonsOf(f.geometry));
    expect(polygons.length).toBeGreaterThan(40);
    expect(polygons.some((p) => p.length > 1), 'some polygon has a hole').toBe(true);
    for (const p of polygons) expect(polygonCenterOfMass(p)).toEqual(turf(p));
  });

  it('follows Turf where a hole pulls the centre, and for a polygon of no area', () => {
    const outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole = [[2.5, 2.5], [3.5, 2.5], [3.5, 3.5], [2.5, 3.5], [2.5, 2.5]];
    expect(polygonCenterOfMass([outer, hole])).toEqual(turf([outer, hole]));
    expect(polygonCenterOfMass([outer])).toEqual([2, 2]);
    const flat = [[0, 0], [1, 1], [2, 2], [0, 0]];
    expect(polygonCenterOfMass([flat])).toEqual(turf([flat]));
  });
});
