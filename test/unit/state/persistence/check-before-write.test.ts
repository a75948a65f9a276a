/**
 * Autosave's check before a write (src/state/persistence/check-before-write.ts): slices that
 * passed are not checked again, the work of the others is done beforehand in slices of time
 * (prepareCheck, yielding between them), and none of that changes the verdict: a project that
 * fails is refused with exactly the problems the whole-project check names.
 */
import { describe, expect, it } from 'vitest';
import { checkCounts, needsPreparation, prepareDeps, unsavableProblems } from '../../../../src/state/persistence/check-before-write.ts';
import { prepareCheck, prepareCheckOf } from '../../../../src/state/persistence/prepare-check.ts';
import { toStoredFacilities } from '../../../../src/state/persistence/stored-facilities.ts';
import type { Slicer } from '../../../../src/state/persistence/time-slicer.ts';
import { checkProjectFile } from '../../../../src/state/scenario-file.ts';
import { schemaPassedInChunks } from '../../../../src/state/schema-in-chunks.ts';
import { APP_ID, SCHEMA_VERSION } from '../../../../src/state/scenario-schema.ts';
import type { ProjectState } from '../../../../src/state/project.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import { moveFacility } from '../../../../src/state/facility-changes.ts';
import { HOSTILE_CASES, hostileProjectFile, shippedDefaults, validProjectFile, BOW_TIE, type LooseJson } from '../../../support/hostile-projects.ts';

/** What autosave checked before this work: every slice of `next` that differs from `prev`, at once. */
function wholeCheck(prev: ProjectState | null, next: ProjectState) {
  const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => k !== 'scenarios' && (!prev || prev[k as keyof ProjectState] !== v)));
  const r = checkProjectFile({ app: APP_ID, schemaVersion: SCHEMA_VERSION, ...changed, scenarios: next.scenarios }, new Set(next.boards.features.map((b) => b.properties.id)));
  return r.ok ? [] : r.problems;
}

/** A project file as the state it holds. */
function stateOf(f: LooseJson): ProjectState {
  const { app: _a, schemaVersion: _v, savedAt: _s, plan: _p, ...state } = f;
  return state as ProjectState;
}

/** Pauses at every look at the clock, counting them (deterministic: no time involved). */
function countingSlicer(): Slicer & { pauses: number } {
  const s = { pauses: 0, due: () => true, pause: async () => void s.pauses++ };
  return s;
}

