/**
 * `anju evaluate --actuals A [--project P.anju.json]`: the implementation review on the command line —
 * actual supply (read by the app's actuals reader) against every target the data can measure, 附件1
 * and 附件2 rows, and a scenario of the project (the first, or --scenario ID), per board × year × type.
 */
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import type { CliIO } from '../command.ts';
import { CliError, problemsError, UsageError } from '../cli-error.ts';
import { defaultBoards } from '../default-data.ts';
import { readInputText } from '../read-input.ts';
import { layerOptions, layerOptionSpecs } from '../layer-options.ts';
import { readLayerFile } from '../read-layer.ts';
import { quoteUserText } from '../safe-text.ts';
import { parseProjectFile } from '../../state/scenario-file.ts';
import { activePlan, planRuleSettings } from '../../data/active-plan.ts';
import { readActuals } from '../../io/readers/actuals-reader.ts';
import { reviewActuals, reviewPlanInput } from '../../analysis/actuals/review.ts';
import { assignSiteBoards } from '../../analysis/allocation/assign-sites.ts';
import type { ActualsReview, TargetReview } from '../../analysis/actuals/review-types.ts';
import type { ScopeNote } from '../../analysis/actuals/locate-actuals.ts';
import { formatCitation } from '../../domain/citation.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { Scenario } from '../../state/scenario.ts';

const LAYERS = ['actuals', 'boards'];

/** The scope note in words (English), or null. */
export function scopeNoteText(n: ScopeNote | null, scope: TargetReview['scope']): string | null {
  if (!n) return null;
  const what = scope === 'city-wide' ? 'a city-wide target' : scope === 'urban-districts' ? 'an urban-district (市区) target' : 'a row of the annex';
  if (n.kind === 'scope-undefined') return `${what}; the plan package has no 附件1 to say which districts 市区 covers, so whether the data covers it is not checked`;
  return n.kind === 'central-city-only' ? `${what}; the data covers the central-city boards only` : `${what}; the data names no rows for ${n.missing.join(', ')}`;
}

function targetJson(t: TargetReview) {
  return {
    id: t.id,
    name: t.name,
    nameEn: t.nameEn,
    kind: t.kind,
    unit: t.unit,
    planMin: t.planMin,
    planMax: t.planMax,
    actual: t.actual,
    scenario: t.scenario,
    achievedShare: t.achievedShare,
    state: t.state,
    illustrative: t.illustrative,
    scope: t.scope,
    scopeNote: scopeNoteText(t.scopeNote, t.scope),
    citation: formatCitation(t.cite, 'zh'),
    quote: t.quote,
  };
}

const fmt = (n: number | null, unit: string) => (n === null ? '-' : unit === '万套' ? String(+n.toFixed(4)) : n.toLocaleString('en-US'));

function printText(io: CliIO, r: ActualsReview, scenario: Scenario | null): void {
  io.out(`targets (actual${scenario ? ` vs scenario ${quoteUserText(scenario.name)}` : ''}):`);
  io.out(`  ${'id'.padEnd(34)} ${'plan'.padStart(14)} ${'actual'.padStart(10)} ${'scenario'.padStart(10)}  state`);
  for (const t of r.targets) {
    const plan = t.planMax === null ? `≥ ${fmt(t.planMin, t.unit)}` : t.planMax === t.planMin ? fmt(t.planMin, t.unit) : `${fmt(t.planMin, t.unit)}–${fmt(t.planMax, t.unit)}`;
    const note = scopeNoteText(t.scopeNote, t.scope);
    io.out(`  ${quoteUserText(t.id).padEnd(34)} ${`${plan} ${t.unit}`.padStart(14)} ${fmt(t.actual, t.unit).padStart(10)} ${fmt(t.scenario, t.unit).padStart(10)}  ${t.state}${note ? `  (${note})` : ''}`);
  }
  io.out('boards (套, 2021–2025):');
  io.out(`  ${'board'.padEnd(18)} ${'actual'.padStart(9)} ${'scenario'.padStart(9)} ${'difference'.padStart(11)}`);
  for (const b of r.boards) io.out(`  ${quoteUserText(b.boardId).padEnd(18)} ${fmt(b.actual, '套').padStart(9)} ${fmt(b.scenario, '套').padStart(9)} ${(b.difference > 0 ? '+' : '') + fmt(b.difference, '套').padStart(10)}`);
  io.out(`outside the boards: ${fmt(r.outsideBoardsUnits, '套')} 套; renovated communities: ${r.renovationCommunities} 个`);
}

/** `anju evaluate`: the review as JSON (--json) or a table. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { actuals: { type: 'string' }, project: { type: 'string' }, scenario: { type: 'string' }, boards: { type: 'string' }, json: { type: 'boolean' }, ...layerOptionSpecs(LAYERS) },
  });
  if (positionals.length) throw new UsageError(`unexpected argument ${quoteUserText(positionals[0])}`);
  if (!values.actuals) throw new UsageError('--actuals FILE is required');
  const layers = layerOptions(values, LAYERS);
  const shipped: BoardCollection = values.boards ? await (await import('../read-boards.ts')).readBoardBoundaries(values.boards, layers, io) : defaultBoards();
  let boards = shipped;
  let scenario: Scenario | null = null;
  if (values.project) {
    const file = basename(values.project);
    const parsed = parseProjectFile(readInputText(values.project), new Set(shipped.features.map((f) => f.properties.id)), file);
    if (!parsed.ok) throw problemsError(parsed.problems, parsed.problems.every((p) => p.code === 'not-json' || p.code === 'project-not-object') ? 2 : 1);
    boards = parsed.value.boards ?? shipped;
    const scenarios = parsed.value.scenarios;
    scenario = values.scenario === undefined ? (scenarios[0] ?? null) : (scenarios.find((s) => s.id === values.scenario) ?? null);
    if (values.scenario !== undefined && !scenario) throw new CliError(`${file}: no scenario with id ${quoteUserText(values.scenario)} (it has ${scenarios.map((s) => quoteUserText(s.id)).join(', ')})`, 1);
  } else if (values.scenario !== undefined) throw new UsageError('--scenario needs --project');
  const known = boards.features.map((f) => f.properties);
  const actuals = await readLayerFile(values.actuals, 'actuals', (layer) => readActuals(layer, { known }), layers, io, { allowTable: true });
  const review = reviewActuals({ records: actuals.value, boards, scenario, ...reviewPlanInput(activePlan()), settings: scenario?.ruleSettings ?? planRuleSettings(), assignSites: assignSiteBoards });
  if (review.coverage.kind === 'central-city') io.err('note: every record lies in a board: the data covers the central city only, and the city-wide targets say so');
  if (!values.project) io.err('note: no --project: scenario figures are null');
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          actuals: actuals.file,
          records: actuals.value.length,
          project: values.project ? basename(values.project) : null,
          scenario: scenario ? { id: scenario.id, name: scenario.name } : null,
          coverage: review.coverage,
          targets: review.targets.map(targetJson),
          byBoardYearType: review.cells,
          boards: review.boards.map(({ boardId, actual, scenario: s, difference }) => ({ board: boardId, actual, scenario: s, difference })),
          annex1: review.annex1,
          outsideBoardsUnits: review.outsideBoardsUnits,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  printText(io, review, scenario);
  return 0;
}
