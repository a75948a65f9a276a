import { describe, expect, it } from 'vitest';
import { allocationTotals, unitsOfTypes } from '../../../../src/analysis/allocation/totals.ts';
import { assignSiteBoards } from '../../../../src/analysis/allocation/assign-sites.ts';
import { diffScenarioTotals } from '../../../../src/analysis/allocation/scenario-diff.ts';
import { square, testBoards, testScenario } from '../../../support/allocation-fixtures.ts';

const boards = testBoards();

describe('assignSiteBoards', () => {
  it('puts a point in the board containing it and outside points nowhere', () => {
    const r = assignSiteBoards(
      [
        { id: 'p1', name: '', geometry: { type: 'Point', coordinates: [120.26, 28.01] }, units: 1, type: 'commercial', year: 2021 },
        { id: 'p2', name: '', geometry: { type: 'Point', coordinates: [121, 28] }, units: 1, type: 'commercial', year: 2021 },
      ],
      boards,
    );
    expect(r).toEqual({ p1: 'k1', p2: null });
  });

  it('gives a polygon straddling two boards to the one it overlaps most', () => {
    // Spans lon 120.08–120.16: 0.02° in s1, 0.06° in s2.
    const r = assignSiteBoards([{ id: 'q', name: '', geometry: square(120.12, 28, 0.04), units: 1, type: 'commercial', year: 2021 }], boards);
    expect(r.q).toBe('s2');
  });
});

describe('allocationTotals', () => {
  const s = testScenario({
    allocations: [
      { boardId: 's1', year: 2021, type: 'commercial', units: 100 },
      { boardId: 's1', year: 2022, type: 'public-rental', units: 30 },
      { boardId: 'k1', year: 2021, type: 'commercial', units: 200 },
      { boardId: 'm1', year: 2025, type: 'resettlement', units: 7 },
    ],
    sites: [
      { id: 'in', name: '', geometry: { type: 'Point', coordinates: [120.35, 28] }, units: 50, type: 'talent-sale', year: 2023 },
      { id: 'out', name: '', geometry: { type: 'Point', coordinates: [121, 28] }, units: 11, type: 'commercial', year: 2021 },
    ],
  });
  const t = allocationTotals(s, boards, assignSiteBoards(s.sites, boards));

  it('adds grid cells and sites per type, year, board and category', () => {
    expect(t.units).toBe(398);
    expect(t.gridUnits).toBe(337);
    expect(t.siteUnits).toBe(61);
    expect(t.byType).toMatchObject({ commercial: 311, 'public-rental': 30, resettlement: 7, 'talent-sale': 50, 'affordable-rental': 0 });
    expect(t.byYear).toEqual({ 2021: 311, 2022: 30, 2023: 50, 2024: 0, 2025: 7 });
    expect(t.byTypeYear.commercial[2021]).toBe(311);
    expect(t.byBoard.map((b) => [b.boardId, b.units])).toEqual([['s1', 130], ['s2', 0], ['k1', 200], ['m1', 57]]);
    expect(t.byCategory).toEqual({ 'stock-upgrade': 130, 'key-expansion': 200, 'moderate-development': 57 });
    expect(t.outsideBoards.units).toBe(11);
    expect(t.siteBoards).toEqual({ in: 'm1', out: null });
  });

  it('every unit is counted once: boards + outside = total, per type and per year', () => {
    const boardSum = t.byBoard.reduce((a, b) => a + b.units, 0);
    expect(boardSum + t.outsideBoards.units).toBe(t.units);
    expect(Object.values(t.byType).reduce((a, b) => a + b, 0)).toBe(t.units);
    expect(Object.values(t.byYear).reduce((a, b) => a + b, 0)).toBe(t.units);
    expect(unitsOfTypes(t, ['commercial', 'talent-sale'])).toBe(361);
    expect(unitsOfTypes(t, ['commercial'], 2021)).toBe(311);
  });

  it('keeps an allocation to an unknown board visible, with no category', () => {
    const u = allocationTotals(testScenario({ allocations: [{ boardId: 'zz', year: 2021, type: 'commercial', units: 5 }] }), boards, {});
    expect(u.byBoard.at(-1)).toMatchObject({ boardId: 'zz', category: null, units: 5 });
    expect(u.byCategory['stock-upgrade']).toBe(0);
  });

  it('compares two scenarios per board and per type (b − a)', () => {
    const other = allocationTotals(testScenario({ allocations: [{ boardId: 's1', year: 2021, type: 'commercial', units: 40 }] }), boards, {});
    const c = diffScenarioTotals(t, other);
    expect(c.total).toEqual({ a: 398, b: 40, diff: -358 });
    expect(c.byType.commercial).toEqual({ a: 311, b: 40, diff: -271 });
    expect(c.byBoard.find((x) => x.boardId === 's1')!.byType['public-rental']).toEqual({ a: 30, b: 0, diff: -30 });
    expect(c.outsideBoards.diff).toBe(-11);
  });
});
