/**
 * The hand-written facility check (src/state/facilities-fast-check.ts) against the schema it
 * stands in for: on valid and on randomly broken facilities, "fast says yes" implies valibot
 * accepts with an output equal to the input, and valibot accepting a facility whose lonLat has
 * two items implies "fast says yes". A project check through the fast path still names a bad
 * item's field (valibot's message). Seeded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { facilitiesPassSchema } from '../../../src/state/facilities-fast-check.ts';
import { SLICE_SCHEMAS } from '../../../src/state/slice-schemas.ts';
import { checkProjectFile } from '../../../src/state/scenario-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../../../src/state/scenario-schema.ts';
import { facilityArb } from '../../support/project-arbitraries.ts';

const SEED = 20261126;

const weird = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, 0, -0, 1.5, '', 'x', true, false, [], {}, [1], [1, 2], [1, 2, 3], ['1', '2'], [NaN, 1], [1, Infinity], [1, 'a']),
  fc.anything(),
);
const good = facilityArb;
const KEYS = ['id', 'category', 'name', 'lonLat', 'illustrative', 'extra'];
/** A facility with one key set to something odd, or deleted, or odd coordinates, or the whole item replaced. */
const mutated = fc.oneof(
  good,
  fc.tuple(good, fc.constantFrom(...KEYS), weird).map(([f, k, x]) => ({ ...f, [k]: x })),
  fc.tuple(good, fc.constantFrom(...KEYS)).map(([f, k]) => {
    const o: Record<string, unknown> = { ...f };
    delete o[k];
    return o;
  }),
  fc.tuple(good, fc.array(fc.oneof(fc.double(), weird), { maxLength: 4 })).map(([f, lonLat]) => ({ ...f, lonLat })),
  weird,
);

describe('facilitiesPassSchema', () => {
  it('says yes only where valibot accepts and keeps the input unchanged; yes to every valid facility', () => {
    fc.assert(
      fc.property(fc.array(mutated, { maxLength: 4 }), (list) => {
        const fast = facilitiesPassSchema(list);
        const slow = v.safeParse(SLICE_SCHEMAS.facilities, list);
        if (fast) {
          expect(slow.success).toBe(true);
          expect(slow.output).toEqual(list);
        }
        const twoItemLonLat = list.every((f) => typeof f !== 'object' || f === null || !Array.isArray((f as { lonLat?: unknown }).lonLat) || (f as { lonLat: unknown[] }).lonLat.length === 2);
        if (slow.success && twoItemLonLat) expect(fast).toBe(true);
      }),
      { seed: SEED, numRuns: 1500 },
    );
    fc.assert(fc.property(fc.array(good, { maxLength: 5 }), (list) => facilitiesPassSchema(list)), { seed: SEED, numRuns: 500 });
  });

  it('a project check through the fast path keeps the layer and still names a bad item', () => {
    const facilities = Array.from({ length: 2_000 }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', name: `幼儿园${i}`, lonLat: [120 + i * 1e-5, 28.5] }));
    const file = { app: APP_ID, schemaVersion: SCHEMA_VERSION, scenarios: [], facilities };
    const ok = checkProjectFile(file, new Set());
    expect(ok.ok && ok.value.facilities).toBe(facilities);
    const bad = checkProjectFile({ ...file, facilities: facilities.map((f, i) => (i === 3 ? { ...f, lonLat: [120, '28'] } : f)) }, new Set());
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => [p.code, p.field])).toEqual([['project-bad-field', 'facilities[3].lonLat[1]']]);
  });
});
