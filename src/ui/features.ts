/**
 * The features of the app, in tab order. A feature registers here and nowhere else in the shell;
 * only the entry point (src/main.ts) imports this list and hands it to src/ui/feature-registry.ts.
 * Presentation chapters follow this order too: plan, coverage, job–housing, allocation, review.
 */
import type { Feature } from './feature.ts';
import PlanSidebar from './PlanSidebar.svelte';
import { coverageFeature } from './coverage/coverage-feature.ts';
import { jobsHousingFeature } from './jobs-housing/jobs-housing-feature.ts';
import { allocationFeature } from './allocation/allocation-feature.ts';
import { reviewFeature } from './review/review-feature.ts';
import { importFeature } from './import/import-feature.ts';
import { planFigures } from './plan/plan-figures.ts';
import { planChapters } from './plan/plan-chapters.ts';
import { toolsFeature } from './tools/tools-feature.ts';
import { teamReviewFeature } from './team-review/team-review-feature.ts';

/** Presentation chapters follow this order: plan (structure, categories, key-expansion boards), coverage, job–housing, allocation. */
export const FEATURES: Feature[] = [
  { id: 'plan', label: { zh: '规划格局', en: 'Plan' }, Sidebar: PlanSidebar, boardFigures: planFigures, chapters: planChapters },
  coverageFeature,
  jobsHousingFeature,
  allocationFeature,
  reviewFeature,
  importFeature,
  toolsFeature,
  teamReviewFeature,
];
