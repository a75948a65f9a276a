/** The worker's session over the typed protocol: init, move, gaps and rings. */
import { describe, expect, it } from 'vitest';
import { CoverageSession } from '../../../../src/analysis/coverage/coverage-session.ts';
import { readCoverageFixture } from './fixture-input.ts';

const clock = () => 0;

describe('CoverageSession (worker protocol)', () => {
  const fx = readCoverageFixture('test/fixtures/coverage/in/facility-outside-every-board.geojson');

  it('answers init and move with results, and gaps shrink when a facility moves into the board', () => {
    const s = new CoverageSession();
    const init = s.handle({ type: 'init', id: 1, boards: fx.boards, facilities: fx.facilities, population: fx.population, radiiM: [500], groups: ['any'] }, clock);
    expect(init.type).toBe('result');
    const gapsBefore = s.handle({ type: 'gaps', id: 2, group: 'any', radiusM: 500, cellSizeM: 50 }, clock);
    const moved = s.handle({ type: 'move', id: 3, facilityId: 'far', lonLat: fx.facilities[0].lonLat.map((v, i) => v + (i === 0 ? 0.007 : 0.007)) as [number, number] }, clock);
    const gapsAfter = s.handle({ type: 'gaps', id: 4, group: 'any', radiusM: 500, cellSizeM: 50 }, clock);
    if (init.type !== 'result' || moved.type !== 'result' || gapsBefore.type !== 'gaps' || gapsAfter.type !== 'gaps') throw new Error('unexpected reply');
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
    s.handle({ type: 'init', id: 1, boards: fx.boards, facilities: fx.facilities, population: { kind: 'none' }, radiiM: [300] }, clock);
    const r = s.handle({ type: 'rings', id: 2, group: '5-min', radiusM: 300 }, clock);
    if (r.type !== 'rings') throw new Error('unexpected reply');
    expect(r.rings.features.map((f) => f.properties.id)).toEqual(['in']);
    const ring = r.rings.features[0].geometry.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('replies with an error, not a throw, for a move before init', () => {
    expect(new CoverageSession().handle({ type: 'move', id: 9, facilityId: 'x', lonLat: [0, 0] }, clock)).toMatchObject({ type: 'error', id: 9 });
  });
});
