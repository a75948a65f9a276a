/** Facility edits are single undoable changes; the worker sync sees them as single add/remove/move diffs. */
import { describe, expect, it } from 'vitest';
import { History } from '../../../src/state/history.ts';
import { initialProject } from '../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';
import type { Facility } from '../../../src/domain/facility.ts';
import { addFacility, moveFacility, removeFacility, replaceFacilities, setBoardResidents, setPopulation } from '../../../src/state/facility-changes.ts';
import { facilityDiff, type FacilityDiff } from '../../../src/ui/coverage/facility-diff.ts';
import { markPassed } from '../../../src/state/persistence/check-before-write.ts';
import type { ProjectState } from '../../../src/state/project.ts';
import fc from 'fast-check';

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

/** facilityDiff as it was, with two maps of ids every time: what the quicker way must agree with. */
function diffByIds(prev: readonly Facility[], next: readonly Facility[]): FacilityDiff {
  if (prev === next) return { kind: 'same' };
  if (Math.abs(next.length - prev.length) > 1) return { kind: 'reset' };
  const before = new Map(prev.map((f) => [f.id, f]));
  const after = new Map(next.map((f) => [f.id, f]));
  if (before.size !== prev.length || after.size !== next.length) return { kind: 'reset' };
  const same = (x: Facility, y: Facility) => x === y || (x.id === y.id && x.category === y.category && x.lonLat[0] === y.lonLat[0] && x.lonLat[1] === y.lonLat[1]);
  const added = next.filter((f) => !before.has(f.id));
  const removed = prev.filter((f) => !after.has(f.id));
  const changed = next.filter((f) => before.has(f.id) && !same(before.get(f.id)!, f));
  if (added.length === 0 && removed.length === 0 && changed.length === 0) return { kind: 'same' };
  if (added.length === 1 && removed.length === 0 && changed.length === 0) return { kind: 'add', facility: added[0] };
  if (removed.length === 1 && added.length === 0 && changed.length === 0) return { kind: 'remove', id: removed[0].id };
  if (changed.length === 1 && added.length === 0 && removed.length === 0 && changed[0].category === before.get(changed[0].id)!.category) return { kind: 'move', id: changed[0].id, lonLat: changed[0].lonLat };
  return { kind: 'reset' };
}

describe('facilityDiff of a drag in a large layer', () => {
  const big = (n: number): Facility[] => Array.from({ length: n }, (_, i) => ({ id: `f${i % 7 === 3 ? i - 1 : i}`, category: i % 2 ? 'kindergarten' : 'nursery', lonLat: [120 + i * 1e-5, 28] }));
  it('agrees with the diff by ids on every edit of one place, on lists with and without repeated ids, passed or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.boolean(), fc.boolean(), fc.nat(), fc.constantFrom('move', 'same', 'copy', 'category', 'id', 'dup-id', 'two', 'none', 'add', 'add-dup', 'add-end', 'remove', 'remove-two', 'swap'), (n, repeated, passed, at0, edit) => {
        const prev = repeated ? big(n) : big(n).map((f, i) => ({ ...f, id: `u${i}` }));
        if (passed && !repeated) markPassed(prev);
        const at = at0 % n;
        const next = prev.slice();
        const f = prev[at];
        if (edit === 'move') next[at] = { ...f, lonLat: [f.lonLat[0] + 1e-3, 28.1] };
        else if (edit === 'same') next[at] = { ...f, lonLat: [f.lonLat[0], f.lonLat[1]] };
        else if (edit === 'copy') next[at] = { ...f };
        else if (edit === 'category') next[at] = { ...f, category: 'fresh-market' };
        else if (edit === 'id') next[at] = { ...f, id: 'new' };
        else if (edit === 'dup-id') next[at] = { ...f, id: prev[(at + 1) % n].id };
        else if (edit === 'two') [next[at], next[(at + 1) % n]] = [{ ...f, lonLat: [1, 2] }, { ...prev[(at + 1) % n], lonLat: [3, 4] }];
        else if (edit === 'add') next.splice(at, 0, { id: 'added', category: 'nursery', lonLat: [1, 2] });
        else if (edit === 'add-dup') next.splice(at, 0, { ...prev[(at + 1) % n], lonLat: [1, 2] });
        else if (edit === 'add-end') next.push({ id: 'added', category: 'nursery', lonLat: [1, 2] });
        else if (edit === 'remove') next.splice(at, 1);
        else if (edit === 'remove-two') next.splice(at, 2);
        else if (edit === 'swap') [next[at], next[(at + 1) % n]] = [next[(at + 1) % n], next[at]];
        expect(facilityDiff(prev, next)).toEqual(diffByIds(prev, next));
        // A second drag from the result: known unique (or not) the same way.
        const again = next.slice();
        const j = at % next.length;
        again[j] = { ...next[j], lonLat: [5, 6] };
        expect(facilityDiff(next, again)).toEqual(diffByIds(next, again));
        const fewer = next.slice();
        fewer.splice(j, 1);
        expect(facilityDiff(next, fewer)).toEqual(diffByIds(next, fewer));
      }),
      { seed: 20261127, numRuns: 1000 },
    );
  });

  it('finds a drop, an added and a removed facility among 300,000 without mapping their ids (a layer that passed the project check)', () => {
    const prev: Facility[] = Array.from({ length: 300_000 }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', lonLat: [120 + i * 1e-6, 28] }));
    markPassed(prev);
    const next = moveFacility('f123456', [120.5, 28.5]).apply({ facilities: prev } as ProjectState).state.facilities;
    const mapSet = Map.prototype.set;
    let sets = 0;
    Map.prototype.set = function (this: Map<unknown, unknown>, k: unknown, v: unknown) {
      sets++;
      return mapSet.call(this, k, v);
    };
    try {
      expect(facilityDiff(prev, next)).toEqual({ kind: 'move', id: 'f123456', lonLat: [120.5, 28.5] });
      const added: Facility = { id: 'new', category: 'nursery', lonLat: [120.6, 28] };
      const more = addFacility(added).apply({ facilities: next } as ProjectState).state.facilities;
      expect(facilityDiff(next, more)).toEqual({ kind: 'add', facility: added });
      expect(facilityDiff(more, removeFacility('f7').apply({ facilities: more } as ProjectState).state.facilities)).toEqual({ kind: 'remove', id: 'f7' });
    } finally {
      Map.prototype.set = mapSet;
    }
    expect(sets).toBe(0);
  });
});

