import { describe, expect, it } from 'vitest';
import { packFacilities, unpackFacilities } from '../../../../src/analysis/coverage/packed-facilities.ts';
import type { Facility } from '../../../../src/domain/facility.ts';

describe('packed facilities', () => {
  it('round-trips ids, categories, names, positions and the illustrative flag exactly', () => {
    const fs: Facility[] = [
      { id: 'a', category: 'kindergarten', name: '鹿城 幼儿园', lonLat: [120.6589739, 28.0116332] },
      { id: 'b"\u0000,', category: '10-min', lonLat: [120.1, 27.9], illustrative: true },
    ];
    const packed = packFacilities(fs);
    expect(packed.lonLat).toBeInstanceOf(Float64Array);
    expect(unpackFacilities(structuredClone(packed))).toEqual(fs);
  });

  it('packs an empty list', () => {
    expect(unpackFacilities(packFacilities([]))).toEqual([]);
  });
});
