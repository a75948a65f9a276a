/**
 * The facilities slice as IndexedDB keeps it (src/state/persistence/stored-facilities.ts):
 * packed and read back through a structured clone (what IndexedDB does), a layer is what it
 * was, key for key; layers it cannot pack losslessly, and arrays stored by earlier versions,
 * are kept and read as they are; a damaged packed record is handed on for the check to refuse.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FacilityPacker, fromStoredFacilities, PACK_MIN_FACILITIES, toStoredFacilities } from '../../../../src/state/persistence/stored-facilities.ts';
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
});
