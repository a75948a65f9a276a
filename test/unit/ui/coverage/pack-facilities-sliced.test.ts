/**
 * The coverage worker's init after 替换 of a large layer: built in slices of time it is the same
 * value runSteps gives at once; a replaced layer is a reset known without walking it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serialize } from 'node:v8';
import { runSteps } from '../../../../src/analysis/coverage/packed-facilities.ts';
import { runStepsSliced } from '../../../../src/ui/coverage/pack-facilities-sliced.ts';
import { initPartsSteps } from '../../../../src/ui/coverage/coverage-init-steps.ts';
import { facilityDiff } from '../../../../src/ui/coverage/facility-diff.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import type { PopulationInput } from '../../../../src/domain/population.ts';
import { facilityArb } from '../../../support/project-arbitraries.ts';

/** Pauses at every look at the clock, counting them. */
function countingSlicer() {
  const s = { pauses: 0, due: () => true, pause: async () => void s.pauses++ };
  return s;
}

describe('the coverage init in slices', () => {
  it('packs exactly what runSteps packs, pausing as it goes', async () => {
    const none: PopulationInput = { kind: 'none' };
    await fc.assert(
      fc.asyncProperty(fc.array(facilityArb, { maxLength: 30 }), async (fs) => {
        expect(await runStepsSliced(initPartsSteps(fs, none), countingSlicer())).toStrictEqual(runSteps(initPartsSteps(fs, none)));
      }),
      { seed: 20261126, numRuns: 100 },
    );
    const big: Facility[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', name: i % 3 ? `园${i}` : undefined, lonLat: [120 + i * 1e-6, 28], ...(i % 7 ? {} : { illustrative: true }) }));
    const points: PopulationInput = { kind: 'points', points: Array.from({ length: 50_000 }, (_, i) => ({ lonLat: [120 + i * 1e-6, 28 - i * 1e-7], population: i % 9 })) };
    const slicer = countingSlicer();
    const sliced = await runStepsSliced(initPartsSteps(big, points), slicer);
    // Byte for byte (toStrictEqual walks typed arrays element by element: seconds here).
    expect(serialize(sliced).equals(serialize(runSteps(initPartsSteps(big, points))))).toBe(true);
    // A pause at least every 256 facilities, every 4,096 texts and every 8,192 points.
    expect(slicer.pauses).toBeGreaterThanOrEqual(Math.floor(10_000 / 256) + 3 * Math.ceil(10_000 / 4096) + Math.floor(50_000 / 8192));
    expect(sliced.population).toMatchObject({ kind: 'point-columns' });
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
