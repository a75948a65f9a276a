/** Facilities packed as bytes for the coverage worker: lossless through a transferring clone, in pieces of 4,096 texts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { facilityBytesTransfer, packFacilityBytesSteps, parseJsonBytes, unpackFacilityBytes } from '../../../../src/analysis/coverage/packed-facility-bytes.ts';
import { runSteps } from '../../../../src/analysis/coverage/packed-facilities.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import { facilityArb } from '../../../support/project-arbitraries.ts';

const pack = (fs: readonly Facility[]) => runSteps(packFacilityBytesSteps(fs));
/** What the engine reads of a facility: `illustrative: false` is the same as no flag (as in packFacilities). */
const asRead = (fs: readonly Facility[]) => fs.map(({ illustrative, ...f }) => (illustrative ? { ...f, illustrative } : f));

describe('packFacilityBytesSteps', () => {
  it('round-trips every facility exactly through a clone that transfers every buffer', () => {
    const odd: Facility[] = [
      { id: 'a', category: 'kindergarten', name: '鹿城 幼儿园 😀', lonLat: [120.6589739, 28.0116332] },
      { id: 'b"\u0000,\\', category: '10-min', lonLat: [120.1, 27.9], illustrative: true },
    ];
    fc.assert(
      fc.property(fc.array(facilityArb, { maxLength: 30 }), (fs) => {
        for (const list of [fs, odd]) {
          const packed = pack(list);
          expect(unpackFacilityBytes(structuredClone(packed, { transfer: facilityBytesTransfer(packed) }))).toEqual(asRead(list));
        }
      }),
      { seed: 20261126, numRuns: 100 },
    );
    expect(unpackFacilityBytes(pack([]))).toEqual([]);
  });

  it('encodes 4,096 texts per piece, each piece its own buffer, with a step after each and the extra columns asked for', () => {
    const fs: Facility[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', name: i % 3 ? `园${i}` : undefined, lonLat: [120 + i * 1e-6, 28] }));
    const steps = packFacilityBytesSteps(fs, { tier: (f) => f.category.length.toString() });
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    const p = r.value;
    expect(p.ids.map((b) => parseJsonBytes<string>([b]).length)).toEqual([4096, 4096, 1808]);
    // 10,000 / 256 rows, 3 pieces for each of 4 text columns.
    expect(yields).toBe(Math.floor(10_000 / 256) + 4 * 3);
    expect(new Set(facilityBytesTransfer(p)).size).toBe(2 + 4 * 3);
    expect(parseJsonBytes<string | null>(p.names)).toEqual(fs.map((f) => f.name ?? null));
    expect(parseJsonBytes<string>(p.extra!.tier)).toEqual(fs.map(() => '12'));
  });
});
