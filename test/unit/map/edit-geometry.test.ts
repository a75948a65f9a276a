import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { moveVertex, translateGeometry, vertexHandles } from '../../../src/map/edit-geometry.ts';

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates, [[[5, 5], [6, 5], [6, 6], [5, 5]]]] };

describe('polygon editing operations', () => {
  it('gives one handle per distinct vertex, with its path', () => {
    expect(vertexHandles(square).features.map((f) => f.geometry.coordinates)).toEqual([[0, 0], [1, 0], [1, 1], [0, 1]]);
    const handles = vertexHandles(two).features;
    expect(handles).toHaveLength(7);
    expect(handles[4].properties).toEqual({ polygon: 1, ring: 0, index: 0 });
  });

  it('moves one vertex; moving the first keeps the ring closed; the input is untouched', () => {
    const moved = moveVertex(square, { polygon: 0, ring: 0, index: 0 }, [-1, -1]) as Polygon;
    expect(moved.coordinates[0][0]).toEqual([-1, -1]);
    expect(moved.coordinates[0][4]).toEqual([-1, -1]);
    expect(moved.coordinates[0][2]).toEqual([1, 1]);
    expect(square.coordinates[0][0]).toEqual([0, 0]);
    const m2 = moveVertex(two, { polygon: 1, ring: 0, index: 1 }, [7, 4]) as MultiPolygon;
    expect(m2.type).toBe('MultiPolygon');
    expect(m2.coordinates[1][0][1]).toEqual([7, 4]);
    expect(m2.coordinates[0]).toBe(two.coordinates[0]);
  });

  it('refuses a vertex that does not exist (including the closing duplicate)', () => {
    expect(() => moveVertex(square, { polygon: 0, ring: 0, index: 4 }, [0, 0])).toThrow(/no vertex/);
    expect(() => moveVertex(square, { polygon: 1, ring: 0, index: 0 }, [0, 0])).toThrow(/no vertex/);
  });

  it('moves the whole shape', () => {
    const t = translateGeometry(two, 0.5, -2) as MultiPolygon;
    expect(t.coordinates[0][0][2]).toEqual([1.5, -1]);
    expect(t.coordinates[1][0][3]).toEqual([5.5, 3]);
  });
});
