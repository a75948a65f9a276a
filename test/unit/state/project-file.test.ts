import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkWholeProject, parseWholeProject, replaceProject, serializeWholeProject } from '../../../src/state/project-file.ts';
import { initialProject } from '../../../src/state/initial-project.ts';
import { setRenovationDone, renovationKey } from '../../../src/state/renovation-changes.ts';
import { SLICE_KEYS } from '../../../src/state/slice-schemas.ts';
import type { ProjectState } from '../../../src/state/project.ts';
import { History } from '../../../src/state/history.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';
import { testBoards, testScenario } from '../../support/allocation-fixtures.ts';

const employment = {
  type: 'FeatureCollection' as const,
  features: [{ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [[[120, 28], [120.1, 28], [120.1, 28.1], [120, 28]]] }, properties: { id: 'e1', name: 'E', nameEn: 'E', county: 'x', planGroup: 'main-core' as const, jobs: 100, illustrative: true, geometrySource: 's', jobsSource: 's', citation: {} } }],
};
const defaults = (): ProjectState => initialProject(testBoards(), employment, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/allocation/${name}`, import.meta.url), 'utf8');

/** A project with something in every slice. */
function full(): ProjectState {
  return {
    ...defaults(),
    scenarios: [testScenario({ allocations: [{ boardId: 'k1', year: 2022, type: 'commercial', units: 12 }] }), testScenario({ id: 'b', name: 'B' })],
    nodes: [{ type: 'Feature', properties: { id: 'n1', name: '节点', note: '非规划内容' }, geometry: { type: 'Point', coordinates: [120.1, 28] } }],
    facilities: [{ id: 'f1', category: 'kindergarten', lonLat: [120.1, 28.01], illustrative: true }],
    population: { kind: 'uniform', residentsByBoard: { s1: 1000 }, assumption: true },
    streets: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[120, 28], [120.1, 28]] } }] },
    dwellings: { k1: 500 },
    renovationDone: ['鹿城区|comprehensive|2021'],
  };
}

describe('whole-project files and stored data', () => {
  it('round-trips every slice exactly', () => {
    const state = full();
    expect(parseWholeProject(serializeWholeProject(state, '2026-02-02T00:00:00.000Z'), defaults(), 'p.anju.json')).toEqual({ ok: true, value: state, warnings: [] });
    expect(JSON.parse(serializeWholeProject(state))).toMatchObject({ app: 'anju', schemaVersion: 2 });
  });

  it('has a schema for every slice of ProjectState (a new slice must add one, or it would be dropped on load)', () => {
    const slices = Object.keys(defaults()).filter((k) => k !== 'scenarios' && k !== 'boards');
    expect([...SLICE_KEYS].sort()).toEqual(slices.sort());
  });

  it('opens a version-1 file (scenarios only), taking the other slices from the initial project', () => {
    const r = parseWholeProject(fixture('valid.anju.json'), initialProject(JSON.parse(readFileSync(new URL('../../../geodata/boards.geojson', import.meta.url), 'utf8')), employment, DEFAULT_RULE_SETTINGS, 't'), 'v1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.scenarios.length).toBeGreaterThan(0);
    expect(r.value.employment).toBe(employment);
    expect(r.value.renovationDone).toEqual([]);
  });

  it('gives a file without scenarios the initial one', () => {
    const r = checkWholeProject({ app: 'anju', schemaVersion: 2, scenarios: [] }, defaults());
    expect(r.ok && r.value.scenarios.map((s) => s.id)).toEqual(['scenario-1']);
  });

  it('refuses newer versions, corrupt JSON and a bad slice, naming the field', () => {
    const problems = (text: string) => {
      const r = parseWholeProject(text, defaults(), 'f');
      return r.ok ? [] : r.problems.map((p) => [p.code, p.field]);
    };
    expect(problems(fixture('newer-version.anju.json'))).toEqual([['project-newer-version', 'schemaVersion']]);
    expect(problems('{"app":')).toEqual([['not-json', undefined]]);
    const bad = JSON.parse(serializeWholeProject(full()));
    bad.facilities[0].lonLat = [120, 'x'];
    bad.dwellings.k1 = -1;
    bad.renovationDone = ['鹿城区|repaint|2021'];
    expect(problems(JSON.stringify(bad))).toEqual([
      ['project-bad-field', 'facilities[0].lonLat[1]'],
      ['project-bad-field', 'dwellings.k1'],
      ['project-bad-field', 'renovationDone[0]'],
    ]);
  });

  it('opens a file as one undoable change', () => {
    const h = new History(defaults());
    const before = h.state;
    h.apply(replaceProject(full()));
    expect(h.state).toEqual(full());
    expect(h.undo()).toBe(before);
    expect(h.redo()).toEqual(full());
  });
});

describe('附件1 ticks', () => {
  it('ticks and unticks a cell, keeping keys sorted, each undone exactly', () => {
    const key = renovationKey('龙湾区', 'demolish-rebuild', 2023);
    expect(key).toBe('龙湾区|demolish-rebuild|2023');
    const s0 = { ...defaults(), renovationDone: ['鹿城区|comprehensive|2021'] };
    const { state: s1, inverse } = setRenovationDone(key, true).apply(s0);
    expect(s1.renovationDone).toEqual([key, '鹿城区|comprehensive|2021'].sort());
    expect(inverse.apply(s1).state).toEqual(s0);
    expect(setRenovationDone(key, true).apply(s1).state).toBe(s1); // already ticked: no change
    const { state: s2 } = setRenovationDone('鹿城区|comprehensive|2021', false).apply(s1);
    expect(s2.renovationDone).toEqual([key]);
  });
});
