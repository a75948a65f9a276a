/**
 * The coverage worker's packed facilities of an imported layer made from the import worker's columns
 * (src/analysis/coverage/packed-facility-bytes-of-columns.ts) are byte for byte what the page's packer
 * (packed-facility-bytes.ts `packFacilityBytesSteps`) makes of the facilities 替换 builds from the same
 * columns: coordinates (-0 included), illustrative flags, and the UTF-8 JSON pieces of ids, categories
 * and names (no name, empty names; 4-byte characters, lone surrogates; several pieces of 4,096).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { facilityAt, type FacilityColumns } from '../../../../src/domain/facility-columns.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import { packedFacilityBytesOfColumns } from '../../../../src/analysis/coverage/packed-facility-bytes-of-columns.ts';
import { facilityBytesTransfer, packFacilityBytesSteps, unpackFacilityBytes, type PackedFacilityBytes } from '../../../../src/analysis/coverage/packed-facility-bytes.ts';
import { runSteps } from '../../../../src/analysis/coverage/packed-facilities.ts';
import { columnsOf } from '../../../support/facility-columns-of.ts';

const built = (c: FacilityColumns) => Array.from({ length: c.lon.length }, (_, i) => facilityAt(c, i));
const u8 = (a: ArrayBufferView) => [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];
const bytes = (p: PackedFacilityBytes) => ({
  count: p.count,
  lonLat: u8(p.lonLat),
  illustrative: u8(p.illustrative),
  ids: p.ids.map(u8),
  categories: p.categories.map(u8),
  names: p.names.map(u8),
  extra: p.extra,
});
const onPage = (c: FacilityColumns) => runSteps(packFacilityBytesSteps(built(c)));
const text = fc.string({ unit: fc.constantFrom('a', '7', '"', '\\', '\n', '设', '𠀀', '😀', '\ud800', '\udfff', '\u2028'), maxLength: 5 });
const facility: fc.Arbitrary<Facility> = fc.record(
  {
    id: fc.string({ unit: fc.constantFrom('f', '1', '𠀀', '"', '\ud83d'), minLength: 1, maxLength: 4 }),
    category: fc.oneof(fc.constantFrom('kindergarten', 'primary-school', 'block', '幼儿园'), text),
    name: text,
    lonLat: fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })),
    illustrative: fc.constant(true),
  },
  { requiredKeys: ['id', 'category', 'lonLat'] },
);

describe('coverage packed facilities made from the import columns', () => {
  it('are the bytes the page packs from the facilities built from the same columns', () => {
    fc.assert(
      fc.property(fc.array(facility, { minLength: 0, maxLength: 40 }), (fs) => {
        const c = columnsOf(fs);
        expect(bytes(packedFacilityBytesOfColumns(c))).toEqual(bytes(onPage(c)));
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it('are the same bytes for a layer of several pieces (4,096 facilities each), with 4-byte characters at the piece ends', () => {
    const fs: Facility[] = Array.from({ length: 10_000 }, (_, i) => ({ id: i % 4096 === 4095 ? `😀${i}` : `f${i}`, category: ['kindergarten', '幼儿园', 'block'][i % 3], lonLat: [120 + i * 1e-6, 28], ...(i % 2 ? { name: `设施${i}` } : {}), ...(i % 5 ? {} : { illustrative: true }) }));
    const c = columnsOf(fs);
    const p = packedFacilityBytesOfColumns(c);
    expect(p.ids).toHaveLength(3);
    expect(bytes(p)).toEqual(bytes(onPage(c)));
  });

  it('unpack to the facilities, with transferable buffers of their own', () => {
    const fs: Facility[] = [
      { id: 'a', category: 'kindergarten', lonLat: [-0, 1] },
      { id: 'b', category: 'primary-school', lonLat: [2, 3], name: '' },
      { id: 'c', category: '不明', lonLat: [4, 5], name: '小学', illustrative: true },
    ];
    const p = packedFacilityBytesOfColumns(columnsOf(fs));
    expect(unpackFacilityBytes(p)).toEqual(fs);
    expect(Object.is(p.lonLat[0], -0)).toBe(true);
    for (const b of facilityBytesTransfer(p)) expect(b.byteLength).toBeGreaterThan(0);
    expect(p.lonLat.byteLength).toBe(p.lonLat.buffer.byteLength);
    expect(p.illustrative.byteLength).toBe(p.illustrative.buffer.byteLength);
  });
});
