/**
 * The project check of a facilities layer done on its columns (in the import worker) names what
 * unsavableProblems names for the same facilities as objects: texts over the limits (the first 100,
 * then a count of the rest) and a layer over MAX_LAYER_FEATURES.
 */
import { describe, expect, it } from 'vitest';
import { initialProject } from '../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';
import { unsavableProblems } from '../../../src/state/persistence/check-before-write.ts';
import { facilityColumnsProblems } from '../../../src/state/facility-columns-check.ts';
import { readFacilityColumns } from '../../../src/io/readers/facility-columns.ts';
import { facilityAt, type FacilityColumns } from '../../../src/domain/facility-columns.ts';
import { MAX_LAYER_FEATURES, MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../../../src/domain/project-limits.ts';
import type { ProjectState } from '../../../src/state/project.ts';

const state: ProjectState = initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01');

async function columns(rows: string[]): Promise<FacilityColumns> {
  const text = 'id,lon,lat,category,name\n' + rows.join('\n');
  const r = await readFacilityColumns(() => [new TextEncoder().encode(text)], 'f.csv', 'csv', text.length, { fallbackCrs: 'wgs84' });
  if (!r?.ok) throw new Error('not read as columns');
  return r.value;
}

const asObjects = (c: FacilityColumns) => unsavableProblems(state, { ...state, facilities: Array.from(c.lon, (_, i) => facilityAt(c, i)) });

describe('facilityColumnsProblems', () => {
  it('passes what the project check passes', async () => {
    const c = await columns(['a,120.65,28.01,health,x', 'b,120.66,28.02,,' + 'n'.repeat(MAX_NAME_CHARS)]);
    expect(facilityColumnsProblems(c)).toEqual([]);
    expect(asObjects(c)).toEqual([]);
  });

  it('names long ids, categories and names by facility, 100 of them and a count of the rest', async () => {
    const long = 'x'.repeat(MAX_NAME_CHARS + 1);
    const rows = Array.from({ length: 150 }, (_, i) => `${i % 3 ? i : long + i},120.65,28.01,${i === 5 ? 'c'.repeat(MAX_TEXT_CHARS + 1) : 'health'},${i % 2 ? long : 'ok'}`);
    const c = await columns(rows);
    const got = facilityColumnsProblems(c);
    expect(got).toEqual(asObjects(c));
    expect(got.map((x) => x.code)).toEqual([...Array(100).fill('project-text-too-long'), 'more-problems']);
    expect(got.slice(0, 4).map((x) => x.field)).toEqual(['facilities[0].id', 'facilities[1].name', 'facilities[3].id', 'facilities[3].name']);
  });

  it('names a layer over MAX_LAYER_FEATURES facilities', () => {
    const n = MAX_LAYER_FEATURES + 1;
    const c: FacilityColumns = { kind: 'facility-columns', lon: new Float64Array(n), lat: new Float64Array(n), texts: 'a', ends: new Int32Array(2 * n).fill(1), flags: new Uint8Array(n), categories: ['health'], category: new Int32Array(n) };
    const got = facilityColumnsProblems(c);
    expect(got).toEqual(unsavableProblems(state, { ...state, facilities: new Array(n).fill({ id: 'a', category: 'health', lonLat: [0, 0] }) }));
    expect(got.map((x) => [x.code, x.params?.count])).toEqual([['project-too-many', n]]);
  });
});
