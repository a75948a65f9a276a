/**
 * The facilities slice as IndexedDB keeps it (src/state/persistence/stored-facilities.ts):
 * packed and read back through a structured clone (what IndexedDB does), a layer is what it
 * was, key for key; layers it cannot pack losslessly, and arrays stored by earlier versions,
 * are kept and read as they are; a damaged packed record is handed on for the check to refuse.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FacilityPacker, FACILITIES_PER_PART, fromStoredFacilities, joinStoredFacilities, PACK_MIN_FACILITIES, storedFacilityRecords, toStoredFacilities } from '../../../../src/state/persistence/stored-facilities.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import { textsJsonParts } from '../../../../src/state/persistence/facilities-precheck.ts';
import { facilityArb } from '../../../support/project-arbitraries.ts';

const facility = facilityArb;

const roundTrip = (fs: Facility[]) => fromStoredFacilities(structuredClone(toStoredFacilities(fs)));
const layer = (n: number): Facility[] => Array.from({ length: n }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', lonLat: [120 + i * 1e-6, 28.5] }));

describe('stored facilities', () => {
  it('packs a large layer and reads it back key for key (names, illustrative true/false/absent, -0)', () => {
    fc.assert(
      fc.property(fc.array(facility, { minLength: 1, maxLength: 20 }), (some) => {
        const fs = [...some, ...layer(PACK_MIN_FACILITIES)];
        const stored = toStoredFacilities(fs);
        expect(Array.isArray(stored)).toBe(false);
        const back = roundTrip(fs) as Facility[];
        expect(back).toStrictEqual(fs.map((f) => ({ ...f })));
        back.slice(0, some.length).forEach((f, i) => expect(Object.keys(f).sort()).toEqual(Object.keys(some[i]).sort()));
      }),
      { seed: 20261126, numRuns: 25 },
    );
  });

  it('keeps small layers, layers with other keys or odd values, and earlier versions’ arrays as they are', () => {
    expect(toStoredFacilities(layer(10))).toEqual(layer(10));
    const extra = [...layer(PACK_MIN_FACILITIES), { id: 'x', category: 'c', lonLat: [1, 2], note: 'kept' } as Facility];
    expect(toStoredFacilities(extra)).toBe(extra);
    const undef = [...layer(PACK_MIN_FACILITIES), { id: 'x', category: 'c', lonLat: [1, 2], name: undefined } as Facility];
    expect(toStoredFacilities(undef)).toBe(undef);
    const bad = [...layer(PACK_MIN_FACILITIES), { id: '', category: 'c', lonLat: [1, 2] } as Facility];
    expect(toStoredFacilities(bad)).toBe(bad);
    expect(fromStoredFacilities(layer(3))).toEqual(layer(3));
  });

  it('hands a damaged packed record on as it is', () => {
    const packed = toStoredFacilities(layer(PACK_MIN_FACILITIES)) as { textsJson: string };
    for (const textsJson of ['{', '[[],[],[],[]]', '"x"']) {
      const damaged = { ...packed, textsJson };
      expect(fromStoredFacilities(damaged)).toBe(damaged);
    }
  });

  it('writes the texts in pieces as the same JSON as one JSON.stringify (pieces of 1, 2, 3 and more than all)', () => {
    fc.assert(
      fc.property(fc.array(facility, { maxLength: 9 }), fc.integer({ min: 1, max: 12 }), (fs, chunk) => {
        const packer = new FacilityPacker(fs.length);
        fs.forEach((f, i) => packer.add(i, f));
        const pieced = textsJsonParts(packer, chunk).map((part) => part()).join('');
        expect(pieced).toBe(JSON.stringify([packer.ids, packer.categories, packer.names, packer.illustrative]));
      }),
      { seed: 20261126, numRuns: 200 },
    );
  });

  /** What storage holds for `fs` after one write (parts of `perPart`): key → structured clone of the value put (parts, then the head). */
  const PER_PART = 400;
  const storedRecords = (fs: Facility[], perPart = PER_PART) => new Map(storedFacilityRecords(toStoredFacilities(fs), perPart).map(([k, v]) => [k, structuredClone(v())]));
  const readBack = (records: Map<string, unknown>) => fromStoredFacilities(joinStoredFacilities(records.get('facilities'), records));

  it('stores a layer of more than one part as parts and a head, and reads it back key for key (part boundaries inside a name)', () => {
    const named = (n: number): Facility[] => layer(n).map((f, i) => ({ ...f, name: `设施 "${i}"\\`, ...(i % 3 ? { illustrative: i % 2 === 0 } : {}) }));
    for (const n of [PACK_MIN_FACILITIES, PACK_MIN_FACILITIES + 1, 3 * PER_PART + 7]) {
      const fs = named(n);
      const records = storedRecords(fs);
      const parts = Math.ceil(n / PER_PART);
      expect([...records.keys()]).toEqual(parts === 1 ? ['facilities'] : [...Array.from({ length: parts }, (_, i) => `facilities#${i}`), 'facilities']);
      expect(readBack(records)).toStrictEqual(fs);
    }
    // Earlier versions' records (one packed record, a plain array) read as before.
    const one = toStoredFacilities(named(PACK_MIN_FACILITIES));
    expect(readBack(new Map([['facilities', structuredClone(one)]]))).toStrictEqual(named(PACK_MIN_FACILITIES));
    expect(readBack(new Map([['facilities', layer(3)]]))).toStrictEqual(layer(3));
  });

  it('hands a head on as it is when a part is missing or damaged (the check refuses it)', () => {
    const records = storedRecords(layer(PACK_MIN_FACILITIES + 1));
    const head = records.get('facilities');
    for (const change of [(m: Map<string, unknown>) => m.delete('facilities#1'), (m: Map<string, unknown>) => m.set('facilities#2', { lonLat: [1, 2], texts: '' }), (m: Map<string, unknown>) => m.set('facilities#0', 'x')]) {
      const damaged = new Map(records);
      change(damaged);
      expect(readBack(damaged)).toBe(head);
    }
    expect(readBack(new Map([['facilities', { format: 'anju-packed-facilities-parts-1', parts: -1 }]]))).toEqual({ format: 'anju-packed-facilities-parts-1', parts: -1 });
    // The app's part size: a layer of up to one part is one record.
    expect(storedFacilityRecords(toStoredFacilities(layer(PACK_MIN_FACILITIES))).map(([k]) => k)).toEqual(['facilities']);
    expect(FACILITIES_PER_PART).toBeGreaterThanOrEqual(PACK_MIN_FACILITIES);
  });
});
