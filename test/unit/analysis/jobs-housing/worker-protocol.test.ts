import { describe, expect, it } from 'vitest';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../../src/data/jobs-housing-defaults.ts';
import { computeJobsHousing, handleJobsHousingRequest, type JhWorkerRequest } from '../../../../src/analysis/jobs-housing/index.ts';

const boards = defaultBoards.features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
const parks = defaultEmploymentAreas.features.map((f) => ({ id: f.properties.id, geometry: f.geometry }));
let clock = 0;
const now = () => (clock += 10);

describe('jobs-housing worker protocol', () => {
  it('prepares, redraws a park, and answers with structured-clone-able shares and rings', () => {
    const prep = handleJobsHousingRequest(null, { type: 'prepare', requestId: 1, boards, parks, radiusKm: 5 }, now);
    expect(prep.response.type).toBe('catchments');
    if (prep.response.type !== 'catchments') return;
    expect(prep.response.requestId).toBe(1);
    expect(prep.response.elapsedMs).toBe(10);
    expect(prep.response.rings.map((r) => r.parkId)).toEqual(parks.map((p) => p.id));
    expect(structuredClone(prep.response)).toEqual(prep.response);
    // The main thread computes metrics from the shares alone.
    const r = computeJobsHousing(prep.response.shares, { jobsByPark: { etdz: 1000 }, dwellingsByBoard: { etdz: 1000 }, band: { minJobsPerDwelling: 1.3, maxJobsPerDwelling: 1.7 } });
    const { shares } = prep.response;
    const b = shares.boardIds.indexOf('etdz');
    expect(shares.share[b][shares.parkIds.indexOf('etdz')]).toBeGreaterThan(0.5);
    expect(r.boards[b].jobsInReach).toBeCloseTo(1000 * shares.share[b][shares.parkIds.indexOf('etdz')], 9);

    const moved: JhWorkerRequest = { type: 'redraw-park', requestId: 2, parkId: 'etdz', geometry: null };
    const redraw = handleJobsHousingRequest(prep.state, moved, now);
    expect(redraw.response.type === 'catchments' && redraw.response.shares.parkIds).not.toContain('etdz');
  });

  it('reports a redraw before prepare, and bad input, as an error message', () => {
    expect(handleJobsHousingRequest(null, { type: 'redraw-park', requestId: 3, parkId: 'x', geometry: null }, now).response).toEqual({ type: 'error', requestId: 3, message: 'redraw-park before prepare' });
    const bad = handleJobsHousingRequest(null, { type: 'prepare', requestId: 4, boards, parks, radiusKm: -1 }, now);
    expect(bad.response).toMatchObject({ type: 'error', requestId: 4, message: expect.stringContaining('radiusKm') });
  });
});
