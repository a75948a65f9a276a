/**
 * All UI messages, merged from one module per feature so features do not edit each other's
 * strings. Keys are namespaced (`panel.*`, `coverage.*`, …). Chinese comes with the app; English
 * (en/) is a chunk of its own, loaded on the first switch to English (`loadEnglish`); the team
 * client's and team review's Chinese come with the team client and the meeting-link page (`registerMessages`).
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
import { defaultNames } from './default-names.ts';
import { sync } from './sync.ts';
import { conflict } from './conflict.ts';
import type { Lang } from '../lang.ts';
import type { ProblemCode } from '../../domain/problem.ts';

const modules = [app, coverage, jobsHousing, allocation, importer, present, basemap, review, storage, defaultNames, sync, conflict] as const;

export const MESSAGES: Record<Lang, Record<string, string>> = {
  zh: Object.assign({}, ...modules.map((m) => m.zh)),
  en: { ...defaultNames.en },
};

let english: Promise<void> | null = null;
let englishReady = false;
let problemsEn: Readonly<Record<ProblemCode, string>> | null = null;

/** Loads the English messages (once); the UI switches to English only after this resolves. */
export function loadEnglish(): Promise<void> {
  english ??= import('./en/english.ts').then(
    (m) => {
      Object.assign(MESSAGES.en, m.EN);
      problemsEn = m.PROBLEMS_EN;
      englishReady = true;
    },
    (err: unknown) => {
      english = null; // another try on the next switch
      throw err;
    },
  );
  return english;
}

/** The English messages have arrived (`translate('en', …)` falls back to Chinese before). */
export function englishLoaded(): boolean {
  return englishReady;
}

/** The English problem templates once English has loaded (problem-text.ts), else null. */
export function englishProblems(): Readonly<Record<ProblemCode, string>> | null {
  return problemsEn;
}

/** Adds messages that come with a part of the app loaded later (the team client's). */
export function registerMessages(lang: Lang, messages: Readonly<Record<string, string>>): void {
  Object.assign(MESSAGES[lang], messages);
}

/**
 * Look up and fill a message; unknown keys come back as the key itself (visible, not silent).
 * English before `loadEnglish` has resolved falls back to Chinese (the UI never shows English before then).
 */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const t = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return params ? t.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`)) : t;
}

type Params = Record<string, string | number>;

/**
 * A message in both languages, for labels held as `{ zh, en }` (figures, overlays, legends, undo
 * labels). English is read when it is used, so a label made before English has loaded reads in
 * English once it has. `params` may differ by language (a board's name and nameEn).
 */
export function bilingual(key: string, params?: Params | ((lang: Lang) => Params)): { zh: string; en: string } {
  const p = (lang: Lang) => (typeof params === 'function' ? params(lang) : params);
  return {
    zh: translate('zh', key, p('zh')),
    get en() {
      return translate('en', key, p('en'));
    },
  };
}