const layer = (n: number, tag = 'f'): Facility[] => Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}`, category: 'kindergarten', name: `幼儿园${i}`, lonLat: [120.6 + i * 1e-6, 28.0] }));

/** Slices the synchronous check looked at during `run`. */
function slicesChecked(run: () => unknown): number {
  const before = checkCounts.slices;
  run();
  return checkCounts.slices - before;
}

describe('check before write', () => {
  it('does the first write of a fresh profile beforehand in slices; the write itself then checks no slice again', async () => {
    const p = shippedDefaults();
    const slicer = countingSlicer();
    await prepareCheck(null, p, prepareDeps, slicer);
    // Boards and employment areas: one pause per geometry at least (the self-intersection test is the slow part).
    expect(slicer.pauses).toBeGreaterThanOrEqual(p.boards.features.length + p.employment.features.length);
    let problems: unknown[] = [];
    // Left to check: null slices (streets, actuals), nothing with content.
    expect(slicesChecked(() => (problems = unsavableProblems(null, p)))).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
  });

  it('checks a slice once: the same value is not checked again, a changed one is', () => {
    const p = shippedDefaults();
    const first = slicesChecked(() => expect(unsavableProblems(null, p)).toEqual([]));
    expect(first).toBeGreaterThanOrEqual(Object.keys(p).length - 1);
    expect(slicesChecked(() => expect(unsavableProblems(null, p)).toEqual([]))).toBeLessThanOrEqual(2);
    const next = { ...p, facilities: layer(10) };
    expect(slicesChecked(() => expect(unsavableProblems(p, next)).toEqual([]))).toBe(1);
    // Back to an earlier layer (undo): known to pass.
    expect(slicesChecked(() => expect(unsavableProblems(next, p)).toEqual([]))).toBe(0);
  });

  it('prepares a large facility layer in slices: checked, packed as toStoredFacilities packs it, and the write checks nothing of it', async () => {
    const p = shippedDefaults();
    await prepareCheck(null, p, prepareDeps, countingSlicer());
    const facilities = layer(5_000);
    const next = { ...p, facilities };
    const slicer = countingSlicer();
    await prepareCheck(p, next, prepareDeps, slicer);
    expect(slicer.pauses).toBeGreaterThanOrEqual(5_000 / 256);
    expect(slicesChecked(() => expect(unsavableProblems(p, next)).toEqual([]))).toBe(0);
    const stored = toStoredFacilities(facilities);
    expect(stored).toStrictEqual(toStoredFacilities(facilities.map((f) => ({ ...f }))));
    expect(Array.isArray(stored)).toBe(false);
  });

  it('checks a layer with a few facilities moved (a drag) by the moved ones: passed, packed as toStoredFacilities packs it, bad moves refused as before', async () => {
    const p = shippedDefaults();
    await prepareCheck(null, p, prepareDeps, countingSlicer());
    const base = { ...p, facilities: layer(5_000) };
    await prepareCheck(p, base, prepareDeps, countingSlicer());
    expect(unsavableProblems(p, base)).toEqual([]);
    // One drop (moveFacility, as the map's drag applies it), then two more before the next write.
    const once = moveFacility('f4321', [120.7, 28.1]).apply(base).state;
    const moved = moveFacility('f7', [-0, 89.5]).apply(moveFacility('f4999', [120.5, 27.9]).apply(once).state).state;
    for (const next of [once, moved]) {
      const slicer = countingSlicer();
      await prepareCheck(base, next, prepareDeps, slicer);
      expect(slicer.pauses, 'no walk of the whole layer').toBeLessThanOrEqual(1);
      expect(slicesChecked(() => expect(unsavableProblems(base, next)).toEqual([]))).toBe(0);
      const stored = toStoredFacilities(next.facilities);
      expect(Array.isArray(stored)).toBe(false);
      expect(stored).toStrictEqual(toStoredFacilities(next.facilities.map((f) => ({ ...f }))));
    }
    // More than a few changed: the whole layer is walked (and passes).
    const many = { ...base, facilities: base.facilities.map((f, i) => (i % 50 ? f : { ...f, lonLat: [f.lonLat[0], 28.5] as [number, number] })) };
    const slicer = countingSlicer();
    await prepareCheck(base, many, prepareDeps, slicer);
    expect(slicer.pauses).toBeGreaterThanOrEqual(5_000 / 256);
    expect(unsavableProblems(base, many)).toEqual([]);
    // A move out of range, or a moved facility whose id, name or keys changed: refused with the whole check's problems.
    const cases: [string, (f: Facility) => LooseJson, string][] = [
      ['longitude 200', (f) => ({ ...f, lonLat: [200, 28] }), 'coord-out-of-range'],
      ['a duplicate id', (f) => ({ ...f, id: 'f7' }), 'project-duplicate-id'],
      ['a blank id', (f) => ({ ...f, id: '' }), 'project-bad-field'],
      ['a 2 MB name', (f) => ({ ...f, name: '名'.repeat(2 * 1024 * 1024) }), 'project-text-too-long'],
      ['a string latitude', (f) => ({ ...f, lonLat: [120.6, '28'] }), 'project-bad-field'],
      ['nested 100 deep', (f) => ({ ...f, extra: JSON.parse('['.repeat(100) + ']'.repeat(100)) }), 'project-too-deep'],
    ];
    for (const [name, edit, code] of cases) {
      const next = { ...base, facilities: base.facilities.map((f, i) => (i === 2_500 ? edit(f) : f)) } as unknown as ProjectState;
      await prepareCheck(base, next, prepareDeps, countingSlicer());
      const problems = unsavableProblems(base, next);
      expect(problems, name).toEqual(wholeCheck(base, next));
      expect(problems[0], name).toMatchObject({ code });
    }
  });

  it('refuses every hostile project with the same problems as the whole-project check after preparing', async () => {
    for (const c of HOSTILE_CASES) {
      const prepared = stateOf(hostileProjectFile(c.name));
      const expected = wholeCheck(null, prepared);
      expect(expected.length, c.name).toBeGreaterThan(0);
      await prepareCheck(null, prepared, prepareDeps, countingSlicer());
      expect(unsavableProblems(null, prepared), c.name).toEqual(expected);
    }
  });

  it('checks long lists’ schemas in chunks with the same verdict: every hostile project (chunks of one item) and a 5,000-point population', async () => {
    // Chunks of one item: every list of two or more goes the chunked way.
    const oneByOne = { ...prepareDeps, checkSchemaInChunks: (k: string, v: unknown, s: Slicer) => prepareDeps.checkSchemaInChunks(k, v, s, 1) };
    for (const c of HOSTILE_CASES) {
      const prepared = stateOf(hostileProjectFile(c.name));
      const expected = wholeCheck(null, prepared);
      await prepareCheck(null, prepared, oneByOne, countingSlicer());
      expect(unsavableProblems(null, prepared), c.name).toEqual(expected);
    }
    const valid = stateOf(validProjectFile());
    await prepareCheck(null, valid, oneByOne, countingSlicer());
    expect(schemaPassedInChunks(valid.employment), 'a clean list passes in chunks').toBe(true);
    expect(unsavableProblems(null, valid)).toEqual([]);
    // A population of 5,000 points (chunks of 2,000): clean, it passes in chunks and then the write refuses nothing;
    // one bad point, and the write names it as the whole check does.
    const points = (bad?: (p: LooseJson[]) => void) => {
      const ps: LooseJson[] = Array.from({ length: 5_000 }, (_, i) => ({ lonLat: [120.6 + i * 1e-5, 28.0], population: i % 50 }));
      bad?.(ps);
      return { kind: 'points', points: ps } as unknown as ProjectState['population'];
    };
    const clean = { ...valid, population: points() };
    const slicer = countingSlicer();
    await prepareCheck(valid, clean, prepareDeps, slicer);
    expect(schemaPassedInChunks(clean.population)).toBe(true);
    expect(slicer.pauses).toBeGreaterThanOrEqual(3);
    expect(unsavableProblems(valid, clean)).toEqual([]);
    for (const [name, edit, field] of [
      ['a negative population', (ps: LooseJson[]) => (ps[4_321].population = -1), 'population.points[4321].population'],
      ['a string latitude', (ps: LooseJson[]) => (ps[2_000].lonLat = [120.6, '28']), 'population.points[2000].lonLat[1]'],
      ['a point without population', (ps: LooseJson[]) => delete ps[0].population, 'population.points[0].population'],
    ] as const) {
      const next = { ...valid, population: points(edit) };
      await prepareCheck(valid, next, prepareDeps, countingSlicer());
      expect(schemaPassedInChunks(next.population), name).toBe(false);
      const problems = unsavableProblems(valid, next);
      expect(problems, name).toEqual(wholeCheck(valid, next));
      expect(problems[0].field, name).toBe(field);
    }
  });

  it('refuses a large layer with one bad facility, naming it, after a valid layer was prepared and saved', async () => {
    const base = stateOf(validProjectFile());
    await prepareCheck(null, base, prepareDeps, countingSlicer());
    expect(unsavableProblems(null, base)).toEqual([]);
    const cases: [string, (fs: LooseJson[]) => void, string, string][] = [
      ['duplicate id', (fs) => (fs[2_500].id = 'f7'), 'project-duplicate-id', 'facilities[2500].id'],
      ['latitude 95', (fs) => (fs[2_999].lonLat = [120.6, 95]), 'coord-out-of-range', 'facilities[2999].lonLat'],
      ['a 2 MB name', (fs) => (fs[1_500].name = '名'.repeat(2 * 1024 * 1024)), 'project-text-too-long', 'facilities[1500].name'],
      ['nested 100 deep', (fs) => (fs[10].extra = JSON.parse('['.repeat(100) + ']'.repeat(100))), 'project-too-deep', 'facilities[10].extra'],
      ['a string longitude', (fs) => (fs[0].lonLat = ['120.6', 28]), 'project-bad-field', 'facilities[0].lonLat[0]'],
    ];
    for (const [name, edit, code, field] of cases) {
      const facilities = layer(3_000) as unknown as LooseJson[];
      edit(facilities);
      const next = { ...base, facilities } as unknown as ProjectState;
      await prepareCheck(base, next, prepareDeps, countingSlicer());
      const problems = unsavableProblems(base, next);
      expect(problems, name).toEqual(wholeCheck(base, next));
      expect(problems[0], name).toMatchObject({ code });
      expect(problems[0].field, name).toContain(field);
    }
  });

  it('refuses a board made to cross itself after the boards had passed (a changed slice is checked again)', async () => {
    const base = stateOf(validProjectFile());
    await prepareCheck(null, base, prepareDeps, countingSlicer());
    const features = base.boards.features.map((b, i) => (i === 3 ? { ...b, geometry: BOW_TIE } : b));
    const next = { ...base, boards: { ...base.boards, features } } as ProjectState;
    await prepareCheck(base, next, prepareDeps, countingSlicer());
    const problems = unsavableProblems(base, next);
    expect(problems).toEqual(wholeCheck(base, next));
    expect(problems[0]).toMatchObject({ code: 'ring-self-intersection', field: 'boards.features[3].geometry' });
  });

  it('stops preparing when the page goes away; the write then checks everything itself, with the same verdict', async () => {
    const p = shippedDefaults();
    expect(needsPreparation(null, p)).toBe(true);
    await prepareCheckOf(null, () => p, prepareDeps, () => true);
    expect(needsPreparation(null, p)).toBe(true);
    expect(slicesChecked(() => expect(unsavableProblems(null, p)).toEqual([]))).toBeGreaterThanOrEqual(Object.keys(p).length - 1);
    expect(needsPreparation(null, p)).toBe(false);
    const next = { ...p, facilities: layer(2_000, 'g') };
    expect(needsPreparation(p, next)).toBe(true);
    await prepareCheckOf(p, () => next, prepareDeps);
    expect(needsPreparation(p, next)).toBe(false);
  });
});
