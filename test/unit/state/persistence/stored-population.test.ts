/**
 * The population slice as IndexedDB keeps it (src/state/persistence/stored-population.ts): packed
 * and read back through a structured clone (what IndexedDB does), the slice is what it was, number
 * for number; slices it cannot pack losslessly, and what earlier versions stored, are kept and read as
 * they are; a damaged packed record is handed on for the project check to refuse.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromStoredPopulation, PACK_MIN_POINTS, packPopulationSteps, preparePopulationForm, toStoredPopulation } from '../../../../src/state/persistence/stored-population.ts';
import type { PopulationPoint } from '../../../../src/domain/population.ts';

const points = (n: number): PopulationPoint[] => Array.from({ length: n }, (_, i) => ({ lonLat: [120.6 + i * 1e-6, 28 + (i % 97) * 1e-4], population: i % 13 }));
const slice = (ps: PopulationPoint[]) => ({ kind: 'points' as const, points: ps });
const roundTrip = (s: unknown) => fromStoredPopulation(structuredClone(toStoredPopulation(s)));

describe('stored population', () => {
  it('packs a large slice into one Float64Array and reads it back number for number (-0, NaN, fractions, huge)', () => {
    const num = fc.oneof(fc.double(), fc.constantFrom(-0, 0, Number.NaN, 1e300, 0.1 + 0.2));
    fc.assert(
      fc.property(fc.array(fc.record({ lonLat: fc.tuple(num, num), population: num }), { minLength: 1, maxLength: 30 }), (some) => {
        // fc.record makes null-prototype objects; a layer's points are plain ones.
        const s = slice([...points(PACK_MIN_POINTS), ...some.map((p) => ({ lonLat: [p.lonLat[0], p.lonLat[1]] as [number, number], population: p.population }))]);
        const stored = toStoredPopulation(s) as { lonLatPopulation?: unknown };
        expect(stored.lonLatPopulation).toBeInstanceOf(Float64Array);
        const back = roundTrip(s) as typeof s;
        expect(back).toStrictEqual(s);
        // toStrictEqual treats -0 and 0 as different and NaN as NaN: check both kept.
        back.points.forEach((p, i) => expect(Object.is(p.population, s.points[i].population)).toBe(true));
      }),
      { seed: 20261126, numRuns: 25 },
    );
  });

  it('keeps small slices, other kinds, extra keys and odd values as they are', () => {
    const small = slice(points(10));
    expect(toStoredPopulation(small)).toBe(small);
    const cases: unknown[] = [
      { ...slice(points(PACK_MIN_POINTS)), note: 'kept' },
      slice([...points(PACK_MIN_POINTS), { lonLat: [1, 2], population: 3, id: 'p' } as PopulationPoint]),
      slice([...points(PACK_MIN_POINTS), { lonLat: [1, 2, 3], population: 3 } as unknown as PopulationPoint]),
      slice([...points(PACK_MIN_POINTS), { lonLat: [1, 2], population: '3' } as unknown as PopulationPoint]),
      slice([...points(PACK_MIN_POINTS), { lonLat: [1, 2] } as unknown as PopulationPoint]),
      slice([...points(PACK_MIN_POINTS), null as unknown as PopulationPoint]),
      { kind: 'uniform', residentsByBoard: { jiucheng: 1 }, assumption: true },
      { kind: 'none' },
    ];
    for (const c of cases) {
      expect(toStoredPopulation(c)).toBe(c);
      expect(fromStoredPopulation(structuredClone(c))).toEqual(c);
    }
  });

  it('hands a damaged packed record on as it is', () => {
    const packed = toStoredPopulation(slice(points(PACK_MIN_POINTS))) as Record<string, unknown>;
    for (const damage of [{ lonLatPopulation: new Float64Array(4) }, { lonLatPopulation: [1, 2, 3] }, { kind: 'cells' }]) {
      const damaged = { ...packed, ...damage };
      expect(fromStoredPopulation(damaged)).toBe(damaged);
    }
  });

  it('packs in pieces (a yield every few thousand points) to the same form as at once, and remembers it', async () => {
    const s = slice(points(12_345));
    const steps = packPopulationSteps(s);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBeGreaterThanOrEqual(3);
    const atOnce = r.value!;
    const s2 = slice(points(12_345));
    let pauses = 0;
    await preparePopulationForm(s2, { due: () => true, pause: async () => void pauses++ });
    expect(pauses).toBe(yields);
    const remembered = toStoredPopulation(s2) as typeof atOnce;
    expect(remembered.lonLatPopulation).toEqual(atOnce.lonLatPopulation);
    expect(toStoredPopulation(s2)).toBe(remembered);
  });
});
