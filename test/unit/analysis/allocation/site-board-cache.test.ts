import { describe, expect, it, vi } from 'vitest';
import { createSiteBoardCache } from '../../../../src/analysis/allocation/site-board-cache.ts';
import { assignSiteBoards } from '../../../../src/analysis/allocation/assign-sites.ts';
import { plannedUnitsByBoard } from '../../../../src/analysis/allocation/planned-units.ts';
import { assignSiteBoardsWith, type IntersectAreal } from '../../../../src/analysis/allocation/site-boards.ts';
import { intersectAreal } from '../../../../src/geo/polygon-ops.ts';
import type { Site } from '../../../../src/domain/allocation.ts';
import { square, testBoards, testScenario } from '../../../support/allocation-fixtures.ts';

const site = (id: string, lon: number, units = 10): Site => ({ id, name: id, units, type: 'commercial', year: 2021, geometry: square(lon, 28, 0.01) });

describe('createSiteBoardCache', () => {
  it('assigns each geometry once, again only when a site moves or the boards change', () => {
    const assign = vi.fn(assignSiteBoards);
    const lookup = createSiteBoardCache(assign);
    const boards = testBoards();
    const a = site('a', 120.05);
    const b = site('b', 120.25);
    expect(lookup([a, b], boards)).toEqual({ a: 's1', b: 'k1' });
    expect(lookup([a, b], boards)).toEqual({ a: 's1', b: 'k1' });
    expect(assign).toHaveBeenCalledTimes(1);
    const moved = { ...b, geometry: square(120.35, 28, 0.01) };
    expect(lookup([a, moved], boards)).toEqual({ a: 's1', b: 'm1' });
    expect(assign).toHaveBeenCalledTimes(2);
    expect(assign.mock.calls[1][0]).toEqual([moved]); // only the moved site
    lookup([a, moved], testBoards()); // new boards object: everything again
    expect(assign.mock.calls[2][0]).toHaveLength(2);
    expect(lookup([a, { ...a, id: 'outside', geometry: square(121, 29, 0.01) }], testBoards())).toMatchObject({ outside: null });
  });

  it('leaves a polygon site out (not "outside the boards") until polygon clipping is there, then assigns it', () => {
    let clip: IntersectAreal | null = null;
    const lookup = createSiteBoardCache((sites, boards) => assignSiteBoardsWith(sites, boards, clip));
    const boards = testBoards();
    const polygon = site('polygon', 120.25);
    const point: Site = { ...site('point', 0), geometry: { type: 'Point', coordinates: [120.15, 28] } };
    const far = site('far', 121); // no board's bbox near it: no clipping needed to say so
    expect(lookup([polygon, point, far], boards)).toEqual({ point: 's2', far: null });
    clip = intersectAreal;
    expect(lookup([polygon, point, far], boards)).toEqual({ polygon: 'k1', point: 's2', far: null });
  });
});

describe('plannedUnitsByBoard', () => {
  it('sums grid cells and sites of every type and year per board, zeros included, sites outside left out', () => {
    const s = testScenario({
      allocations: [
        { boardId: 's1', year: 2021, type: 'commercial', units: 100 },
        { boardId: 's1', year: 2025, type: 'public-rental', units: 5 },
        { boardId: 'k1', year: 2023, type: 'resettlement', units: 7 },
        { boardId: 'gone', year: 2023, type: 'resettlement', units: 9 },
      ],
      sites: [site('a', 120.05, 20), site('far', 121, 1000)],
    });
    const boards = testBoards();
    expect(plannedUnitsByBoard(s, boards, assignSiteBoards(s.sites, boards))).toEqual({ s1: 125, s2: 0, k1: 7, m1: 0 });
  });
});
