/**
 * Problems as the app shows them (problem lists, a view that failed, the fatal page): Chinese
 * comes with the app, English with the rest of English (messages/index.ts, loadEnglish), so the
 * first load carries one language. The command line and the server use problems.ts.
 */
import type { Problem } from '../domain/problem.ts';
import type { Lang } from './lang.ts';
import { PROBLEMS_ZH } from './problem-templates/zh.ts';
import { englishProblems } from './messages/index.ts';
import { fillProblem } from './problem-format.ts';

/** The problem as one line in `lang` (English before it has loaded: Chinese, as every message). */
export function formatProblem(p: Problem, lang: Lang): string {
  const template = (lang === 'en' ? englishProblems()?.[p.code] : undefined) ?? PROBLEMS_ZH[p.code];
  return fillProblem(template, p, lang);
}
