import { describe, expect, it } from 'vitest';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../../src/data/jobs-housing-defaults.ts';
import { CatchmentSession, computeJobsHousing } from '../../../../src/analysis/jobs-housing/index.ts';

const boards = defaultBoards.features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
const parks = defaultEmploymentAreas.features.map((f) => ({ id: f.properties.id, geometry: f.geometry }));
let clock = 0;
const now = () => (clock += 10);

describe('jobs-housing catchment session (what the worker serves)', () => {
  it('prepares, redraws a park, and answers with structured-clone-able shares and rings', () => {
    const session = new CatchmentSession(now);
    const prep = { response: session.prepare({ boards, parks, radiusKm: 5 }) };
    expect(prep.response.elapsedMs).toBe(10);
    expect(prep.response.rings.map((r) => r.parkId)).toEqual(parks.map((p) => p.id));
    expect(structuredClone(prep.response)).toEqual(prep.response);
    // The main thread computes metrics from the shares alone.
    const r = computeJobsHousing(prep.response.shares, { jobsByPark: { etdz: 1000 }, dwellingsByBoard: { etdz: 1000 }, band: { minJobsPerDwelling: 1.3, maxJobsPerDwelling: 1.7 } });
    const { shares } = prep.response;
    const b = shares.boardIds.indexOf('etdz');
    expect(shares.share[b][shares.parkIds.indexOf('etdz')]).toBeGreaterThan(0.5);
    expect(r.boards[b].jobsInReach).toBeCloseTo(1000 * shares.share[b][shares.parkIds.indexOf('etdz')], 9);

    const redraw = session.redrawPark({ parkId: 'etdz', geometry: null });
    expect(redraw.shares.parkIds).not.toContain('etdz');
  });

  it('refuses a redraw before prepare, and bad input, with an error the worker client passes on', () => {
    expect(() => new CatchmentSession(now).redrawPark({ parkId: 'x', geometry: null })).toThrow('redraw-park before prepare');
    expect(() => new CatchmentSession(now).prepare({ boards, parks, radiusKm: -1 })).toThrow(/radiusKm/);
  });
});
