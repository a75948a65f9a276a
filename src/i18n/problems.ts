/**
 * Problem messages in Chinese and English (problem-templates/), for the command line, the server,
 * workers and tests. Templates use {name} placeholders filled from Problem.params; the location
 * (file, feature, row, field) is prefixed by formatProblem. The app's main thread uses
 * problem-text.ts instead, whose English loads with the rest of English.
 */
import type { Problem, ProblemCode } from '../domain/problem.ts';
import type { Lang } from './lang.ts';
import { PROBLEMS_ZH } from './problem-templates/zh.ts';
import { PROBLEMS_EN } from './problem-templates/en.ts';
import { fillProblem } from './problem-format.ts';

type Templates = Record<ProblemCode, { zh: string; en: string }>;

export const PROBLEM_TEMPLATES: Templates = Object.fromEntries((Object.keys(PROBLEMS_ZH) as ProblemCode[]).map((c) => [c, { zh: PROBLEMS_ZH[c], en: PROBLEMS_EN[c] }])) as Templates;

export function formatProblem(p: Problem, lang: Lang): string {
  return fillProblem((lang === 'zh' ? PROBLEMS_ZH : PROBLEMS_EN)[p.code], p, lang);
}
