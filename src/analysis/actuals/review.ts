/**
 * The implementation review (规划实施评估): actual supply against the plan's targets, 附件1 and
 * 附件2, and against a scenario, per board × year × type.
 *
 * - Housing targets (万套) use the allocation gauges' bands (src/analysis/allocation/gauges.ts):
 *   the plan's figure as stated, an annual figure × 5 where only that is given, 约 ± the tolerance.
 * - Renovation targets (个, 附件1): the renovation kinds whose 附件1 subtotal, within the target's
 *   scope (all counties, or 市区 for an urban-districts target), equals the target's figure — so
 *   "56 个 拆改类 in 市区" counts 拆改结合 in 鹿城/龙湾/瓯海 and "520 个" counts both kinds everywhere.
 *   A target no such set explains is left out rather than guessed.
 * - 附件1 rows: communities per county × kind × year; a cell is ticked when the actual reaches it.
 * - 附件2 rows: resettlement units per unit of the annex (county, 市城发, 生态园 …), from rows naming it
 *   or from boards lying in one county.
 * Every city-wide figure compared with data that covers less says so (`scopeNote`).
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { ActualRecord } from '../../domain/actuals.ts';
import { isRenovationType, RENOVATION_TYPES } from '../../domain/actuals.ts';
import type { AllocationCell, AllocationInput } from '../../domain/allocation.ts';
import { HOUSING_TYPES, isHousingType, type HousingTypeId } from '../../domain/housing-type.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import type { RuleSettings } from '../../domain/rule-settings.ts';
import type { PlanPackage } from '../../domain/plan-package.ts';
import { planYears } from '../../data/active-plan.ts';
import type { Annex1Data, Annex2Data, RenovationType, Target } from '../../domain/target.ts';
import { COUNTY_NAMES_EN } from '../../domain/county.ts';
import { UNITS_PER_WAN_TAO } from '../../domain/units.ts';
import { allocationTotals, type AllocationTotals } from '../allocation/totals.ts';
import type { AssignSites } from '../allocation/site-boards.ts';
import { targetGauges, type GaugeState } from '../allocation/gauges.ts';
import { boardCounty, dataCoverage, locateActuals, scopeNote, type LocatedRecord } from './locate-actuals.ts';
import type { ActualsReview, Annex1Review, BoardReview, BoardYearTypeReview, ReviewState, TargetReview } from './review-types.ts';

export interface ReviewInput {
  records: readonly ActualRecord[];
  boards: BoardCollection;
  /** The scenario to compare with (the active one), or null. */
  scenario: AllocationInput | null;
  /** The active plan package's targets and annexes (null when it has none): `reviewPlanInput`. The
   *  period's years are the active plan's (`planYears()`), as for the allocation totals. */
  targets: readonly Target[];
  annex1: Annex1Data | null;
  annex2: Annex2Data | null;
  settings: RuleSettings;
  /** Sites and located projects to boards (assign-sites.ts, or the UI's cache of it). */
  assignSites: AssignSites;
}

/** What the review takes from a plan package (the active one: `activePlan()`): its targets and annexes. */
export function reviewPlanInput(plan: Pick<PlanPackage, 'targets' | 'annexes'>): Pick<ReviewInput, 'targets' | 'annex1' | 'annex2'> {
  return { targets: plan.targets.targets, annex1: plan.annexes.annex1, annex2: plan.annexes.annex2 };
}

/** The counties a target's scope covers, or null when the package does not say (市区 is defined by 附件1). */
function scopeCounties(input: ReviewInput, scope: Target['scope']): readonly string[] | null {
  if (scope !== 'urban-districts') return ALL_COUNTIES;
  return input.annex1?.urbanDistricts ?? null;
}

const ALL_COUNTIES = Object.keys(COUNTY_NAMES_EN);
const wan = (units: number) => units / UNITS_PER_WAN_TAO;

function stateOf(s: GaugeState, comparison: Target['comparison']): ReviewState {
  if (s === 'below') return 'short';
  if (s === 'above') return 'over';
  return comparison === 'range' || comparison === 'approx' ? 'within-range' : 'achieved';
}
const atLeast = (actual: number, min: number): ReviewState => (actual >= min ? 'achieved' : 'short');
const share = (actual: number, min: number) => (min > 0 ? actual / min : null);

/** Housing records as allocation cells (board, or a stand-in key for records in no board). */
function actualTotals(located: readonly LocatedRecord[], boards: BoardCollection): AllocationTotals {
  const cells: AllocationCell[] = [];
  for (const l of located) {
    const t = l.record.type;
    if (!isHousingType(t)) continue;
    cells.push({ boardId: l.boardId ?? `\u0000outside:${l.county ?? ''}`, year: l.record.year as PlanYear, type: t, units: l.record.units });
  }
  return allocationTotals({ allocations: cells, sites: [] }, boards, {});
}

