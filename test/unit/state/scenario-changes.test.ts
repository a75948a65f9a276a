import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/state/change.ts';
import { History } from '../../../src/state/history.ts';
import { addSite, deleteSite, editSite, moveSite, setAllocation, setAllocations } from '../../../src/state/scenario-changes.ts';
import { createScenario, deleteScenario, duplicateScenario, renameScenario, setRuleThreshold } from '../../../src/state/scenario-project-changes.ts';
import type { ProjectState } from '../../../src/state/scenario.ts';
import { cellUnits } from '../../../src/state/scenario.ts';
import { square, testScenario } from '../../support/allocation-fixtures.ts';

function start(): ProjectState {
  return {
    scenarios: [
      testScenario({
        id: 'a',
        allocations: [
          { boardId: 'k1', year: 2021, type: 'commercial', units: 10 },
          { boardId: 's1', year: 2022, type: 'public-rental', units: 5 },
        ],
        sites: [
          { id: 'x', name: 'X', geometry: { type: 'Point', coordinates: [120.1, 28] }, units: 100, type: 'commercial', year: 2023 },
          { id: 'y', name: 'Y', geometry: square(120.3, 28, 0.01), units: 50, type: 'talent-rental', year: 2024, note: 'n' },
        ],
      }),
      testScenario({ id: 'b', name: 'B' }),
    ],
  };
}

/** Apply, then the inverse: exactly the previous state (deep, including key presence and order). */
function roundTrip(change: Change<ProjectState>, state = start()) {
  const before = structuredClone(state);
  const { state: after, inverse } = change.apply(state);
  expect(state).toStrictEqual(before); // input untouched
  expect(after).not.toStrictEqual(before);
  const { state: back, inverse: redo } = inverse.apply(after);
  expect(back).toStrictEqual(before);
  expect(redo.apply(back).state).toStrictEqual(after);
  return after;
}

