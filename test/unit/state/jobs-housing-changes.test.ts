import { describe, expect, it } from 'vitest';
import { History } from '../../../src/state/history.ts';
import { initialProject } from '../../../src/state/initial-project.ts';
import type { ProjectState } from '../../../src/state/project.ts';
import { replaceEmploymentAreas, setBoardDwellings, setParkGeometry, setParkJobs } from '../../../src/state/jobs-housing-changes.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';

const start = (): ProjectState => initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2021-01-01T00:00:00Z');
const jobsOf = (s: ProjectState, id: string) => s.employment.features.find((f) => f.properties.id === id)?.properties.jobs;

describe('job–housing changes', () => {
  it('sets one park’s jobs, leaves the others and the input alone, and undoes', () => {
    const h = new History(start());
    const before = h.state;
    const after = h.apply(setParkJobs('etdz', 80000));
    expect(jobsOf(after, 'etdz')).toBe(80000);
    expect(jobsOf(after, 'oujiangkou')).toBe(jobsOf(before, 'oujiangkou'));
    expect(jobsOf(before, 'etdz')).toBe(95000);
    // Only the jobs changed: the geometry keeps its identity, so the worker has nothing to redo.
    expect(after.employment.features[0].geometry).toBe(before.employment.features[0].geometry);
    expect(h.undo()).toEqual(before);
    expect(jobsOf(h.redo(), 'etdz')).toBe(80000);
  });

  it('ignores an unknown park and rejects impossible job figures', () => {
    const s = start();
    expect(setParkJobs('no-such-park', 5).apply(s).state).toBe(s);
    expect(() => setParkJobs('etdz', -1)).toThrow(/jobs/);
    expect(() => setParkJobs('etdz', Number.NaN)).toThrow(/jobs/);
  });

  it('replaces one park’s geometry and restores it on undo', () => {
    const h = new History(start());
    const old = h.state.employment.features.find((f) => f.properties.id === 'etdz')!.geometry;
    const square = { type: 'Polygon' as const, coordinates: [[[120.8, 27.9], [120.82, 27.9], [120.82, 27.92], [120.8, 27.92], [120.8, 27.9]]] };
    const after = h.apply(setParkGeometry('etdz', square));
    expect(after.employment.features.find((f) => f.properties.id === 'etdz')!.geometry).toBe(square);
    expect(h.undo().employment.features.find((f) => f.properties.id === 'etdz')!.geometry).toBe(old);
  });

  it('replaces the whole employment layer as one undoable change', () => {
    const h = new History(start());
    const one = { ...defaultEmploymentAreas, features: defaultEmploymentAreas.features.slice(0, 1) };
    expect(h.apply(replaceEmploymentAreas(one)).employment.features).toHaveLength(1);
    expect(h.undo().employment.features).toHaveLength(defaultEmploymentAreas.features.length);
  });

  it('overrides a board’s dwellings, and undo removes the override (the assumption applies again)', () => {
    const h = new History(start());
    expect(h.apply(setBoardDwellings('etdz', 120000)).dwellings).toEqual({ etdz: 120000 });
    expect(h.apply(setBoardDwellings('etdz', 90000)).dwellings).toEqual({ etdz: 90000 });
    expect(h.undo().dwellings).toEqual({ etdz: 120000 });
    expect('etdz' in h.undo().dwellings).toBe(false);
    expect(h.apply(setBoardDwellings('qidu', 0)).dwellings).toEqual({ qidu: 0 });
    expect(h.apply(setBoardDwellings('qidu', null)).dwellings).toEqual({});
    expect(() => setBoardDwellings('qidu', -5)).toThrow(/dwellings/);
  });
});