function housingTargets(input: ReviewInput, actual: AllocationTotals, scenario: AllocationTotals | null, note: (scope: Target['scope']) => TargetReview['scopeNote']): TargetReview[] {
  const actualGauges = targetGauges(actual, input.targets, input.settings);
  const scenarioGauges = scenario ? new Map(targetGauges(scenario, input.targets, input.settings).map((g) => [g.targetId, g])) : null;
  return actualGauges.map((g) => {
    const t = input.targets.find((x) => x.id === g.targetId)!;
    const b = g.period.band;
    const fig = t.period ?? t.annual!;
    return {
      id: t.id,
      kind: 'target',
      name: t.name,
      nameEn: t.nameEn,
      unit: '万套',
      comparison: t.comparison,
      planMin: wan(b.minUnits),
      planMax: b.maxUnits === null ? null : wan(b.maxUnits),
      actual: wan(g.period.actualUnits),
      scenario: scenarioGauges ? wan(scenarioGauges.get(t.id)!.period.actualUnits) : null,
      achievedShare: share(g.period.actualUnits, b.minUnits),
      state: stateOf(g.period.state, t.comparison),
      illustrative: b.illustrative,
      cite: fig.cite,
      quote: fig.quote,
      scope: t.scope,
      scopeNote: note(t.scope),
      counts: [...g.housingTypes],
    };
  });
}

const KIND_SETS: RenovationType[][] = [[...RENOVATION_TYPES], ['comprehensive'], ['demolish-rebuild']];

function renovationTargets(input: ReviewInput, located: readonly LocatedRecord[], note: (scope: Target['scope']) => TargetReview['scopeNote']): TargetReview[] {
  const out: TargetReview[] = [];
  const annex1 = input.annex1;
  if (!annex1) return out;
  for (const t of input.targets) {
    if (t.annex !== 1 || t.unit !== '个' || !t.period) continue;
    const counties = t.scope === 'urban-districts' ? annex1.urbanDistricts : null;
    const inScope = (county: string | null) => counties === null || (county !== null && counties.includes(county));
    const planOf = (kinds: RenovationType[]) => annex1.rows.filter((r) => kinds.includes(r.type) && inScope(r.county)).reduce((s, r) => s + r.subtotal, 0);
    const kinds = KIND_SETS.find((k) => planOf(k) === t.period!.min);
    if (!kinds) continue;
    const actual = located.filter((l) => kinds.includes(l.record.type as RenovationType) && inScope(l.county)).reduce((s, l) => s + l.record.units, 0);
    out.push({
      id: t.id,
      kind: 'target',
      name: t.name,
      nameEn: t.nameEn,
      unit: '个',
      comparison: t.comparison,
      planMin: t.period.min,
      planMax: t.period.max,
      actual,
      scenario: null,
      achievedShare: share(actual, t.period.min),
      state: atLeast(actual, t.period.min),
      illustrative: false,
      cite: t.period.cite,
      quote: t.period.quote,
      scope: t.scope,
      scopeNote: note(t.scope),
      counts: kinds,
    });
  }
  return out;
}

function annex1Review(input: ReviewInput, located: readonly LocatedRecord[]): Annex1Review[] {
  const annex1 = input.annex1;
  if (!annex1) return [];
  const done = new Map<string, number>();
  for (const l of located) if (isRenovationType(l.record.type) && l.county) done.set(`${l.county}|${l.record.type}|${l.record.year}`, (done.get(`${l.county}|${l.record.type}|${l.record.year}`) ?? 0) + l.record.units);
  return annex1.rows.map((r) => {
    const cells = annex1.years.map((year, i) => {
      const plan = r.byYear[i];
      const actual = done.get(`${r.county}|${r.type}|${year}`) ?? 0;
      return { year, plan, actual, done: plan !== null && plan > 0 && actual >= plan };
    });
    return { county: r.county, type: r.type, cells, planSubtotal: r.subtotal, actualSubtotal: cells.reduce((s, c) => s + c.actual, 0) };
  });
}

/** An annex row is a county's (or unit's): data for the boards only, or that never names it, is said to fall short of it. */
type RowNote = (county: string) => TargetReview['scopeNote'];

