import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import type { Command } from '../command.ts';
import { CliError, valueOrExit } from '../cli-error.ts';
import { readGeodata } from '../default-data.ts';
import { readInputLayer, readInputText } from '../read-input.ts';
import { analyseJobsHousing, balancedBand, readDwellingsTable, readEmploymentAreas, readJhBoards, type JhStandards } from '../../analysis/jobs-housing/index.ts';


const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export const jobsHousingCommand: Command = {
  name: 'jobs-housing',
  summary: 'Job–housing balance per board: overlap share, jobs in reach, dwellings, ratio and verdict (jobs per dwelling, balanced 1.3–1.7, Ewing 1996).',
  usage: 'anju jobs-housing --boards B.geojson --employment E.geojson [--radius-km 5] [--dwellings D.json] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { boards: { type: 'string' }, employment: { type: 'string' }, 'radius-km': { type: 'string' }, dwellings: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    if (!values.boards || !values.employment) throw new CliError(`--boards and --employment are required\nusage: ${this.usage}`, 2);
    const standards = readGeodata<JhStandards>('standards/jobs-housing.json');
    const radiusKm = values['radius-km'] === undefined ? standards.catchment.defaultRadiusKm : Number(values['radius-km']);
    if (!Number.isFinite(radiusKm) || radiusKm < 0 || radiusKm > 100) throw new CliError(`--radius-km must be a number of km between 0 and 100, not "${values['radius-km']}"`, 2);
    const { boards, dwellingsFromProperties } = valueOrExit(readJhBoards((await readInputLayer(values.boards)).fc, basename(values.boards)));
    const parks = valueOrExit(readEmploymentAreas((await readInputLayer(values.employment)).fc, basename(values.employment)));
    const dwellingsByBoard = values.dwellings ? valueOrExit(readDwellingsTable(readInputText(values.dwellings), basename(values.dwellings), boards)) : dwellingsFromProperties;
    const result = analyseJobsHousing(boards, parks, radiusKm, { dwellingsByBoard, band: balancedBand(standards) });
    const rows = result.boards.map((r) => ({
      id: r.id,
      name: r.name,
      overlapShare: round(r.overlapShare, 4),
      jobsInReach: Math.round(r.jobsInReach),
      dwellings: r.dwellings,
      jobsHousingRatio: r.jobsHousingRatio === null ? null : round(r.jobsHousingRatio, 3),
      verdict: r.verdict,
    }));
    if (values.json) {
      io.out(JSON.stringify(rows, null, 2));
      return 0;
    }
    io.out(`radius ${radiusKm} km from each employment area's edge; ratio = jobs in reach per dwelling, balanced 1.3–1.7 (Ewing 1996)`);
    for (const r of rows) {
      const ratio = r.jobsHousingRatio === null ? '—' : r.jobsHousingRatio.toFixed(2);
      io.out(`${r.id.padEnd(18)} ${(r.overlapShare * 100).toFixed(1).padStart(5)} %  ${String(r.jobsInReach).padStart(8)} jobs  ${String(r.dwellings ?? '—').padStart(8)} dw  ${ratio.padStart(6)}  ${r.verdict}`);
    }
    return 0;
  },
};
