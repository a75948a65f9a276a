/**
 * Allocated units against the plan's housing-unit targets, per year and over the period (the
 * active plan package's years: 2021–2025 for the built-in plan).
 *
 * How the bands are derived (all in 套; 1 万套 = 10,000 套):
 * - a figure the plan states is used as is (`derivation: 'stated'`): new commercial supply
 *   29.75–36.75 万套 over the period and 5.95–7.35 万套 a year (第二章第三节);
 * - a five-year figure with no annual one (2.3 万套, [7.5] 万套) gives a per-year band of
 *   1/5 of it (`'pro-rata'`, `illustrative: true`: the plan sets no annual pace);
 * - an annual figure with no five-year one (约 0.68 万套 a year) gives a period band of 5×
 *   (`'annual-x5'`);
 * - 约 (approx) figures get a ± tolerance band (`approxTargetTolerancePct`, Anju's assumption).
 *
 * The plan's targets are city-wide (全市) while boards cover only the central city: every
 * gauge carries `scope` and `allocationCoverage` so the UI can say "central city only".
 */
import type { Citation } from '../../domain/citation.ts';
import type { Comparison, PlanFigure, Target } from '../../domain/target.ts';
import type { RuleSettings } from '../../domain/rule-settings.ts';
import type { HousingTypeId } from '../../domain/housing-type.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import { planYearCount, planYears } from '../../data/active-plan.ts';
import { wanTaoToUnits } from '../../domain/units.ts';
import { unitsOfTypes, type AllocationTotals } from './totals.ts';

export type GaugeState = 'below' | 'within' | 'above';
export type BandDerivation = 'stated' | 'pro-rata' | 'annual-x5';

export interface GaugeBand {
  minUnits: number;
  /** null: no upper bound (at-least targets). */
  maxUnits: number | null;
  derivation: BandDerivation;
  /** True when the band is Anju's derivation, not a figure of the plan. */
  illustrative: boolean;
  cite: Citation;
}

export interface GaugeReading {
  actualUnits: number;
  band: GaugeBand;
  state: GaugeState;
}

export interface TargetGauge {
  targetId: string;
  name: string;
  nameEn: string;
  attribute: Target['attribute'];
  comparison: Comparison;
  housingTypes: HousingTypeId[];
  /** Where the plan's figure applies (全市 or 市区). */
  scope: Target['scope'];
  /** What the allocation covers: the central city's boards plus any sites drawn outside them. */
  allocationCoverage: 'central-city-boards-and-sites';
  period: GaugeReading;
  perYear: Record<PlanYear, GaugeReading>;
}

function band(fig: PlanFigure, comparison: Comparison, tolerancePct: number, factor: number, derivation: BandDerivation): GaugeBand {
  let min = wanTaoToUnits(fig.min * factor);
  let max = fig.max === null ? null : wanTaoToUnits(fig.max * factor);
  if (comparison === 'approx') {
    const centre = min;
    min = Math.round(centre * (1 - tolerancePct / 100));
    max = Math.round(centre * (1 + tolerancePct / 100));
  }
  if (comparison === 'at-least' || comparison === 'reach') max = null;
  return { minUnits: min, maxUnits: max, derivation, illustrative: derivation !== 'stated' || comparison === 'approx', cite: fig.cite };
}

/** below / within / above for a value against a band; the bounds themselves are within. */
export function gaugeState(actualUnits: number, b: Pick<GaugeBand, 'minUnits' | 'maxUnits'>): GaugeState {
  if (actualUnits < b.minUnits) return 'below';
  if (b.maxUnits !== null && actualUnits > b.maxUnits) return 'above';
  return 'within';
}

function reading(actualUnits: number, b: GaugeBand): GaugeReading {
  return { actualUnits, band: b, state: gaugeState(actualUnits, b) };
}

/**
 * One gauge per measurable target (unit 万套 with housing types). Targets the allocation
 * cannot measure (percentages, m², community counts) are left out: list them from the data.
 */
export function targetGauges(totals: AllocationTotals, targets: readonly Target[], settings: RuleSettings): TargetGauge[] {
  const tol = settings.approxTargetTolerancePct;
  const out: TargetGauge[] = [];
  for (const t of targets) {
    if (!t.measurable || t.unit !== '万套' || !t.housingTypes?.length) continue;
    const types = t.housingTypes;
    const periodBand = t.period
      ? band(t.period, t.comparison, tol, 1, 'stated')
      : t.annual
        ? band(t.annual, t.comparison, tol, planYearCount(), 'annual-x5')
        : null;
    if (!periodBand) throw new Error(`target ${t.id}: measurable but has neither period nor annual figure`);
    const yearBand = t.annual ? band(t.annual, t.comparison, tol, 1, 'stated') : band(t.period!, t.comparison, tol, 1 / planYearCount(), 'pro-rata');
    const perYear = Object.fromEntries(planYears().map((y) => [y, reading(unitsOfTypes(totals, types, y), yearBand)])) as Record<PlanYear, GaugeReading>;
    out.push({
      targetId: t.id,
      name: t.name,
      nameEn: t.nameEn,
      attribute: t.attribute,
      comparison: t.comparison,
      housingTypes: [...types],
      scope: t.scope,
      allocationCoverage: 'central-city-boards-and-sites',
      period: reading(unitsOfTypes(totals, types), periodBand),
      perYear,
    });
  }
  return out;
}
