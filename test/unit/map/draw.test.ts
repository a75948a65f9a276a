import { describe, expect, it } from 'vitest';
import { nearestWithin, ringFromVertices, translateGeometry } from '../../../src/map/draw.ts';
import { snapVertices } from '../../../src/ui/allocation/snap-vertices.ts';
import { square, testBoards } from '../../support/allocation-fixtures.ts';
import { isValidAreal } from '../../../src/geo/valid-areal.ts';

describe('drawing helpers', () => {
  it('snaps to the nearest candidate within the tolerance, and to none beyond it', () => {
    const c = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 5 }];
    expect(nearestWithin({ x: 9, y: 1 }, c, 8)).toBe(1);
    expect(nearestWithin({ x: 5, y: 3 }, c, 8)).toBe(2);
    expect(nearestWithin({ x: 30, y: 30 }, c, 8)).toBe(null);
    expect(nearestWithin({ x: 8, y: 0 }, [{ x: 0, y: 0 }, { x: 16, y: 0 }], 8)).toBe(0); // a tie goes to the first
    expect(nearestWithin({ x: 0, y: 0 }, [], 8)).toBe(null);
  });

  it('closes a ring counter-clockwise, drops repeated clicks, and needs three vertices', () => {
    const cw: [number, number][] = [[0, 0], [0, 1], [1, 1], [1, 1], [1, 0]];
    const g = ringFromVertices(cw)!;
    expect(g.coordinates[0]).toEqual([[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]);
    expect(isValidAreal(g)).toBe(true);
    expect(ringFromVertices([[0, 0], [1, 1], [1, 1]])).toBe(null);
    expect(ringFromVertices([[0, 0], [1, 0], [1, 1], [0, 0]])!.coordinates[0]).toHaveLength(4); // a click on the start closes, not repeats
  });

  it('translates points and polygons without touching the input', () => {
    const sq = square(120, 28, 0.01);
    const moved = translateGeometry(sq, 0.5, -0.25);
    expect(moved.coordinates[0][0]).toEqual([119.99 + 0.5, 27.99 - 0.25]);
    expect(sq.coordinates[0][0]).toEqual([119.99, 27.99]);
    expect(translateGeometry({ type: 'Point', coordinates: [1, 2] }, 1, 1)).toEqual({ type: 'Point', coordinates: [2, 3] });
  });

  it('offers site vertices first, then board vertices, without closing positions', () => {
    const v = snapVertices([{ id: 's', name: 's', units: 1, type: 'commercial', year: 2021, geometry: square(120, 28, 0.01) }, { id: 'p', name: 'p', units: 1, type: 'commercial', year: 2021, geometry: { type: 'Point', coordinates: [1, 2] } }], testBoards());
    expect(v.slice(0, 5)).toEqual([[119.99, 27.99], [120.01, 27.99], [120.01, 28.01], [119.99, 28.01], [1, 2]]);
    expect(v).toHaveLength(5 + 4 * 4);
  });
});
