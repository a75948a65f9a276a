/** Facility edits are single undoable changes; the worker sync sees them as single add/remove/move diffs. */
import { describe, expect, it } from 'vitest';
import { History } from '../../../src/state/history.ts';
import { initialProject } from '../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';
import type { Facility } from '../../../src/domain/facility.ts';
import { addFacility, moveFacility, removeFacility, replaceFacilities, setBoardResidents, setPopulation } from '../../../src/state/facility-changes.ts';
import { facilityDiff } from '../../../src/ui/coverage/facility-diff.ts';

const a: Facility = { id: 'a', category: 'kindergarten', lonLat: [120.65, 28.0] };
const b: Facility = { id: 'b', category: 'primary-school', lonLat: [120.7, 28.0] };
const c: Facility = { id: 'c', category: 'junior-middle-school', lonLat: [120.7, 27.98] };
const start = () => new History(initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00Z'));
const label = { zh: '载入', en: 'load' };

describe('facility changes', () => {
  it('replace, move, delete and add each undo to the exact previous list', () => {
    const h = start();
    const s1 = h.apply(replaceFacilities([a, b, c], label));
    const s2 = h.apply(moveFacility('b', [120.71, 28.01]));
    expect(s2.facilities[1].lonLat).toEqual([120.71, 28.01]);
    const s3 = h.apply(removeFacility('a'));
    expect(s3.facilities.map((f) => f.id)).toEqual(['b', 'c']);
    const s4 = h.apply(addFacility({ id: 'd', category: 'nursery', lonLat: [120.6, 28] }));
    expect(s4.facilities.map((f) => f.id)).toEqual(['b', 'c', 'd']);
    expect(h.undo()).toEqual(s3);
    expect(h.undo().facilities).toEqual(s2.facilities); // 'a' back in first place
    expect(h.undo().facilities).toEqual(s1.facilities);
    expect(h.undo().facilities).toEqual([]);
  });

  it('edits one board’s residents only under the uniform assumption, undoably', () => {
    const h = start();
    expect(h.apply(setBoardResidents('jiucheng', 5)).population).toEqual({ kind: 'none' });
    h.apply(setPopulation({ kind: 'uniform', residentsByBoard: { jiucheng: 100, qidu: 50 }, assumption: true }, label));
    const s = h.apply(setBoardResidents('jiucheng', 80_000));
    expect(s.population).toEqual({ kind: 'uniform', residentsByBoard: { jiucheng: 80_000, qidu: 50 }, assumption: true });
    expect(h.undo().population).toMatchObject({ residentsByBoard: { jiucheng: 100 } });
  });
});

describe('facilityDiff', () => {
  it('recognises a single add, remove or move and nothing else', () => {
    const list = [a, b];
    expect(facilityDiff(list, list)).toEqual({ kind: 'same' });
    expect(facilityDiff(list, [a, b, c])).toEqual({ kind: 'add', facility: c });
    expect(facilityDiff(list, [b])).toEqual({ kind: 'remove', id: 'a' });
    expect(facilityDiff(list, [a, { ...b, lonLat: [1, 2] }])).toEqual({ kind: 'move', id: 'b', lonLat: [1, 2] });
    expect(facilityDiff(list, [{ ...a }, b])).toEqual({ kind: 'same' });
    expect(facilityDiff(list, [a, { ...b, category: 'nursery' }])).toEqual({ kind: 'reset' });
    expect(facilityDiff(list, [c])).toEqual({ kind: 'reset' });
    expect(facilityDiff(list, [a, { ...b, lonLat: [1, 2] }, c])).toEqual({ kind: 'reset' });
  });
});