function annexRows(input: ReviewInput, annex1: Annex1Review[], located: readonly LocatedRecord[], scenarioByCounty: Map<string, number> | null, rowNote: RowNote): TargetReview[] {
  const plan1 = input.annex1;
  const a1 = !plan1 ? [] : annex1.map((r): TargetReview => ({
    id: `annex1/${r.county}/${r.type}`,
    kind: 'annex1-row',
    name: `${r.county} ${plan1.types[r.type].name}`,
    nameEn: `${COUNTY_NAMES_EN[r.county] ?? r.county}: ${plan1.types[r.type].nameEn}`,
    unit: '个',
    comparison: 'at-least',
    planMin: r.planSubtotal,
    planMax: null,
    actual: r.actualSubtotal,
    scenario: null,
    achievedShare: share(r.actualSubtotal, r.planSubtotal),
    state: atLeast(r.actualSubtotal, r.planSubtotal),
    illustrative: false,
    cite: { ...plan1.cite, row: r.county },
    quote: null,
    scope: 'county',
    scopeNote: rowNote(r.county),
    counts: [r.type],
  }));
  const resettled = new Map<string, number>();
  for (const l of located) if (l.record.type === 'resettlement' && l.county) resettled.set(l.county, (resettled.get(l.county) ?? 0) + l.record.units);
  const plan2 = input.annex2;
  const a2 = !plan2 ? [] : plan2.rows.map((r): TargetReview => {
    const actual = resettled.get(r.name) ?? 0;
    return {
      id: `annex2/${r.name}`,
      kind: 'annex2-row',
      name: r.name,
      nameEn: r.nameEn,
      unit: '套',
      comparison: 'at-least',
      planMin: r.units,
      planMax: null,
      actual,
      scenario: scenarioByCounty ? (scenarioByCounty.get(r.name) ?? 0) : null,
      achievedShare: share(actual, r.units),
      state: atLeast(actual, r.units),
      illustrative: false,
      cite: { ...plan2.cite, row: r.name },
      quote: null,
      scope: 'county',
      scopeNote: rowNote(r.name),
      counts: ['resettlement'],
    };
  });
  return [...a1, ...a2];
}

function boardReviews(boards: BoardCollection, years: readonly PlanYear[], actual: AllocationTotals, scenario: AllocationTotals | null): { boards: BoardReview[]; cells: BoardYearTypeReview[] } {
  const byId = (t: AllocationTotals | null) => new Map((t?.byBoard ?? []).map((b) => [b.boardId, b]));
  const [a, s] = [byId(actual), byId(scenario)];
  const out: BoardReview[] = [];
  const cells: BoardYearTypeReview[] = [];
  for (const f of boards.features) {
    const id = f.properties.id;
    const ab = a.get(id);
    const sb = s.get(id);
    const byYear: BoardReview['byYear'] = {};
    for (const y of years) byYear[y] = { actual: ab?.byYear[y] ?? 0, scenario: sb?.byYear[y] ?? 0 };
    const [au, su] = [ab?.units ?? 0, sb?.units ?? 0];
    out.push({ boardId: id, actual: au, scenario: su, difference: au - su, byYear });
    for (const y of years) {
      for (const type of HOUSING_TYPES as readonly HousingTypeId[]) {
        const [av, sv] = [ab?.byTypeYear[type][y] ?? 0, sb?.byTypeYear[type][y] ?? 0];
        if (av || sv) cells.push({ board: id, year: y, type, actual: av, scenario: sv });
      }
    }
  }
  return { boards: out, cells };
}

/** The whole review: targets (with annex rows), boards, board × year × type cells, 附件1 ticks. */
export function reviewActuals(input: ReviewInput): ActualsReview {
  const located = locateActuals(input.records, input.boards, input.assignSites);
  const coverage = dataCoverage(located);
  const note = (scope: Target['scope']) => {
    const counties = scopeCounties(input, scope);
    return counties === null ? { kind: 'scope-undefined' as const } : scopeNote(coverage, counties);
  };
  const actual = actualTotals(located, input.boards);
  const scenario = input.scenario ? allocationTotals(input.scenario, input.boards, input.assignSites(input.scenario.sites, input.boards)) : null;
  let scenarioByCounty: Map<string, number> | null = null;
  if (scenario) {
    const counties = boardCounty(input.boards);
    scenarioByCounty = new Map();
    for (const b of scenario.byBoard) {
      const c = counties.get(b.boardId);
      if (c && b.byType.resettlement) scenarioByCounty.set(c, (scenarioByCounty.get(c) ?? 0) + b.byType.resettlement);
    }
  }
  const named = new Set(located.filter((l) => l.record.county !== null).map((l) => l.record.county));
  const rowNote: RowNote = (c) => (coverage.kind === 'central-city' ? { kind: 'central-city-only' } : named.has(c) ? null : { kind: 'counties-missing', missing: [c] });
  const annex1 = annex1Review(input, located);
  const { boards, cells } = boardReviews(input.boards, planYears(), actual, scenario);
  const housing = located.filter((l) => isHousingType(l.record.type));
  return {
    targets: [...housingTargets(input, actual, scenario, note), ...renovationTargets(input, located, note), ...annexRows(input, annex1, located, scenarioByCounty, rowNote)],
    boards,
    cells,
    annex1,
    coverage,
    outsideBoardsUnits: housing.filter((l) => l.boardId === null).reduce((s, l) => s + l.record.units, 0),
    actualUnits: actual.units,
    scenarioUnits: scenario?.units ?? 0,
    renovationCommunities: located.filter((l) => isRenovationType(l.record.type)).reduce((s, l) => s + l.record.units, 0),
  };
}
