/**
 * The shipped boards and employment areas are trusted by autosave (src/state/persistence/shipped-data.ts)
 * because this test checks them as a write would; only those very objects are trusted.
 */
import { describe, expect, it } from 'vitest';
import { checkProjectFile } from '../../../../src/state/scenario-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../../../../src/state/scenario-schema.ts';
import { initialProject } from '../../../../src/state/initial-project.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import { SHIPPED_SLICES, trustShippedData } from '../../../../src/state/persistence/shipped-data.ts';
import { uncheckedSlices, unsavableProblems } from '../../../../src/state/persistence/check-before-write.ts';
import { BOW_TIE } from '../../../support/hostile-projects.ts';

const project = () => initialProject(SHIPPED_SLICES.boards, SHIPPED_SLICES.employment, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
const check = (slices: object) => checkProjectFile({ app: APP_ID, schemaVersion: SCHEMA_VERSION, ...slices, scenarios: project().scenarios }, new Set(SHIPPED_SLICES.boards.features.map((b) => b.properties.id)));

describe('the shipped data autosave trusts', () => {
  it('passes the whole project check, polygons included (what a write would run on the page)', () => {
    const r = check(SHIPPED_SLICES);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(SHIPPED_SLICES.boards.features).toHaveLength(21);
    expect(SHIPPED_SLICES.employment.features.length).toBeGreaterThan(0);
    // The same check refuses a shipped board made to cross itself, so the pass above means something.
    const boards = structuredClone(SHIPPED_SLICES.boards) as unknown as { features: { geometry: unknown }[] };
    boards.features[5].geometry = BOW_TIE;
    const bad = check({ ...SHIPPED_SLICES, boards });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.code, p.field])).toEqual([['ring-self-intersection', 'boards.features[5].geometry']]);
  });

  it('once trusted, a fresh profile’s first write checks neither slice; an equal copy or an edit is checked', () => {
    const p = project();
    expect(Object.keys(uncheckedSlices(null, p))).toEqual(expect.arrayContaining(['boards', 'employment']));
    trustShippedData();
    const keys = Object.keys(uncheckedSlices(null, p));
    expect(keys).not.toContain('boards');
    expect(keys).not.toContain('employment');
    expect(unsavableProblems(null, p)).toEqual([]);
    // Not the shipped objects: checked, and refused when wrong.
    const copy = structuredClone(SHIPPED_SLICES.boards);
    expect(Object.keys(uncheckedSlices(null, { ...p, boards: copy }))).toContain('boards');
    const edited = structuredClone(SHIPPED_SLICES.boards) as unknown as typeof copy;
    (edited.features[2] as { geometry: unknown }).geometry = BOW_TIE;
    expect(unsavableProblems(null, { ...p, boards: edited }).map((q) => q.field)).toEqual(['boards.features[2].geometry']);
  });
});
