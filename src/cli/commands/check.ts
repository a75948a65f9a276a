import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command, CliIO } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { defaultBoards, readGeodata } from '../default-data.ts';
import { readBoardsFile } from '../read-boards.ts';
import { readInputLayer, readInputText } from '../read-input.ts';
import { parseProjectFile } from '../../state/scenario-file.ts';
import { formatProblem } from '../../i18n/problems.ts';
import { targetsData, rulesData } from '../../data/allocation-data.ts';
import { allocationTotals } from '../../analysis/allocation/totals.ts';
import { targetGauges } from '../../analysis/allocation/gauges.ts';
import { ruleWarnings, type EmploymentAreas } from '../../analysis/allocation/rules.ts';
import { scenarioReport, type ScenarioReport } from '../../analysis/allocation/report.ts';
import { formatCitation } from '../../domain/citation.ts';
import { HOUSING_TYPE_INFO } from '../../domain/housing-type.ts';

/** Default employment areas, when another module has built them. */
const EMPLOYMENT_FILE = 'employment-areas.geojson';

function printText(io: CliIO, r: ScenarioReport): void {
  io.out(`scenario ${r.id} "${r.name}": ${r.totals.units} units (grid ${r.totals.gridUnits}, sites ${r.totals.siteUnits}, outside boards ${r.totals.outsideBoards.units})`);
  for (const g of r.gauges) {
    const b = g.period.band;
    io.out(`  ${g.targetId.padEnd(28)} ${String(g.period.actualUnits).padStart(8)} / ${b.minUnits}${b.maxUnits === null ? '+' : b.maxUnits === b.minUnits ? '' : `–${b.maxUnits}`} 套  ${g.period.state}  (target ${g.scope}; allocation covers the central-city boards and drawn sites)`);
  }
  for (const id of r.notMeasured) io.out(`  ${id.padEnd(28)} not computed from allocations`);
  for (const w of r.warnings) {
    io.out(`  warning ${w.ruleId}: board ${w.boardId} ${w.measure} ${+w.value.toFixed(2)} ${w.direction === 'above' ? '>' : '<'} ${w.threshold} (${w.thresholdKey}) — ${formatCitation(w.cite, 'en')}: “${w.quote}”`);
  }
  for (const s of r.skippedRules) io.out(`  rule ${s.ruleId} not checked: ${s.reason}`);
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Validate a project file (*.anju.json) and report totals against every target and every rule warning.',
  usage: 'anju check FILE.anju.json [--json] [--boards B.geojson] [--employment E.geojson]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, boards: { type: 'string' }, employment: { type: 'string' } }, strict: true });
    if (positionals.length !== 1) throw new CliError(`expected one project file\nusage: ${this.usage}`, 2);
    const path = positionals[0];
    const text = readInputText(path);
    const shipped = values.boards ? await readBoardsFile(values.boards) : defaultBoards();
    const parsed = parseProjectFile(text, new Set(shipped.features.map((f) => f.properties.id)), basename(path));
    if (!parsed.ok) throw new CliError(parsed.problems.map((p) => formatProblem(p, 'en')).join('\n'), 1);
    const boards = parsed.value.boards ?? shipped;
    let employment: EmploymentAreas | null = null;
    if (values.employment) {
      // The rules need only where the areas are: polygons, or a message naming the feature.
      const e = await readInputLayer(values.employment);
      const bad = e.fc.features.map((f, i) => ({ t: f.geometry?.type, i })).filter(({ t }) => t !== 'Polygon' && t !== 'MultiPolygon');
      if (bad.length) throw new CliError(bad.map(({ t, i }) => `${e.file} feature #${i + 1}: geometry type is ${t ?? 'null'}, expected Polygon/MultiPolygon`).join('\n'), 1);
      employment = e.fc as EmploymentAreas;
    }
    else if (existsSync(new URL(`../../../geodata/${EMPLOYMENT_FILE}`, import.meta.url))) employment = readGeodata<EmploymentAreas>(EMPLOYMENT_FILE);
    const reports = parsed.value.scenarios.map((s) => {
      const totals = allocationTotals(s, boards);
      return scenarioReport(s, totals, targetGauges(totals, targetsData.targets, s.ruleSettings), ruleWarnings(totals, boards, rulesData.rules, s.ruleSettings, employment), targetsData.targets);
    });
    if (values.json) {
      io.out(JSON.stringify({ file: basename(path), valid: true, boardsSource: parsed.value.boards ? 'file' : values.boards ? 'option' : 'shipped-schematic', employmentAreas: employment ? employment.features.length : null, scenarios: reports }, null, 2));
      return 0;
    }
    io.out(`${basename(path)}: valid, ${reports.length} scenario(s); housing types: ${Object.entries(HOUSING_TYPE_INFO).map(([k, v]) => `${k}=${v.zh}`).join(', ')}`);
    for (const r of reports) printText(io, r);
    return 0;
  },
};
