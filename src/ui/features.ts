/**
 * The features of the app, in tab order. A feature registers here and nowhere else in the shell.
 * Presentation chapters follow this order too: plan, coverage, job–housing, allocation.
 */
import type { Feature } from './feature.ts';
import PlanSidebar from './PlanSidebar.svelte';
import { planFigures } from './plan/plan-figures.ts';
import { planChapters } from './plan/plan-chapters.ts';
import { toolsFeature } from './share/tools-feature.ts';

export const FEATURES: Feature[] = [
  { id: 'plan', label: { zh: '规划格局', en: 'Plan' }, Sidebar: PlanSidebar, boardFigures: planFigures, chapters: planChapters },
  toolsFeature,
];
