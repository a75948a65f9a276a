/**
 * Fuzzing of project files: a valid project with random hostile edits anywhere
 * (duplicated ids, huge or negative numbers, control characters, long text, wrong types,
 * deep nesting, out-of-range positions, removed keys). Every outcome is a refusal whose
 * problems all have messages, or a project the app can hold: ids unique, numbers finite and
 * within the limits, positions on the globe, text within the limits, and the analyses that
 * run on open (totals, board summaries, default dwellings) run on it. Nothing throws. Seeded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkWholeProject } from '../../../src/state/project-file.ts';
import type { ProjectState } from '../../../src/state/project.ts';
import { initialProject } from '../../../src/state/initial-project.ts';
import { toWholeProjectFile } from '../../../src/state/project-file.ts';
import { PROBLEM_TEMPLATES, formatProblem } from '../../../src/i18n/problems.ts';
import { allocationTotals } from '../../../src/analysis/allocation/totals.ts';
import { summarizeBoards } from '../../../src/analysis/board-summary.ts';
import { defaultDwellingsByBoard } from '../../../src/analysis/jobs-housing/default-dwellings.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';
import { MAX_COUNT, MAX_NAME_CHARS, MAX_TEXT_CHARS, MAX_UNITS_PER_ENTRY } from '../../../src/domain/project-limits.ts';
import { square, testBoards } from '../../support/allocation-fixtures.ts';
import { BOW_TIE, type LooseJson } from '../../support/hostile-projects.ts';
import { assignSiteBoards } from '../../../src/analysis/allocation/assign-sites.ts';

const RUNS = 3000;
const SEED = 20261126;

const employment = {
  type: 'FeatureCollection',
  features: ['e1', 'e2'].map((id, i) => ({ type: 'Feature', geometry: square(120.1 + i * 0.2, 28.1, 0.02), properties: { id, name: id, nameEn: id, county: 'x', jobs: 1000, illustrative: true, geometrySource: 's', jobsSource: 's' } })),
};
const defaults = (): ProjectState => initialProject(testBoards(), employment as never, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');

/** A small valid project with something in every slice, as plain JSON. */
function base(): unknown {
  const d = defaults();
  const site = (id: string, lon: number) => ({ id, name: id, geometry: { type: 'Point', coordinates: [lon, 28] }, units: 10, type: 'commercial', year: 2022 });
  return JSON.parse(JSON.stringify(toWholeProjectFile({
    ...d,
    nodes: [1, 2].map((i) => ({ type: 'Feature', properties: { id: `n${i}`, name: `节点${i}` }, geometry: { type: 'Point', coordinates: [120 + i / 10, 28] } })),
    scenarios: [{ ...d.scenarios[0], allocations: [{ boardId: 'k1', year: 2021, type: 'commercial', units: 5 }, { boardId: 's1', year: 2023, type: 'resettlement', units: 7 }], sites: [site('a', 120.05), { ...site('b', 0), geometry: square(120.15, 28, 0.01) }] }],
    facilities: [1, 2, 3].map((i) => ({ id: `f${i}`, category: 'kindergarten', lonLat: [120 + i / 20, 28.01] })),
    population: { kind: 'points', points: [{ lonLat: [120.1, 28], population: 100 }] },
    dwellings: { k1: 100 },
  } as unknown as ProjectState)));
}

/** Every path to a value in a JSON value. */
function paths(x: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(x)) x.forEach((y, i) => paths(y, [...prefix, i], out));
  else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) paths(y, [...prefix, k], out);
  return out;
}

const HOSTILE_VALUES: unknown[] = [
  null, true, 0, -1, -0.5, 1.5, 2 ** 53 + 2, 1e308, -1e308, MAX_COUNT + 1, MAX_UNITS_PER_ENTRY + 1, 95, 200, '', 'n1', 'f1', 'a', 'k1', 's1',
  '\u0000\u001b[2J\u202e', 'x'.repeat(MAX_NAME_CHARS + 1), 'y'.repeat(MAX_TEXT_CHARS + 1), {}, [], [[]], [1e308, 1000], [120, 95], BOW_TIE,
  { type: 'Point', coordinates: [200, 28] }, JSON.parse('['.repeat(200) + ']'.repeat(200)), { __proto__: null, constructor: 'x' }, 'constructor', '__proto__',
];

