/**
 * The features of the app, in tab order. A feature registers here and nowhere else in the shell.
 */
import type { Feature } from './feature.ts';
import PlanSidebar from './PlanSidebar.svelte';
import { coverageFeature } from './coverage/coverage-feature.ts';
import { jobsHousingFeature } from './jobs-housing/jobs-housing-feature.ts';
import { allocationFeature } from './allocation/feature.ts';
import { importFeature } from './import/import-feature.ts';

export const FEATURES: Feature[] = [
  { id: 'plan', label: { zh: '规划格局', en: 'Plan' }, Sidebar: PlanSidebar },
  coverageFeature,
  jobsHousingFeature,
  allocationFeature,
  importFeature,
];
