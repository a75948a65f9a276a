/**
 * The stored form of an imported facilities layer made from the import worker's columns
 * (src/state/persistence/stored-facilities-of-columns.ts) is exactly what toStoredFacilities gives
 * for the facilities 替换 builds from the same columns (`facilityAt`): names present, empty or
 * missing, illustrative or not, 4-byte characters and lone surrogates, -0, many categories, and
 * slices of no time (a pause at every chunk). When it is not sure (a blank id, a position that is
 * not finite) it says so rather than guess.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { facilityAt, type FacilityColumns } from '../../../../src/domain/facility-columns.ts';
import { columnsOf } from '../../../support/facility-columns-of.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import { fromStoredFacilities, PACK_MIN_FACILITIES, toStoredFacilities } from '../../../../src/state/persistence/stored-facilities.ts';
import { storedFormOfColumns } from '../../../../src/state/persistence/stored-facilities-of-columns.ts';
import { timeSlicer } from '../../../../src/state/persistence/time-slicer.ts';

const built = (c: FacilityColumns) => Array.from({ length: c.lon.length }, (_, i) => facilityAt(c, i));
const text = fc.string({ unit: fc.constantFrom('a', '7', ' ', '"', '\\', '\n', '设', '施', '𠀀', '😀', '\ud800', '\udfff', '\u2028', '\u0000'), maxLength: 6 });
const facility: fc.Arbitrary<Facility> = fc.record(
  {
    id: fc.string({ unit: fc.constantFrom('f', '1', '𠀀', '"', '\ud83d'), minLength: 1, maxLength: 4 }),
    category: fc.oneof(fc.constantFrom('kindergarten', 'primary-school', '幼儿园'), text),
    name: text,
    lonLat: fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })),
    illustrative: fc.constant(true),
  },
  { requiredKeys: ['id', 'category', 'lonLat'] },
);
const filler = (n: number, at = 0): Facility[] => Array.from({ length: n }, (_, i) => ({ id: `x${at + i}`, category: 'fresh-market', lonLat: [120.6 + i * 1e-6, 28 - i * 1e-6], ...(i % 3 ? { name: `设施${i}` } : {}) }));
/** Slices of no time: a pause at every look at the clock. */
const eager = () => {
  let pauses = 0;
  return { slicer: timeSlicer(0, async () => void pauses++), pauses: () => pauses };
};

describe('the stored form of a layer made from its columns', () => {
  it('is what toStoredFacilities gives for the facilities built from the same columns', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(facility, { minLength: 1, maxLength: 30 }), fc.nat(9000), async (some, extra) => {
        const fs = [...some, ...filler(PACK_MIN_FACILITIES + extra)];
        const c = columnsOf(fs);
        const list = built(c);
        const { slicer } = eager();
        const got = await storedFormOfColumns(c, slicer);
        const want = toStoredFacilities(list);
        expect(Array.isArray(want), 'the layer is one toStoredFacilities packs').toBe(false);
        expect(got).toStrictEqual(want);
        // And it reads back as the facilities 替换 built.
        expect(fromStoredFacilities(structuredClone(got))).toStrictEqual(list);
      }),
      { seed: 20261127, numRuns: 30 },
    );
  });

  it('pauses between chunks of a large layer and gives the same text as one JSON.stringify', async () => {
    const fs = [...filler(30_000), { id: '末', category: '😀', lonLat: [-0, 90] as [number, number], name: '' }];
    const c = columnsOf(fs);
    const { slicer, pauses } = eager();
    const got = await storedFormOfColumns(c, slicer);
    expect(got).toStrictEqual(toStoredFacilities(built(c)));
    expect(pauses()).toBeGreaterThanOrEqual(4 * Math.floor(fs.length / 4096));
  });

  it('gives null (the array as it is) for a small layer, and undefined when the layer might not be packed', async () => {
    expect(await storedFormOfColumns(columnsOf(filler(PACK_MIN_FACILITIES - 1)), eager().slicer)).toBeNull();
    expect(toStoredFacilities(built(columnsOf(filler(PACK_MIN_FACILITIES - 1))))).toEqual(filler(PACK_MIN_FACILITIES - 1));
    const blankId = columnsOf([...filler(PACK_MIN_FACILITIES), { id: '', category: 'c', lonLat: [1, 2] }]);
    expect(Array.isArray(toStoredFacilities(built(blankId)))).toBe(true);
    expect(await storedFormOfColumns(blankId, eager().slicer)).toBeUndefined();
    for (const bad of [NaN, Infinity]) {
      const c = columnsOf([...filler(PACK_MIN_FACILITIES), { id: 'y', category: 'c', lonLat: [bad, 2] }]);
      expect(Array.isArray(toStoredFacilities(built(c)))).toBe(true);
      expect(await storedFormOfColumns(c, eager().slicer)).toBeUndefined();
    }
  });
});
