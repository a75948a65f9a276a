/**
 * Project files that once bricked the app or froze it, built from a valid project
 * with the shipped data: each is a small change to it, named for what it breaks. Shared by the
 * core's checks, the fuzzing of project files, the CLI and the browser tests.
 */
import { readFileSync } from 'node:fs';
import type { BoardCollection } from '../../src/domain/board.ts';
import type { EmploymentAreaCollection } from '../../src/domain/employment-area.ts';
import type { ProjectState } from '../../src/state/project.ts';
import { initialProject } from '../../src/state/initial-project.ts';
import { toWholeProjectFile } from '../../src/state/project-file.ts';
import { DEFAULT_RULE_SETTINGS } from '../../src/data/allocation-data.ts';

const geodata = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../geodata/${path}`, import.meta.url), 'utf8')) as T;

/** The project a new user starts with, on the shipped boards and employment areas. */
export function shippedDefaults(): ProjectState {
  return initialProject(geodata<BoardCollection>('boards.geojson'), geodata<EmploymentAreaCollection>('employment-areas.geojson'), DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
}

/** A parsed project file as hostile edits reach into it: any path, any value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits write anything anywhere, as a hostile file would
export type LooseJson = Record<string, any>;

/** A valid project with something in every slice (as a parsed file: plain JSON). */
export function validProjectFile(): LooseJson {
  const p = shippedDefaults();
  const site = (id: string, lon: number) => ({ id, name: `地块${id}`, geometry: { type: 'Point', coordinates: [lon, 27.99] }, units: 100, type: 'commercial', year: 2022 });
  const state = {
    ...p,
    nodes: [
      { type: 'Feature', properties: { id: 'n1', name: '节点一', note: '非规划内容' }, geometry: { type: 'Point', coordinates: [120.65, 28.0] } },
      { type: 'Feature', properties: { id: 'n2', name: '节点二', note: '非规划内容' }, geometry: { type: 'Point', coordinates: [120.7, 28.01] } },
    ],
    scenarios: [{ ...p.scenarios[0], allocations: [{ boardId: 'qidu', year: 2021, type: 'commercial', units: 500 }], sites: [site('s1', 120.69), site('s2', 120.7)] }],
    facilities: [
      { id: 'f1', category: 'kindergarten', name: '幼儿园', lonLat: [120.66, 28.0] },
      { id: 'f2', category: 'kindergarten', name: '幼儿园二', lonLat: [120.67, 28.0] },
    ],
    dwellings: { qidu: 5000 },
  };
  return JSON.parse(JSON.stringify(toWholeProjectFile(state as unknown as ProjectState, '2026-01-02T00:00:00.000Z')));
}

/** A self-intersecting ring (a bow-tie) near Wenzhou. */
export const BOW_TIE = { type: 'Polygon', coordinates: [[[120.6, 28.0], [120.7, 28.1], [120.7, 28.0], [120.6, 28.1], [120.6, 28.0]]] };

type Edit = (f: LooseJson) => void;
/** Each hostile case: what to change, and the problem code and field it must be refused with. */
export const HOSTILE_CASES: { name: string; edit: Edit; code: string; field: string }[] = [
  { name: 'two 多节点 share an id', edit: (f) => (f.nodes[1].properties.id = 'n1'), code: 'project-duplicate-id', field: 'nodes[1].properties.id' },
  { name: 'two boards share an id', edit: (f) => (f.boards.features[1].properties.id = f.boards.features[0].properties.id), code: 'project-duplicate-id', field: 'boards.features[1].properties.id' },
  { name: 'two facilities share an id', edit: (f) => (f.facilities[1].id = 'f1'), code: 'project-duplicate-id', field: 'facilities[1].id' },
  { name: 'two employment areas share an id', edit: (f) => (f.employment.features[1].properties.id = f.employment.features[0].properties.id), code: 'project-duplicate-id', field: 'employment.features[1].properties.id' },
  { name: 'two sites in a scenario share an id', edit: (f) => (f.scenarios[0].sites[1].id = 's1'), code: 'project-duplicate-id', field: 'scenarios[0].sites[1].id' },
  { name: 'units of 2^53+2', edit: (f) => (f.scenarios[0].allocations[0].units = 2 ** 53 + 2), code: 'project-number-too-large', field: 'scenarios[0].allocations[0].units' },
  { name: 'site units of 2^53+2', edit: (f) => (f.scenarios[0].sites[0].units = 2 ** 53 + 2), code: 'project-number-too-large', field: 'scenarios[0].sites[0].units' },
  { name: 'units over the per-entry limit', edit: (f) => (f.scenarios[0].allocations[0].units = 2_000_000), code: 'project-bad-field', field: 'scenarios[0].allocations[0].units' },
  { name: 'jobs over the count limit', edit: (f) => (f.employment.features[0].properties.jobs = 100_000_001), code: 'project-number-too-large', field: 'employment.features[0].properties.jobs' },
  { name: 'a board without the properties the app reads', edit: (f) => delete f.boards.features[4].properties.streets, code: 'project-missing-field', field: 'boards.features[4].properties.streets' },
  { name: 'jobs of 1e308', edit: (f) => (f.employment.features[0].properties.jobs = 1e308), code: 'project-number-too-large', field: 'employment.features[0].properties.jobs' },
  { name: 'dwellings of 1e308', edit: (f) => (f.dwellings.qidu = 1e308), code: 'project-number-too-large', field: 'dwellings.qidu' },
  { name: 'a self-intersecting board', edit: (f) => (f.boards.features[3].geometry = BOW_TIE), code: 'ring-self-intersection', field: 'boards.features[3].geometry' },
  { name: 'a board at latitude 95', edit: (f) => (f.boards.features[0].geometry.coordinates[0][1][1] = 95), code: 'coord-out-of-range', field: 'boards.features[0].geometry' },
  { name: 'a board ring that is not closed', edit: (f) => f.boards.features[2].geometry.coordinates[0].pop(), code: 'ring-not-closed', field: 'boards.features[2].geometry' },
  { name: 'a site at [1e308, 1000]', edit: (f) => (f.scenarios[0].sites[0].geometry.coordinates = [1e308, 1000]), code: 'coord-out-of-range', field: 'scenarios[0].sites[0].geometry' },
  { name: 'a facility at latitude 95', edit: (f) => (f.facilities[0].lonLat = [120.6, 95]), code: 'coord-out-of-range', field: 'facilities[0].lonLat' },
  { name: 'a 多节点 at longitude 200', edit: (f) => (f.nodes[0].geometry.coordinates = [200, 28]), code: 'coord-out-of-range', field: 'nodes[0].geometry' },
  { name: 'a self-intersecting employment area', edit: (f) => (f.employment.features[0].geometry = BOW_TIE), code: 'ring-self-intersection', field: 'employment.features[0].geometry' },
  { name: 'a 2 MB scenario name', edit: (f) => (f.scenarios[0].name = '名'.repeat(2 * 1024 * 1024)), code: 'project-text-too-long', field: 'scenarios[0].name' },
  { name: '50,000 sites', edit: (f) => (f.scenarios[0].sites = Array.from({ length: 50_000 }, (_, i) => ({ ...f.scenarios[0].sites[0], id: `x${i}` }))), code: 'project-too-many', field: 'scenarios[0].sites' },
  { name: '20,000 scenarios', edit: (f) => (f.scenarios = Array.from({ length: 20_000 }, (_, i) => ({ ...f.scenarios[0], id: `s${i}` }))), code: 'project-too-many', field: 'scenarios' },
  { name: 'board properties nested 100,000 deep', edit: (f) => (f.boards.features[0].properties.extra = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000))), code: 'project-too-deep', field: '' },
  { name: 'a rule threshold of 1e308', edit: (f) => (f.scenarios[0].ruleSettings[Object.keys(f.scenarios[0].ruleSettings)[0]] = 1e308), code: 'project-number-too-large', field: 'scenarios[0].ruleSettings.' },
];

/** The valid project with one hostile edit. */
export function hostileProjectFile(name: string): LooseJson {
  const c = HOSTILE_CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no hostile case "${name}"`);
  const f = validProjectFile();
  c.edit(f);
  return f;
}
