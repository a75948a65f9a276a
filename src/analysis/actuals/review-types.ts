/** The implementation review's results (src/analysis/actuals/review.ts): plain, structured-clone-able. */
import type { Citation } from '../../domain/citation.ts';
import type { Comparison, RenovationType } from '../../domain/target.ts';
import type { HousingTypeId } from '../../domain/housing-type.ts';
import type { DataCoverage, ScopeNote } from './locate-actuals.ts';

/** achieved: an at-least (≥) or reach target met; within-range: inside a range or 约 band; short / over. */
export const REVIEW_STATES = ['achieved', 'within-range', 'short', 'over'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface TargetReview {
  /** The target's id; for annex rows `annex1/<county>/<type>` and `annex2/<unit>`. */
  id: string;
  kind: 'target' | 'annex1-row' | 'annex2-row';
  name: string;
  nameEn: string;
  /** The plan's unit: 万套 for housing targets, 个 (communities) for renovation, 套 for 附件2 rows. */
  unit: '万套' | '个' | '套';
  comparison: Comparison;
  /** The plan's figure (in `unit`); planMax null: no upper bound. */
  planMin: number;
  planMax: number | null;
  actual: number;
  /** The active scenario's allocation (central city), in `unit`; null where a scenario has no such figure. */
  scenario: number | null;
  /** actual / planMin; null when planMin is 0. */
  achievedShare: number | null;
  state: ReviewState;
  /** True when the band is Anju's derivation (约 ± tolerance, an annual figure × 5), not the plan's own figure. */
  illustrative: boolean;
  cite: Citation;
  quote: string | null;
  /** Where the plan's figure applies. */
  scope: 'city-wide' | 'urban-districts' | 'county';
  /** The data does not cover that scope: the review says so beside the state. */
  scopeNote: ScopeNote | null;
  /** Housing types or renovation kinds counted. */
  counts: (HousingTypeId | RenovationType)[];
}

/** One board × year × housing type: actual supply against the scenario (套). */
export interface BoardYearTypeReview {
  board: string;
  year: number;
  type: HousingTypeId;
  actual: number;
  scenario: number;
}

export interface BoardReview {
  boardId: string;
  /** Units (套) over the period. */
  actual: number;
  scenario: number;
  /** actual − scenario. */
  difference: number;
  byYear: Record<number, { actual: number; scenario: number }>;
}

/** A 附件1 row: communities scheduled per year against those completed; a cell is ticked when the actual reaches it. */
export interface Annex1Review {
  county: string;
  type: RenovationType;
  cells: { year: number; plan: number | null; actual: number; done: boolean }[];
  planSubtotal: number;
  actualSubtotal: number;
}

export interface ActualsReview {
  targets: TargetReview[];
  boards: BoardReview[];
  /** Board × year × type with actual or scenario units, boards in the project's order. */
  cells: BoardYearTypeReview[];
  annex1: Annex1Review[];
  coverage: DataCoverage;
  /** Housing units (套) in no board: county rows and projects outside every board. */
  outsideBoardsUnits: number;
  actualUnits: number;
  scenarioUnits: number;
  /** Renovated communities (个) in the data. */
  renovationCommunities: number;
}
