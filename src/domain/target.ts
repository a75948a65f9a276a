/**
 * Types of geodata/plan/targets.json, annex1-renovation.json, annex2-resettlement.json and
 * allocation-rules.json: the plan's targets, annexes and Anju's rules, each number with a
 * citation and a verbatim quote (checked by test/unit/plan-targets.test.ts).
 */
import type { Citation } from './citation.ts';
import type { HousingTypeId } from './housing-type.ts';
import type { Category } from './board.ts';

export interface Quoted {
  cite: Citation;
  /** Verbatim, whitespace removed, 和 for the text file's " and ". */
  quote: string;
}

/** A figure of the plan: a range [min, max], a minimum (max null) or, with comparison approx, a point. */
export interface PlanFigure extends Quoted {
  min: number;
  max: number | null;
}

export const TARGET_UNITS = ['万套', '%', 'm²', '个'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** range: min–max; at-least: ≥ min; approx: about min (约); reach: a level to reach by 2025. */
export type Comparison = 'range' | 'at-least' | 'approx' | 'reach';

export interface Target {
  id: string;
  name: string;
  nameEn: string;
  group: string;
  unit: TargetUnit;
  /** 预期性 (indicative) or 约束性 (binding); null when the figure is in the text only. */
  attribute: '预期性' | '约束性' | null;
  comparison: Comparison;
  periodKind: 'five-year-total' | 'end-value' | 'annual';
  /** Where the plan's figure applies: the whole city (全市) or the urban districts (市区). */
  scope: 'city-wide' | 'urban-districts';
  /** True when Anju can total it from allocated units (housing-unit targets). */
  measurable: boolean;
  /** The five-year total or end-of-period value, when the plan states one. */
  period: PlanFigure | null;
  /** The per-year figure, when the plan states one. */
  annual: PlanFigure | null;
  annex?: 1 | 2;
  housingTypes?: HousingTypeId[];
  housingTypesBasis?: Quoted[];
  alsoStated?: Quoted[];
  note?: string;
  noteEn?: string;
}

export interface TargetsData {
  source: string;
  tableName: string;
  tableHeader: string;
  bracketNote: Quoted;
  targets: Target[];
}

export type RenovationType = 'comprehensive' | 'demolish-rebuild';

export interface Annex1Row {
  county: string;
  type: RenovationType;
  /** Communities per year 2021–2025; null where the plan's cell is blank, 0 where it prints 0. */
  byYear: (number | null)[];
  subtotal: number;
}

export interface Annex1Data {
  cite: Citation;
  unit: string;
  years: number[];
  types: Record<RenovationType, { name: string; nameEn: string }>;
  rows: Annex1Row[];
  printedTotals: Record<RenovationType | 'all', { row: string; byYear: number[]; subtotal: number }>;
  urbanDistricts: string[];
}

export interface Annex2Row {
  seq: number;
  name: string;
  nameEn: string;
  kind: 'county' | 'agency' | 'zone';
  units: number;
}

export interface Annex2Data {
  cite: Citation;
  unit: string;
  rows: Annex2Row[];
  totalUnits: number;
}

export interface RuleDefinition extends Quoted {
  id: 'stock-upgrade-commercial' | 'key-expansion-supply' | 'rental-near-employment';
  name: string;
  nameEn: string;
  boardCategory: Category | null;
  housingTypes: HousingTypeId[];
  thresholds: string[];
  alsoCited?: Quoted[];
}

export interface RulesData {
  rules: RuleDefinition[];
  defaults: Record<string, { value: number; unit: string; assumption: string }>;
}
