/**
 * How a plan package is named in titles, captions and reports: its title and document number,
 * or, for an example package, the title and that it is an example (示例), never an official plan.
 */
import type { PlanPackage } from '../domain/plan-package.ts';
import type { Lang } from './lang.ts';

export function planCaption(p: Pick<PlanPackage, 'title' | 'documentNumber' | 'example'>, lang: Lang): string {
  const extra = p.example ? (lang === 'zh' ? '示例，非正式规划' : 'example, not an official plan') : p.documentNumber;
  if (!extra) return p.title[lang];
  return lang === 'zh' ? `${p.title.zh}（${extra}）` : `${p.title.en} (${extra})`;
}
