/**
 * fast-check arbitraries for project states: few boards, scenario and site ids so that random
 * states overlap (and conflict) often. Every generated project passes checkProjectFile.
 */
import fc from 'fast-check';
import type { AllocationCell, Site } from '../../src/domain/allocation.ts';
import { HOUSING_TYPES } from '../../src/domain/housing-type.ts';
import { planYears } from '../../src/data/active-plan.ts';
import { RULE_THRESHOLD_KEYS, type RuleSettings } from '../../src/domain/rule-settings.ts';
import type { Scenario } from '../../src/state/scenario.ts';
import type { Facility } from '../../src/domain/facility.ts';
import { compareCells } from '../../src/state/scenario.ts';
import type { ProjectLike } from '../../src/state/merge/merge-types.ts';

export const BOARD_IDS = ['qidu', 'wutian', 'jiucheng'] as const;
const TYPES = HOUSING_TYPES.slice(0, 3);
const YEARS = planYears().slice(0, 3);

export const cellKeyArb = fc.record({ boardId: fc.constantFrom(...BOARD_IDS), year: fc.constantFrom(...YEARS), type: fc.constantFrom(...TYPES) });

/** Cells with distinct keys, in canonical order, none empty. */
export const cellsArb = fc
  .uniqueArray(fc.record({ key: cellKeyArb, units: fc.integer({ min: 1, max: 5000 }) }), { selector: (c) => `${c.key.boardId}|${c.key.year}|${c.key.type}`, maxLength: 12 })
  .map((list) => list.map(({ key, units }): AllocationCell => ({ ...key, units })).sort(compareCells));

const point = fc.record({ type: fc.constant('Point' as const), coordinates: fc.tuple(fc.integer({ min: 1200, max: 1210 }).map((x) => x / 10), fc.integer({ min: 270, max: 280 }).map((y) => y / 10)) });

export const siteArb = (id: string) =>
  fc.record(
    { id: fc.constant(id), name: fc.constantFrom('地块甲', '地块乙', 'Site C'), geometry: point, units: fc.integer({ min: 0, max: 900 }), type: fc.constantFrom(...TYPES), year: fc.constantFrom(...YEARS), note: fc.constantFrom('备注', 'note') },
    { requiredKeys: ['id', 'name', 'geometry', 'units', 'type', 'year'] },
  ) as fc.Arbitrary<Site>;

const sitesArb = fc.subarray(['p1', 'p2', 'p3']).chain((ids) => fc.tuple(...ids.map(siteArb)).map((s) => s as Site[]));

/** Any facility the schema can hold: short texts, finite coordinates, `name` and `illustrative` optional. */
export const facilityArb: fc.Arbitrary<Facility> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 5 }),
    category: fc.string({ maxLength: 5 }),
    name: fc.string({ maxLength: 5 }),
    lonLat: fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })),
    illustrative: fc.boolean(),
  },
  { requiredKeys: ['id', 'category', 'lonLat'] },
);
export const ruleSettingsArb = fc.record(Object.fromEntries(RULE_THRESHOLD_KEYS.map((k) => [k, fc.constantFrom(10, 20, 30)]))) as unknown as fc.Arbitrary<RuleSettings>;

export const scenarioArb = (id: string): fc.Arbitrary<Scenario> =>
  fc.record({ id: fc.constant(id), name: fc.constantFrom('方案一', '方案二', 'Plan C'), createdAt: fc.constant('2026-01-01T00:00:00.000Z'), allocations: cellsArb, sites: sitesArb, ruleSettings: ruleSettingsArb });

export const projectArb: fc.Arbitrary<ProjectLike> = fc
  .record({
    scenarioIds: fc.subarray(['s1', 's2', 's3'], { minLength: 1 }),
    dwellings: fc.dictionary(fc.constantFrom(...BOARD_IDS), fc.integer({ min: 0, max: 99999 })),
    renovationDone: fc.subarray(['鹿城区|comprehensive|2021', '鹿城区|demolish-rebuild|2022', '瓯海区|comprehensive|2023']).map((xs) => xs.sort()),
    facilities: fc.subarray(['f1', 'f2', 'f3']).chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), category: fc.constantFrom('school', 'clinic'), lonLat: fc.constant([120.6, 28.0] as [number, number]) })))),
    population: fc.constantFrom({ kind: 'none' as const }, { kind: 'points' as const, points: [{ lonLat: [120.6, 28] as [number, number], population: 5 }] }),
  })
  .chain(({ scenarioIds, ...rest }) => fc.tuple(...scenarioIds.map(scenarioArb)).map((scenarios) => ({ app: 'anju', schemaVersion: 2, scenarios, ...rest }) as unknown as ProjectLike));

/** Canonical form for comparing projects regardless of list order. */
export function canonical(p: ProjectLike): unknown {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...p,
    scenarios: byId(p.scenarios).map((s) => ({ ...s, sites: byId(s.sites) })),
    ...(p.facilities ? { facilities: byId(p.facilities) } : {}),
  };
}
