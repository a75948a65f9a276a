import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { CliIO } from '../command.ts';
import { CliError, valueOrExit } from '../cli-error.ts';
import type { Checked } from '../../domain/problem.ts';
import type { ImportedLayer } from '../../io/readers/input-reader.ts';
import { geodataPath, readGeodata } from '../default-data.ts';
import { readInputText } from '../read-input.ts';
import { readLayerFile } from '../read-layer.ts';
import { layerOptions, layerOptionSpecs, type LayerOptions } from '../layer-options.ts';
import { JOB_COUNTINGS, analyseJobsHousing, balancedBand, defaultDwellingsByBoard, type DwellingAssumptions, type JhBoard, type JhPark, type JhStandards, type JobCounting } from '../../analysis/jobs-housing/index.ts';
import { boardsReader, type BoardInput } from '../../io/readers/boards-reader.ts';
import { employmentReader } from '../../io/readers/employment-reader.ts';
import { readDwellingsTable } from '../../io/readers/dwellings-table.ts';
import { CATEGORIES, type BoardCollection, type Category } from '../../domain/board.ts';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const BOARDS_FILE = 'boards.geojson';
const EMPLOYMENT_FILE = 'employment-areas.geojson';
const DWELLINGS_ASSUMPTIONS = 'assumptions/board-dwellings.json';

/** Where a board's dwellings came from, in the JSON output. */
type DwellingsSource = 'table' | 'file' | 'assumed' | null;

/** The inputs whose CRS can be given one by one: --boards-crs, --employment-crs. */
const LAYERS = ['boards', 'employment'];

/**
 * A user's layer through the importer and its kind's reader, or the shipped file (Anju's own
 * WGS-84 data, read by the same reader) when none is given.
 */
async function layer<T>(path: string | undefined, option: string, shipped: string, read: (l: ImportedLayer) => Checked<T>, layers: LayerOptions, io: CliIO): Promise<{ value: T; fc: FeatureCollection | null; file: string }> {
  if (path) return { ...(await readLayerFile(path, option, read, layers, io)), fc: null };
  const fc = readGeodata<FeatureCollection>(shipped);
  return { value: valueOrExit(read({ file: shipped, features: fc.features })), fc, file: geodataPath(shipped) };
}

/**
 * The app's assumed default dwellings (src/ui/jobs-housing: schematic area × assumed density by
 * category) for the boards that carry a known category, keyed by board id.
 */
function assumedDwellings(fc: FeatureCollection, ids: readonly string[]): Record<string, number> {
  const withCategory = fc.features
    .map((f, i) => ({ ...f, properties: { ...(f.properties ?? {}), id: ids[i] } as Record<string, unknown> }))
    .filter((f) => CATEGORIES.includes(f.properties.category as Category));
  const defaults = defaultDwellingsByBoard({ type: 'FeatureCollection', features: withCategory } as unknown as BoardCollection, readGeodata<DwellingAssumptions>(DWELLINGS_ASSUMPTIONS));
  return Object.fromEntries(Object.entries(defaults).map(([id, d]) => [id, d.dwellings]));
}

