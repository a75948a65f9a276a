/**
 * The tile worker's points of an imported facilities layer made from the import worker's columns
 * (src/analysis/coverage/facility-tile-points.ts) are byte for byte what the page's packer
 * (src/ui/coverage/facility-points.ts) makes of the facilities 替换 builds from the same columns:
 * coordinates (-0 included) and the UTF-8 JSON of ids, categories and tiers (every tier, 居住街坊,
 * unknown categories and category names that are tiers; 4-byte characters, lone surrogates).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { facilityAt, type FacilityColumns } from '../../../../src/domain/facility-columns.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import { facilityTilePointsOfColumns } from '../../../../src/analysis/coverage/facility-tile-points.ts';
import { packFacilityPoints } from '../../../../src/ui/coverage/facility-points.ts';
import { decodeColumns, type PackedPoints } from '../../../../src/geo/packed-points.ts';
import { columnsOf } from '../../../support/facility-columns-of.ts';

const built = (c: FacilityColumns) => Array.from({ length: c.lon.length }, (_, i) => facilityAt(c, i));
const bytes = (p: PackedPoints) => ({ count: p.count, lonLat: [...new Uint8Array(p.lonLat.buffer, p.lonLat.byteOffset, p.lonLat.byteLength)], columns: [...p.columnsUtf8] });
const text = fc.string({ unit: fc.constantFrom('a', '7', '"', '\\', '\n', '设', '𠀀', '😀', '\ud800', '\udfff', '\u2028'), maxLength: 5 });
const facility: fc.Arbitrary<Facility> = fc.record(
  {
    id: fc.string({ unit: fc.constantFrom('f', '1', '𠀀', '"', '\ud83d'), minLength: 1, maxLength: 4 }),
    category: fc.oneof(fc.constantFrom('kindergarten', 'primary-school', 'junior-middle-school', 'convenience-store', '15-min', '5-min', 'block', '幼儿园'), text),
    name: text,
    lonLat: fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })),
    illustrative: fc.constant(true),
  },
  { requiredKeys: ['id', 'category', 'lonLat'] },
);

describe('facility tile points made from the import columns', () => {
  it('are the bytes the page packs from the facilities built from the same columns', () => {
    fc.assert(
      fc.property(fc.array(facility, { minLength: 0, maxLength: 40 }), (fs) => {
        const c = columnsOf(fs);
        expect(bytes(facilityTilePointsOfColumns(c))).toEqual(bytes(packFacilityPoints(built(c))));
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it('are the same bytes for a layer of several chunks (4,096 facilities each), with 4-byte characters at the chunk ends', () => {
    const fs: Facility[] = Array.from({ length: 10_000 }, (_, i) => ({ id: i % 4096 === 4095 ? `😀${i}` : `f${i}`, category: ['kindergarten', '幼儿园', 'block'][i % 3], lonLat: [120 + i * 1e-6, 28], ...(i % 2 ? { name: `设施${i}` } : {}) }));
    const c = columnsOf(fs);
    expect(bytes(facilityTilePointsOfColumns(c))).toEqual(bytes(packFacilityPoints(built(c))));
  });

  it('give each facility its tier by category, and transferable buffers of their own', () => {
    const fs: Facility[] = [
      { id: 'a', category: 'kindergarten', lonLat: [-0, 1] },
      { id: 'b', category: 'primary-school', lonLat: [2, 3], name: '小学' },
      { id: 'c', category: 'convenience-store', lonLat: [4, 5] },
      { id: 'd', category: '15-min', lonLat: [6, 7] },
      { id: 'e', category: '不明', lonLat: [8, 9] },
    ];
    const p = facilityTilePointsOfColumns(columnsOf(fs));
    expect(decodeColumns(p)).toEqual({ id: ['a', 'b', 'c', 'd', 'e'], category: fs.map((f) => f.category), tier: ['5-min', '10-min', 'other', '15-min', 'other'] });
    expect(Object.is(p.lonLat[0], -0)).toBe(true);
    expect(p.lonLat.byteLength).toBe(p.lonLat.buffer.byteLength);
    expect(p.columnsUtf8.byteLength).toBe(p.columnsUtf8.buffer.byteLength);
  });
});