describe('every scenario change is undone exactly by its inverse', () => {
  it('set allocation: new cell, changed cell, emptied cell', () => {
    const a = roundTrip(setAllocation('a', 'm1', 2025, 'resettlement', 7));
    expect(a.scenarios[0].allocations.map((c) => c.boardId)).toEqual(['k1', 'm1', 's1']); // canonical order
    expect(cellUnits(roundTrip(setAllocation('a', 'k1', 2021, 'commercial', 12)).scenarios[0], 'k1', 2021, 'commercial')).toBe(12);
    expect(roundTrip(setAllocation('a', 'k1', 2021, 'commercial', 0)).scenarios[0].allocations).toHaveLength(1);
  });

  it('set a block of cells (a paste) as one change: new, changed and emptied cells; one inverse restores them all', () => {
    const after = roundTrip(
      setAllocations('a', [
        { boardId: 'k1', year: 2021, type: 'commercial', units: 0 },
        { boardId: 'k1', year: 2022, type: 'commercial', units: 20 },
        { boardId: 'm1', year: 2021, type: 'commercial', units: 30 },
        { boardId: 's1', year: 2022, type: 'public-rental', units: 6 },
      ]),
    );
    expect(after.scenarios[0].allocations).toEqual([
      { boardId: 'k1', year: 2022, type: 'commercial', units: 20 },
      { boardId: 'm1', year: 2021, type: 'commercial', units: 30 },
      { boardId: 's1', year: 2022, type: 'public-rental', units: 6 },
    ]);
    const h = new History<ProjectState>(start());
    h.apply(setAllocations('a', [{ boardId: 'm1', year: 2021, type: 'commercial', units: 30 }, { boardId: 'm1', year: 2022, type: 'commercial', units: 40 }]));
    expect(h.undoLabel).toEqual({ zh: '粘贴分配', en: 'Paste allocation' });
    expect(h.undo()).toStrictEqual(start());
    expect(h.canUndo).toBe(false);
    expect(() => setAllocations('a', [{ boardId: 'm1', year: 2021, type: 'commercial', units: -1 }])).toThrow(/-1/);
  });

  it('add, move, edit and delete a site', () => {
    const site = { id: 'z', name: 'Z', geometry: { type: 'Point' as const, coordinates: [120.2, 28] }, units: 3, type: 'resettlement' as const, year: 2021 as const };
    expect(roundTrip(addSite('a', site)).scenarios[0].sites.map((s) => s.id)).toEqual(['x', 'y', 'z']);
    expect(roundTrip(moveSite('a', 'x', { type: 'Point', coordinates: [120.25, 28.01] })).scenarios[0].sites[0].geometry).toEqual({ type: 'Point', coordinates: [120.25, 28.01] });
    expect(roundTrip(editSite('a', 'y', { units: 60, type: 'affordable-rental', year: 2025, name: 'Y2' })).scenarios[0].sites[1]).toMatchObject({ units: 60, type: 'affordable-rental', year: 2025, name: 'Y2' });
    // Adding an optional field and removing one both restore key absence/presence exactly.
    expect(roundTrip(editSite('a', 'x', { note: 'new' })).scenarios[0].sites[0].note).toBe('new');
    expect('note' in roundTrip(editSite('a', 'y', { note: undefined })).scenarios[0].sites[1]).toBe(false);
    expect(roundTrip(deleteSite('a', 'x')).scenarios[0].sites.map((s) => s.id)).toEqual(['y']); // inverse re-inserts at index 0
  });

  it('create, rename, duplicate and delete a scenario; set a rule threshold', () => {
    expect(roundTrip(createScenario(testScenario({ id: 'c' }))).scenarios.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(roundTrip(renameScenario('b', '新名')).scenarios[1].name).toBe('新名');
    const d = roundTrip(duplicateScenario('a', 'a2', 'A copy', '2026-02-02T00:00:00.000Z'));
    expect(d.scenarios.map((s) => s.id)).toEqual(['a', 'a2', 'b']);
    expect(d.scenarios[1]).toStrictEqual({ ...d.scenarios[0], id: 'a2', name: 'A copy', createdAt: '2026-02-02T00:00:00.000Z' });
    expect(d.scenarios[1].sites).not.toBe(d.scenarios[0].sites); // a deep copy, not shared
    expect(roundTrip(deleteScenario('a')).scenarios.map((s) => s.id)).toEqual(['b']); // inverse restores at index 0
    expect(roundTrip(setRuleThreshold('a', 'rentalMaxDistanceToEmploymentKm', 2.5)).scenarios[0].ruleSettings.rentalMaxDistanceToEmploymentKm).toBe(2.5);
  });

  it('leaves untouched scenarios as the same objects (so autosave writes only what changed)', () => {
    const s = start();
    const after = setAllocation('a', 'k1', 2021, 'commercial', 1).apply(s).state;
    expect(after.scenarios[1]).toBe(s.scenarios[1]);
  });

  it('undoes and redoes a sequence of edits through History', () => {
    const h = new History(start());
    const snapshots = [h.state];
    for (const c of [setAllocation('a', 'm1', 2021, 'commercial', 9), deleteSite('a', 'y'), renameScenario('a', 'A!'), duplicateScenario('a', 'a3', 'A3', 't'), deleteScenario('b'), setRuleThreshold('a3', 'approxTargetTolerancePct', 0)]) {
      h.apply(c);
      snapshots.push(h.state);
    }
    for (let i = snapshots.length - 2; i >= 0; i--) expect(h.undo()).toStrictEqual(snapshots[i]);
    for (let i = 1; i < snapshots.length; i++) expect(h.redo()).toStrictEqual(snapshots[i]);
  });

  it('rejects programmer errors with the value named', () => {
    expect(() => setAllocation('a', 'k1', 2021, 'commercial', -1)).toThrow(/-1/);
    expect(() => setAllocation('nope', 'k1', 2021, 'commercial', 1).apply(start())).toThrow(/nope/);
    expect(() => addSite('a', { ...start().scenarios[0].sites[0] }).apply(start())).toThrow(/already has a site "x"/);
  });
});
