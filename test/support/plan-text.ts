import { readFileSync } from 'node:fs';

/** The plan's full text, with whitespace removed so quotations can be found across page breaks. */
export const PLAN_TEXT = readFileSync(new URL('../../geodata/plan/wenzhou-housing-plan-2021-2025.txt', import.meta.url), 'utf8');

/**
 * The text file renders two occurrences of 和 as " and " (a conversion artefact, see
 * geodata/README.md); quotations use 和.
 */
export function normalisePlanText(s: string): string {
  return s.replace(/ and /g, '和').replace(/\s+/g, '');
}

export const PLAN_TEXT_NORMALISED = normalisePlanText(PLAN_TEXT);

/** The text of one chapter section, e.g. section(10, 3), from the body (not the table of contents). */
export function planSection(chapter: string, section: string): string {
  const body = PLAN_TEXT.slice(PLAN_TEXT.indexOf('第一章 发展基础与面临形势', PLAN_TEXT.indexOf('第一章 发展基础与面临形势') + 10));
  const start = body.indexOf(`${section}`, body.indexOf(chapter));
  const next = body.slice(start + section.length).search(/\n第.{1,3}[节章] /);
  return normalisePlanText(next < 0 ? body.slice(start) : body.slice(start, start + section.length + next));
}
