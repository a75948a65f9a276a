/**
 * Types of geodata/plan/guidance.json: the plan's words for each board category and
 * each part of the city-wide structure, with citations. Quotations live in that file,
 * never in code.
 */
import type { Category } from './board.ts';
import type { StructureRole } from './structure.ts';
import type { Citation } from './citation.ts';

export interface GuidanceEntry {
  name: string;
  nameEn: string;
  cite: Citation;
  /** The plan's definition of the category (what kind of board it is). */
  definition?: string;
  /** The plan's words on what to do there. */
  guidance: string;
  /** English gloss for entries that are Anju's own words, not the plan's. */
  guidanceEn?: string;
  /** True for entries that are Anju's note, not a quotation. */
  notFromPlan?: boolean;
}

export interface Guidance {
  source: string;
  categories: Record<Category, GuidanceEntry>;
  structure: Record<'overview' | StructureRole, GuidanceEntry>;
  layout: { cite: Citation; guidance: string };
}
