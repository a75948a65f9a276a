import { describe, expect, it } from 'vitest';
import { packFacilities, packFacilitySteps, runSteps, unpackFacilities } from '../../../../src/analysis/coverage/packed-facilities.ts';
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

describe('packFacilitySteps', () => {
  it('yields between steps and adds the extra text columns asked for, as JSON arrays', () => {
    const fs: Facility[] = Array.from({ length: 1000 }, (_, i) => ({ id: `f${i}`, category: i % 2 ? 'kindergarten' : 'x', lonLat: [120, 28] }));
    const steps = packFacilitySteps(fs, { kind: (f) => f.category.toUpperCase() });
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    // Every 256 facilities (3 in 1,000) and every JSON piece (4 columns of one piece each).
    expect(yields).toBe(3 + 4);
    const { extraJson, ...core } = r.value;
    expect(core).toStrictEqual(packFacilities(fs));
    expect(JSON.parse(extraJson!.kind)).toEqual(fs.map((f) => f.category.toUpperCase()));
    expect(runSteps(packFacilitySteps([]))).toStrictEqual(packFacilities([]));
  });
});
