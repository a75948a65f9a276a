/** The coverage session the worker serves (src/workers/coverage-api.ts): init, move, gaps and rings. */
import { describe, expect, it } from 'vitest';
import { CoverageSession } from '../../../../src/analysis/coverage/coverage-session.ts';
import { gapCollection } from '../../../../src/analysis/coverage/gap-layer.ts';
import { readCoverageFixture } from './fixture-input.ts';


describe('CoverageSession', () => {
  const fx = readCoverageFixture('test/fixtures/coverage/in/facility-outside-every-board.geojson');

  it('answers init and move with results, and gaps shrink when a facility moves into the board', () => {
    const s = new CoverageSession();
    const init = s.init({ boards: fx.boards, facilities: fx.facilities, population: fx.population, radiiM: [500], groups: ['any'] });
    const gapsBefore = { gaps: gapCollection(s.gaps({ group: 'any', radiusM: 500, cellSizeM: 50 })) };
    const moved = s.move({ facilityId: 'far', lonLat: fx.facilities[0].lonLat.map((v, i) => v + (i === 0 ? 0.007 : 0.007)) as [number, number] });
    const gapsAfter = { gaps: gapCollection(s.gaps({ group: 'any', radiusM: 500, cellSizeM: 50 })) };
    const shareBefore = init.result.boards[0].groups[0].radii[0].areaShare;
    const shareAfter = moved.result.boards[0].groups[0].radii[0].areaShare;
    expect(shareAfter).toBeGreaterThan(shareBefore);
    const gapBefore = gapsBefore.gaps.features[0].properties.gapAreaKm2;
    const gapAfter = gapsAfter.gaps.features[0].properties.gapAreaKm2;
    // The gap raster agrees with the exact share to within its cell resolution (board 4 km²).
    expect(gapBefore).toBeCloseTo(4 * (1 - shareBefore), 1);
    expect(gapAfter).toBeLessThan(gapBefore);
    expect(gapsAfter.gaps.features[0].geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('draws reach rings for the chosen facilities only, closed, at the radius', () => {
    const s = new CoverageSession();
    s.init({ boards: fx.boards, facilities: fx.facilities, population: { kind: 'none' }, radiiM: [300] });
    const r = { rings: s.rings({ group: '5-min', radiusM: 300 }) };
    expect(r.rings.features.map((f) => f.properties.id)).toEqual(['in']);
    const ring = r.rings.features[0].geometry.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('draws no rings for a group of more than maxRings facilities, and still those of chosen ids', () => {
    const s = new CoverageSession();
    s.init({ boards: fx.boards, facilities: fx.facilities, population: { kind: 'none' }, radiiM: [300] });
    const all = s.rings({ group: 'any', radiusM: 300 }).features.length;
    expect(all).toBeGreaterThan(1);
    expect(s.rings({ group: 'any', radiusM: 300, maxRings: all }).features).toHaveLength(all);
    expect(s.rings({ group: 'any', radiusM: 300, maxRings: all - 1 }).features).toEqual([]);
    expect(s.rings({ facilityIds: ['in'], radiusM: 300, maxRings: 1 }).features.map((f) => f.properties.id)).toEqual(['in']);
  });

  it('refuses a move before init (the worker client turns the throw into a rejected call)', () => {
    expect(() => new CoverageSession().move({ facilityId: 'x', lonLat: [0, 0] })).toThrow('"init" first');
  });
});
