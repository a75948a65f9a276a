/**
 * A plan package (规划包): one five-year housing plan as data — title, document number, period,
 * targets and annexes with citations and quotes, the board list with categories and guidance,
 * the city-wide structure, the allocation rules with their default thresholds, and the
 * presentation chapters. The schema is documented in docs/plan-package.md and checked by
 * src/io/plan-package-check.ts; the 2021–2025 plan is the built-in package (geodata/plan/).
 */
import type { BoardCollection, Category } from './board.ts';
import type { Guidance } from './guidance.ts';
import type { StructureProperties } from './structure.ts';
import type { Annex1Data, Annex2Data, RulesData, TargetsData } from './target.ts';

/** The value of a package's `format` field. */
export const PLAN_PACKAGE_FORMAT = 'anju-plan-package';
/** The package schema version this build reads and writes. */
export const PLAN_PACKAGE_FORMAT_VERSION = 1;

/** What identifies a package: a project file records it (`plan`) to say what it was made against. */
export interface PlanRef {
  /** Stable ASCII id, e.g. `wenzhou-housing-2021-2025`. */
  id: string;
  /** The package's own version, e.g. `1.0.0`: a corrected package keeps its id and bumps this. */
  version: string;
}

/** A board as the plan lists it; its outline is in `PlanBoards.geometry`. */
export interface PlanBoard {
  id: string;
  name: string;
  nameEn: string;
  category: Category;
  /** The district the plan's text groups the board under. */
  planDistrict: string;
}

/**
 * Board outlines: `{ ref: 'anju:boards.geojson' }` takes the shipped schematic outlines
 * (geodata/boards.geojson) by board id, or a FeatureCollection holds them inline.
 */
export type PlanBoardGeometry = { ref: typeof SHIPPED_BOARDS_REF } | BoardCollection;
export const SHIPPED_BOARDS_REF = 'anju:boards.geojson';

export interface PlanBoards {
  /** Where the list comes from (a citation in words, e.g. `规划 第十章第三节`). */
  source: string;
  list: PlanBoard[];
  geometry: PlanBoardGeometry;
}

/**
 * The plan map's presentation chapters in order: the structure, the board categories, then
 * one chapter per board of a category. The other tabs' chapters follow them.
 */
export type PlanChapterSpec = { kind: 'structure' } | { kind: 'categories' } | { kind: 'boards-of-category'; category: Category };

export interface PlanPackage extends PlanRef {
  format: typeof PLAN_PACKAGE_FORMAT;
  formatVersion: typeof PLAN_PACKAGE_FORMAT_VERSION;
  /** True for an illustration (示例) that is no official plan: the UI says so wherever it shows the plan. */
  example: boolean;
  title: { zh: string; en: string };
  /** The document number (文号), e.g. `温发改规划〔2021〕168号`; empty for an example. */
  documentNumber: string;
  /** Period years in order, consecutive, e.g. 2021…2025: the allocation grid's columns. */
  period: { years: number[] };
  targets: TargetsData;
  /** 附件1 (renovation schedule) and 附件2 (resettlement), null when the plan has no such annex. */
  annexes: { annex1: Annex1Data | null; annex2: Annex2Data | null };
  boards: PlanBoards;
  guidance: Guidance;
  /** 一主一副两极多节点: each part and the county-level units that make it up. */
  structure: { source: string; parts: StructureProperties[] };
  rules: RulesData;
  chapters: PlanChapterSpec[];
}

export const planRef = (p: PlanRef): PlanRef => ({ id: p.id, version: p.version });
export const samePlan = (a: PlanRef, b: PlanRef): boolean => a.id === b.id && a.version === b.version;
