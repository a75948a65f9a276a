/**
 * Every English UI message (and problem message), merged from one module per feature: a chunk of its own, loaded on the
 * first switch to English (messages/index.ts, loadEnglish), so the Chinese-first app does not
 * download it at start.
 */
import { app } from './app.ts';
import { jobsHousing } from './jobs-housing.ts';
import { importer } from './importer.ts';
import { allocation } from './allocation.ts';
import { coverage } from './coverage.ts';
import { present } from './present.ts';
import { basemap } from './basemap.ts';
import { review } from './review.ts';
import { storage } from './storage.ts';
import { team } from './team.ts';
import { sync } from './sync.ts';
import { conflict } from './conflict.ts';
import { teamReview } from './team-review.ts';

export { PROBLEMS_EN } from '../../problem-templates/en.ts';

const modules = [app, coverage, jobsHousing, allocation, importer, present, basemap, review, storage, team, sync, conflict, teamReview] as const;

export const EN: Record<string, string> = Object.assign({}, ...modules.map((m) => m.en));
