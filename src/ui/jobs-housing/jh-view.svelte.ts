/**
 * The part of the job–housing tab's state that needs neither the worker nor the analysis: the
 * choices a link carries (radius, colouring, job counting) and the dwellings per board. Links,
 * export notes and figure labels read it from the first screen on; the store with the analysis
 * (jh-store.svelte.ts) reads and writes it, and loads with the tab or the first export.
 */
import { store } from '../../state/app-store.svelte.ts';
import { defaultDwellingsByBoard } from '../../analysis/jobs-housing/default-dwellings.ts';
import type { JobCounting } from '../../analysis/jobs-housing/types.ts';
import { jobsHousingStandards, dwellingAssumptions } from '../../data/jobs-housing-defaults.ts';
import { boardDwellings } from './housing-inputs.ts';
import type { ColorBy } from './jh-colors.ts';

class JhView {
  radiusKm = $state(jobsHousingStandards.catchment.defaultRadiusKm);
  colorBy = $state<ColorBy>('verdict');
  /** Count a job for every board that reaches it (default) or share it among them (JobCounting). */
  jobCounting = $state<JobCounting>('every-board');
  defaults = $derived(defaultDwellingsByBoard(store.project.boards, dwellingAssumptions));
  dwellings = $derived(boardDwellings(this.defaults, store.project.dwellings));
}

export const jhView = new JhView();
