/** A problem as one line in a language: its location (file, feature, row, field), then its template filled from Problem.params. */
import type { Problem } from '../domain/problem.ts';
import type { Lang } from './lang.ts';

function fill(t: string, params: Problem['params']): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => (params && k in params ? String(params[k]) : `{${k}}`));
}

/** Where the problem is, e.g. `boards.geojson 要素 #3 字段 name`. */
export function formatLocation(p: Problem, lang: Lang): string {
  const parts: string[] = [];
  if (p.file) parts.push(p.file);
  if (p.featureIndex !== undefined) parts.push(lang === 'zh' ? `要素 #${p.featureIndex + 1}` : `feature #${p.featureIndex + 1}`);
  if (p.row !== undefined) parts.push(lang === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`);
  if (p.field) parts.push(lang === 'zh' ? `字段 ${p.field}` : `field ${p.field}`);
  return parts.join(' ');
}

/** `template` (the problem's, in `lang`) filled, after the location. */
export function fillProblem(template: string, p: Problem, lang: Lang): string {
  const msg = fill(template, p.params);
  const loc = formatLocation(p, lang);
  return loc ? `${loc}: ${msg}` : msg;
}
