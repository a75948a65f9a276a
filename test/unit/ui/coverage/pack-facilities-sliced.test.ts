/**
 * The coverage worker's init after 替换 of a large layer: packed in slices of time it is the same
 * value packFacilities gives at once; a replaced layer is a reset known without walking it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packFacilities } from '../../../../src/analysis/coverage/packed-facilities.ts';
import { packFacilitiesSliced } from '../../../../src/ui/coverage/pack-facilities-sliced.ts';
import { facilityDiff } from '../../../../src/ui/coverage/facility-diff.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import { facilityArb } from '../../../support/project-arbitraries.ts';

/** Pauses at every look at the clock, counting them. */
function countingSlicer() {
  const s = { pauses: 0, due: () => true, pause: async () => void s.pauses++ };
  return s;
}

describe('packFacilitiesSliced', () => {
  it('packs exactly what packFacilities packs, pausing as it goes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(facilityArb, { maxLength: 30 }), async (fs) => {
        expect(await packFacilitiesSliced(fs, countingSlicer())).toStrictEqual(packFacilities(fs));
      }),
      { seed: 20261126, numRuns: 100 },
    );
    const big: Facility[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', name: i % 3 ? `园${i}` : undefined, lonLat: [120 + i * 1e-6, 28], ...(i % 7 ? {} : { illustrative: true }) }));
    const slicer = countingSlicer();
    expect(await packFacilitiesSliced(big, slicer)).toStrictEqual(packFacilities(big));
    // A pause at least every 256 facilities and every 4,096 texts.
    expect(slicer.pauses).toBeGreaterThanOrEqual(10_000 / 256 + 3 * Math.floor(10_000 / 4096));
  });
});

describe('facilityDiff of a replaced layer', () => {
  it('says reset without reading a facility when the length changes by more than one', () => {
    // Holes: reading any item would throw.
    const prev = new Array<Facility>(20_000);
    const next = new Array<Facility>(300_000);
    expect(facilityDiff(prev, next)).toEqual({ kind: 'reset' });
    expect(facilityDiff(next, prev)).toEqual({ kind: 'reset' });
    expect(facilityDiff([], new Array<Facility>(2))).toEqual({ kind: 'reset' });
  });
});