type Edit = { kind: 'set'; path: number; value: number } | { kind: 'delete'; path: number } | { kind: 'copy'; from: number; to: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: fc.nat(HOSTILE_VALUES.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), to: fc.nat() }),
);

function applyEdits(f: unknown, edits: Edit[]): unknown {
  for (const e of edits) {
    const all = paths(f).filter((p) => p.length > 0);
    const parentOf = (p: (string | number)[]) => p.slice(0, -1).reduce<LooseJson>((x, k) => x?.[k], f as LooseJson);
    const valueAt = (p: (string | number)[]) => p.reduce<LooseJson>((x, k) => x?.[k], f as LooseJson);
    if (e.kind === 'set') {
      const p = all[e.path % all.length];
      parentOf(p)[p.at(-1)!] = structuredClone(HOSTILE_VALUES[e.value]);
    } else if (e.kind === 'delete') {
      const p = all[e.path % all.length];
      const parent = parentOf(p);
      if (Array.isArray(parent)) parent.splice(p.at(-1) as number, 1);
      else delete parent[p.at(-1)!];
    } else {
      // Copy a value onto a sibling path of the same kind: duplicated ids, repeated cells.
      const from = all[e.from % all.length];
      const siblings = all.filter((p) => p.length === from.length && p.at(-1) === from.at(-1) && p !== from);
      if (!siblings.length) continue;
      const to = siblings[e.to % siblings.length];
      parentOf(to)[to.at(-1)!] = structuredClone(valueAt(from));
    }
  }
  return f;
}

/** What a project the app holds must satisfy. */
function assertHoldable(p: ProjectState): void {
  const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
  unique(p.boards.features.map((b) => b.properties.id));
  unique(p.nodes.map((n) => n.properties.id));
  unique(p.facilities.map((x) => x.id));
  unique(p.employment.features.map((x) => x.properties.id));
  unique(p.scenarios.map((s) => s.id));
  for (const s of p.scenarios) unique(s.sites.map((x) => x.id));
  const onGlobe = (c: unknown): void => {
    if (typeof (c as unknown[])[0] === 'number') {
      const [x, y] = c as number[];
      expect(Math.abs(x) <= 180 && Math.abs(y) <= 90, `position ${x}, ${y}`).toBe(true);
    } else (c as unknown[]).forEach(onGlobe);
  };
  JSON.parse(JSON.stringify(p), (key, v) => {
    if (typeof v === 'number') expect(Number.isFinite(v) && Math.abs(v) <= MAX_COUNT, `${key}: ${v}`).toBe(true);
    if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    if (key === 'coordinates' || key === 'lonLat') onGlobe(v);
    return v;
  });
  for (const s of p.scenarios) {
    for (const c of s.allocations) expect(c.units).toBeLessThanOrEqual(MAX_UNITS_PER_ENTRY);
    allocationTotals(s, p.boards, assignSiteBoards(s.sites, p.boards));
  }
  summarizeBoards(p.boards);
  defaultDwellingsByBoard(p.boards, { about: '', assumption: true, illustrative: true, dwellingsRoundTo: 1, densityByCategory: { 'stock-upgrade': { dwellingsPerKm2: 1, reason: '' }, 'key-expansion': { dwellingsPerKm2: 1, reason: '' }, 'moderate-development': { dwellingsPerKm2: 1, reason: '' } }, overrides: {} });
}

describe('fuzzing project files', () => {
  it(`${RUNS} hostile edits of a valid project: refused with messages, or holdable`, () => {
    const start = base();
    const tally = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const f = applyEdits(structuredClone(start), edits);
        const r = checkWholeProject(f, defaults(), 'fuzz.anju.json');
        tally[r.ok ? 'ok' : 'refused']++;
        if (r.ok) assertHoldable(r.value);
        else
          for (const p of r.problems) {
            expect(PROBLEM_TEMPLATES[p.code], `no message for ${p.code}`).toBeDefined();
            expect(formatProblem(p, 'zh')).not.toMatch(/\{\w+\}/);
          }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both sides are reached: the generator is not trivially refused or trivially harmless.
    expect(tally.ok).toBeGreaterThan(RUNS / 20);
    expect(tally.refused).toBeGreaterThan(RUNS / 4);
  }, 120_000);
});
