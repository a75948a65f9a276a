import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import type { CliIO } from '../command.ts';
import { problemsError, UsageError } from '../cli-error.ts';
import { defaultBoards, hasGeodata, readGeodata } from '../default-data.ts';
import { readInputText } from '../read-input.ts';
import { layerOptions, layerOptionSpecs, type LayerOptions } from '../layer-options.ts';
import { quoteUserText } from '../safe-text.ts';
import { parseProjectFile } from '../../state/scenario-file.ts';
import { activePlan } from '../../data/active-plan.ts';
import { builtinPlan } from '../../data/builtin-plan.ts';
import { formatProblem } from '../../i18n/problems.ts';
import { allocationTotals } from '../../analysis/allocation/totals.ts';
import { assignSiteBoards } from '../../analysis/allocation/assign-sites.ts';
import { targetGauges } from '../../analysis/allocation/gauges.ts';
import { ruleWarnings, type EmploymentAreas } from '../../analysis/allocation/rules.ts';
import { scenarioReport, type ScenarioReport } from '../../analysis/allocation/report.ts';
import { formatCitation } from '../../domain/citation.ts';
import { HOUSING_TYPE_INFO } from '../../domain/housing-type.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { Scenario } from '../../state/scenario.ts';

/** Default employment areas, when another module has built them. */
const EMPLOYMENT_FILE = 'employment-areas.geojson';

function printText(io: CliIO, r: ScenarioReport): void {
  io.out(`scenario ${quoteUserText(r.id)} ${quoteUserText(r.name)}: ${r.totals.units} units (grid ${r.totals.gridUnits}, sites ${r.totals.siteUnits}, outside boards ${r.totals.outsideBoards.units})`);
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

const LAYERS = ['boards', 'employment'];

async function readEmployment(path: string, layers: LayerOptions, io: CliIO): Promise<EmploymentAreas> {
  // The employment reader jobs-housing uses; the rules need only the outlines, so jobs may be absent.
  const [{ readLayerFile }, { readEmploymentOutlines }] = await Promise.all([import('../read-layer.ts'), import('../../io/readers/employment-reader.ts')]);
  const e = await readLayerFile(path, 'employment', readEmploymentOutlines, layers, io);
  return { type: 'FeatureCollection', features: e.value.map((a) => ({ type: 'Feature', properties: { id: a.id, name: a.name }, geometry: a.geometry })) };
}

/** `anju check`: validate a project file, then each scenario's totals, gauges and rule warnings. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, boards: { type: 'string' }, employment: { type: 'string' }, ...layerOptionSpecs(LAYERS) }, strict: true });
  const layers = layerOptions(values, LAYERS);
  if (positionals.length !== 1) throw new UsageError('expected one project file');
  const path = positionals[0];
  const file = basename(path);
  const text = readInputText(path);
  const shipped = values.boards ? await (await import('../read-boards.ts')).readBoardBoundaries(values.boards, layers, io) : defaultBoards();
  const parsed = parseProjectFile(text, new Set(shipped.features.map((f) => f.properties.id)), file);
  // A file that is not JSON (or not an object) cannot be read at all: exit 2, like any unreadable input.
  if (!parsed.ok) throw problemsError(parsed.problems, parsed.problems.every((p) => p.code === 'not-json' || p.code === 'project-not-object') ? 2 : 1);
  // What does not match the active plan (--plan, or the built-in one): said, never dropped.
  for (const w of parsed.warnings) io.err(`warning: ${formatProblem(w, 'en')}`);
  const planMismatch = parsed.warnings.map((w) => ({ code: w.code, field: w.field, message: formatProblem(w, 'en'), messageZh: formatProblem(w, 'zh') }));
  const boards: BoardCollection = parsed.value.boards ?? shipped;
  const employment = values.employment ? await readEmployment(values.employment, layers, io) : hasGeodata(EMPLOYMENT_FILE) ? readGeodata<EmploymentAreas>(EMPLOYMENT_FILE) : null;
  const report = (s: Scenario): ScenarioReport => {
    const totals = allocationTotals(s, boards, assignSiteBoards(s.sites, boards));
    return scenarioReport(s, totals, targetGauges(totals, activePlan().targets.targets, s.ruleSettings), ruleWarnings(totals, boards, activePlan().rules.rules, s.ruleSettings, employment), activePlan().targets.targets);
  };
  const scenarios = parsed.value.scenarios;
  if (values.json) {
    // One scenario at a time: memory stays bounded by one report however many the file holds.
    const plan = activePlan();
    const head = {
      file,
      valid: true,
      boardsSource: parsed.value.boards ? 'file' : values.boards ? 'option' : 'shipped-schematic',
      employmentAreas: employment ? employment.features.length : null,
      // Only when it says something: the built-in plan and a matching file print what they always did.
      ...(plan !== builtinPlan ? { plan: { id: plan.id, version: plan.version, example: plan.example, years: plan.period.years } } : {}),
      ...(planMismatch.length ? { planMismatch } : {}),
    };
    io.out(JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "scenarios": ['));
    for (const [i, s] of scenarios.entries()) {
      io.out(JSON.stringify(report(s), null, 2).replace(/^/gm, '    ') + (i < scenarios.length - 1 ? ',' : ''));
      await io.drain?.();
    }
    io.out('  ]\n}');
    return 0;
  }
  io.out(`${file}: valid, ${scenarios.length} scenario(s); housing types: ${Object.entries(HOUSING_TYPE_INFO).map(([k, v]) => `${k}=${v.zh}`).join(', ')}`);
  for (const s of scenarios) {
    printText(io, report(s));
    await io.drain?.();
  }
  return 0;
}
