/**
 * What the job–housing TAB recomputes on the main thread when a planner edits one park's jobs
 * (src/ui/jobs-housing/jh-store.svelte.ts): the arithmetic over the worker's shares, both commute
 * bounds (without and with planned units: 4 transportation problems, 21 boards × 3 central
 * parks), the planned units of the active scenario, and the dwellings table. Catchment geometry
 * is not redone (that is the worker's, see jobs-housing.bench.ts).
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { computeJobsHousing, prepareCatchments, sharesOf, commuteBoundsForBoards, defaultDwellingsByBoard, type DwellingAssumptions } from '../src/analysis/jobs-housing/index.ts';
import type { BoardCollection } from '../src/domain/board.ts';
import type { EmploymentAreaCollection } from '../src/domain/employment-area.ts';
import type { RuleSettings } from '../src/domain/rule-settings.ts';
import { boardDwellings, centralCityParks, jhBoards, jobsByPark, parkShapes } from '../src/ui/jobs-housing/housing-inputs.ts';
import { plannedUnitsByBoard } from '../src/analysis/allocation/planned-units.ts';
import { assignSiteBoards } from '../src/analysis/allocation/assign-sites.ts';
import { emptyScenario } from '../src/state/scenario.ts';

const read = <T>(p: string) => JSON.parse(readFileSync(new URL(`../geodata/${p}`, import.meta.url), 'utf8')) as T;
const BAND = { minJobsPerDwelling: 1.3, maxJobsPerDwelling: 1.7 };

function medianMs(runs: number, fn: () => unknown): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export function run(): void {
  const boards = read<BoardCollection>('boards.geojson');
  const employment = read<FeatureCollection<Polygon | MultiPolygon>>('employment-areas.geojson') as unknown as EmploymentAreaCollection;
  const assumptions = read<DwellingAssumptions>('assumptions/board-dwellings.json');
  const shares = sharesOf(prepareCatchments(jhBoards(boards), parkShapes(employment), 5));
  const scenario = {
    ...emptyScenario('s', 's', '2021-01-01T00:00:00Z', {} as RuleSettings),
    allocations: boards.features.map((b) => ({ boardId: b.properties.id, year: 2023 as const, type: 'commercial' as const, units: 2000 })),
  };
  const project = { boards, scenarios: [scenario] };
  // Site boards are cached per site in the app (active-scenario.svelte.ts); computed once here.
  const siteBoards = assignSiteBoards(scenario.sites, boards);
  const boardList = boards.features.map((b) => ({ id: b.properties.id, geometry: b.geometry }));
  let k = 0;
  const editOnce = () => {
    const defaults = defaultDwellingsByBoard(boards, assumptions);
    const dwellings = boardDwellings(defaults, {}).byBoard;
    const planned = plannedUnitsByBoard(project.scenarios[0], project.boards, siteBoards);
    const jobs: Record<string, number> = { ...jobsByPark(employment), etdz: 90_000 + (k++ % 10) * 1000 };
    const result = computeJobsHousing(shares, { jobsByPark: jobs, dwellingsByBoard: dwellings, plannedUnitsByBoard: planned, band: BAND });
    const parks = centralCityParks(employment).map((f) => ({ geometry: f.geometry, jobs: jobs[f.properties.id] }));
    const withPlanned = Object.fromEntries(Object.entries(dwellings).map(([id, n]) => [id, n + (planned[id] ?? 0)]));
    return [result, commuteBoundsForBoards(boardList, dwellings, parks), commuteBoundsForBoards(boardList, withPlanned, parks)];
  };
  const rows: [string, number][] = [
    ['one job edit, everything the tab recomputes', medianMs(200, editOnce)],
    ['  of which default dwellings (board areas)', medianMs(200, () => defaultDwellingsByBoard(boards, assumptions))],
    ['  of which planned units (allocation totals)', medianMs(200, () => plannedUnitsByBoard(project.scenarios[0], project.boards, siteBoards))],
    ['  of which one commute bound (2 transportation problems)', medianMs(200, () => commuteBoundsForBoards(boardList, boardDwellings(defaultDwellingsByBoard(boards, assumptions), {}).byBoard, centralCityParks(employment).map((f) => ({ geometry: f.geometry, jobs: f.properties.jobs }))))],
  ];
  console.log(`Main-thread work of the job–housing tab per job edit, 21 boards × ${employment.features.length} parks (Node ${process.version}), median`);
  console.log('| operation | median ms |\n|---|---:|');
  for (const [label, ms] of rows) console.log(`| ${label} | ${ms.toFixed(3)} |`);
}
