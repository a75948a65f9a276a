/**
 * All UI messages, merged from one module per feature so features do not edit each other's
 * strings. Keys are namespaced (`panel.*`, `coverage.*`, …).
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
import type { Lang } from '../lang.ts';

const modules = [app, coverage, jobsHousing, allocation, importer, present, basemap, review, storage, team, sync, conflict, teamReview] as const;

export const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: Object.assign({}, ...modules.map((m) => m.zh)),
  en: Object.assign({}, ...modules.map((m) => m.en)),
};

/** Look up and fill a message; unknown keys come back as the key itself (visible, not silent). */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const t = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return params ? t.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`)) : t;
}

/** A message in both languages, for labels held as `{ zh, en }` (figures, overlays, legends). */
export function bilingual(key: string, params?: Record<string, string | number>): { zh: string; en: string } {
  return { zh: translate('zh', key, params), en: translate('en', key, params) };
}