/** `anju jobs-housing`: jobs in reach per dwelling, per board. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { boards: { type: 'string' }, employment: { type: 'string' }, 'radius-km': { type: 'string' }, dwellings: { type: 'string' }, 'job-counting': { type: 'string' }, json: { type: 'boolean' }, ...layerOptionSpecs(LAYERS) },
    strict: true,
  });
  const standards = readGeodata<JhStandards>('standards/jobs-housing.json');
  const radiusKm = values['radius-km'] === undefined ? standards.catchment.defaultRadiusKm : Number(values['radius-km']);
  if (!Number.isFinite(radiusKm) || radiusKm < 0 || radiusKm > 100) throw new CliError(`--radius-km must be a number of km between 0 and 100, not "${values['radius-km']}"`, 2);
  const jobCounting = (values['job-counting'] ?? 'every-board') as JobCounting;
  if (!JOB_COUNTINGS.includes(jobCounting)) throw new CliError(`--job-counting must be ${JOB_COUNTINGS.join(' or ')}, not "${values['job-counting']}"`, 2);
  const layers = layerOptions(values, LAYERS);
  const known = readGeodata<BoardCollection>(BOARDS_FILE).features.map((x) => x.properties);
  const b = await layer<BoardInput[]>(values.boards, 'boards', BOARDS_FILE, (l) => boardsReader.read(l, { known }), layers, io);
  const boards: JhBoard[] = b.value.map(({ id, name, geometry }) => ({ id, name, geometry }));
  const dwellingsFromProperties: Record<string, number> = Object.fromEntries(b.value.flatMap((x) => (x.dwellings === undefined ? [] : [[x.id, x.dwellings]])));
  const e = await layer(values.employment, 'employment', EMPLOYMENT_FILE, (l) => employmentReader.read(l), layers, io);
  const parks: JhPark[] = e.value;
  if (!values.employment) io.err(`anju jobs-housing: employment areas from ${e.file} (illustrative outlines and jobs, 示意); pass --employment for real ones`);

  // Dwellings as the app takes them: the planner's figures (a --dwellings table, else a
  // dwellings property in the boards file), else the stated assumption, said on stderr.
  const table = values.dwellings ? valueOrExit(readDwellingsTable(readInputText(values.dwellings), basename(values.dwellings), boards)) : {};
  // Assumed dwellings need the shipped boards' categories: a user's boards get them by the board they name.
  const shippedByIdx = readGeodata<BoardCollection>(BOARDS_FILE);
  const categorised: FeatureCollection = b.fc ?? { type: 'FeatureCollection', features: b.value.map((x) => ({ type: 'Feature', properties: { category: x.known ? shippedByIdx.features.find((f) => f.properties.id === x.id)?.properties.category : undefined }, geometry: x.geometry })) };
  const assumed = assumedDwellings(categorised, boards.map((x) => x.id));
  const dwellingsByBoard: Record<string, number | null> = {};
  const source: Record<string, DwellingsSource> = {};
  for (const { id } of boards) {
    if (id in table) [dwellingsByBoard[id], source[id]] = [table[id], table[id] === null ? null : 'table'];
    else if (id in dwellingsFromProperties) [dwellingsByBoard[id], source[id]] = [dwellingsFromProperties[id], 'file'];
    else if (id in assumed) [dwellingsByBoard[id], source[id]] = [assumed[id], 'assumed'];
    else [dwellingsByBoard[id], source[id]] = [null, null];
  }
  const nAssumed = boards.filter((x) => source[x.id] === 'assumed').length;
  if (nAssumed)
    io.err(`anju jobs-housing: dwellings of ${nAssumed} of ${boards.length} boards are the app's assumed defaults (${geodataPath(DWELLINGS_ASSUMPTIONS)}: schematic area × assumed density by category; an assumption, not a statistic); give your own with --dwellings`);
  const unknown = boards.filter((x) => source[x.id] === null).map((x) => x.id);
  if (unknown.length) io.err(`anju jobs-housing: no dwellings for ${unknown.length} board(s) (no figure and no category to assume one from): ratio and verdict unknown for ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`);

  io.err(
    jobCounting === 'shared'
      ? 'anju jobs-housing: jobs shared by competition: each employment area’s jobs are split among the boards in its catchment by their dwellings there, so each job counts once (Luo & Wang 2003)'
      : 'anju jobs-housing: a job counts for every board within reach of its employment area (a job near three boards counts three times); --job-counting shared splits each area’s jobs among them',
  );
  const result = analyseJobsHousing(boards, parks, radiusKm, { dwellingsByBoard, band: balancedBand(standards), jobCounting });
  const rows = result.boards.map((r) => ({
    id: r.id,
    name: r.name,
    overlapShare: round(r.overlapShare, 4),
    jobsInReach: Math.round(r.jobsInReach),
    dwellings: r.dwellings,
    dwellingsSource: source[r.id] ?? null,
    jobsHousingRatio: r.jobsHousingRatio === null ? null : round(r.jobsHousingRatio, 3),
    verdict: r.verdict,
  }));
  if (values.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  io.out(`radius ${radiusKm} km from each employment area's edge; ratio = jobs in reach per dwelling, balanced 1.3–1.7 (Ewing 1996); jobs ${jobCounting === 'shared' ? 'shared among the boards that reach them' : 'counted for every board that reaches them'}; * = assumed dwellings`);
  for (const r of rows) {
    const ratio = r.jobsHousingRatio === null ? '—' : r.jobsHousingRatio.toFixed(2);
    io.out(`${r.id.padEnd(18)} ${(r.overlapShare * 100).toFixed(1).padStart(5)} %  ${String(r.jobsInReach).padStart(8)} jobs  ${String(r.dwellings ?? '—').padStart(8)}${r.dwellingsSource === 'assumed' ? '*' : ' '}dw  ${ratio.padStart(6)}  ${r.verdict}`);
  }
  return 0;
}
