/**
 * What autosave writes to IndexedDB after a drop (one facility moved) in a layer stored as parts
 * (src/state/persistence/stored-facilities.ts `changedFacilityRecords`, used by scenario-store.ts):
 * only the part records holding a moved facility, not every part; storage that held the layer
 * before the drop and gets those puts holds exactly what a whole write of the moved layer puts,
 * and reads back as the moved layer. After a reload (`readStoredFacilities`, and the load's
 * project check marking the layer passed) the first drop is checked and stored by the moved
 * facility alone, as in the session that imported the layer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Facility } from '../../../../src/domain/facility.ts';
import { changedFacilityRecords, FACILITIES_PER_PART, fromStoredFacilities, joinStoredFacilities, knownStoredForm, readStoredFacilities, rememberStoredForm, storedFacilityRecords, toStoredFacilities, type PackedStoredFacilities } from '../../../../src/state/persistence/stored-facilities.ts';
import { precheckMovedFacilities } from '../../../../src/state/persistence/facilities-precheck.ts';
import { markPassed, prepareDeps } from '../../../../src/state/persistence/check-before-write.ts';

const N = 3 * FACILITIES_PER_PART + 17;
const layer = (n = N): Facility[] => Array.from({ length: n }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', lonLat: [120 + i * 1e-6, 28.5], ...(i % 3 ? { name: `设施${i}` } : {}) }));
const moved = (fs: readonly Facility[], at: number[], to: [number, number] = [120.7, 28.01]): Facility[] => fs.map((f, i) => (at.includes(i) ? { ...f, lonLat: [...to] as [number, number] } : f));

/** Storage after putting `records` (structured clones, as IndexedDB keeps them) over `into`. */
function put(into: Map<string, unknown>, records: [string, () => unknown][]): Map<string, unknown> {
  const out = new Map(into);
  for (const [key, v] of records) out.set(key, structuredClone(v()));
  return out;
}
const wholeWrite = (fs: readonly Facility[]) => put(new Map(), storedFacilityRecords(toStoredFacilities(fs)));
const readBack = (records: Map<string, unknown>) => fromStoredFacilities(joinStoredFacilities(records.get('facilities'), records));

/** `fs` as after the import or the check that packed it: passed, its stored form known. */
function packed(fs: Facility[]): Facility[] {
  markPassed(fs);
  rememberStoredForm(fs, toStoredFacilities(fs) as PackedStoredFacilities);
  return fs;
}

/** The layer after a drop as the app makes it: precheckMovedFacilities gives its stored form from the one before. */
function drop(prev: readonly Facility[], at: number[], to?: [number, number]): Facility[] {
  const next = moved(prev, at, to);
  expect(precheckMovedFacilities(prev, next, prepareDeps)).toBe(true);
  return next;
}

describe('the IndexedDB writes of a drop', () => {
  it('put only the part holding the moved facility, and leave storage as a whole write would', () => {
    const prev = packed(layer());
    const storage = wholeWrite(prev);
    expect(storage.size).toBe(5); // four parts and the head
    const next = drop(prev, [FACILITIES_PER_PART + 5]);
    const puts = changedFacilityRecords(knownStoredForm(prev)!, toStoredFacilities(next));
    expect(puts?.map(([k]) => k)).toEqual(['facilities#1']);
    const after = put(storage, puts!);
    expect(after).toStrictEqual(wholeWrite(next));
    expect(readBack(after)).toStrictEqual(next);
  });

  it('put one record per part with a moved facility (-0 against 0 is a move), none when nothing moved', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(N - 1), { minLength: 1, maxLength: 6 }), fc.constantFrom<[number, number]>([120.7, 28.01], [-0, 0], [0, -0], [0, 0]), (at, to) => {
        const prev = packed(moved(layer(), at, [0, 0]));
        const next = drop(prev, at, to);
        const puts = changedFacilityRecords(knownStoredForm(prev)!, toStoredFacilities(next))!;
        const sameSpot = Object.is(to[0], 0) && Object.is(to[1], 0);
        expect(puts.map(([k]) => k)).toEqual(sameSpot ? [] : [...new Set(at.map((i) => Math.floor(i / FACILITIES_PER_PART)))].sort().map((p) => `facilities#${p}`));
        expect(put(wholeWrite(prev), puts)).toStrictEqual(wholeWrite(next));
      }),
      { seed: 20261127, numRuns: 15 },
    );
  });

  it('write the layer whole when it is not stored as parts, has another count or other texts', () => {
    const prev = layer();
    const stored = toStoredFacilities(prev);
    const renamed = toStoredFacilities(prev.map((f, i) => (i === 9 ? { ...f, name: '改名' } : f)));
    expect(changedFacilityRecords(stored, renamed)).toBeNull();
    expect(changedFacilityRecords(stored, toStoredFacilities(prev.slice(1)))).toBeNull();
    expect(changedFacilityRecords(stored, prev)).toBeNull();
    const one = layer(FACILITIES_PER_PART);
    expect(changedFacilityRecords(toStoredFacilities(one), toStoredFacilities(moved(one, [3])))).toBeNull();
  });

  it('after a reload, the first drop is checked and stored by the moved facility alone', () => {
    const storage = wholeWrite(layer());
    // The load: the layer read back, then (project-persistence.svelte.ts) marked passed by the project check.
    const loaded = readStoredFacilities(storage.get('facilities'), storage) as Facility[];
    expect(loaded).toStrictEqual(layer());
    markPassed(loaded);
    expect(knownStoredForm(loaded)).toBeDefined();
    const next = drop(loaded, [2 * FACILITIES_PER_PART]);
    const puts = changedFacilityRecords(knownStoredForm(loaded)!, toStoredFacilities(next));
    expect(puts?.map(([k]) => k)).toEqual(['facilities#2']);
    expect(put(storage, puts!)).toStrictEqual(wholeWrite(next));
    // Read the plain way, nothing is known of the layer: the drop would walk and pack all of it.
    const plain = readBack(storage) as Facility[];
    markPassed(plain);
    expect(precheckMovedFacilities(plain, moved(plain, [1]), prepareDeps)).toBe(false);
  });
});
