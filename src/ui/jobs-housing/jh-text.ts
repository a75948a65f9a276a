/** Job–housing text: short citations and employment-area labels (numbers: i18n/format.ts). */
import type { Lang } from '../../i18n/lang.ts';
import { formatCount } from '../../i18n/format.ts';

/** "Ewing 1996": a reference of the standards table cited in running text (no nested brackets). */
export function citeShort(refs: Readonly<Record<string, { authors: string; year: number }>>, key: string): string {
  const r = refs[key];
  if (!r) throw new Error(`citeShort: unknown reference "${key}"`);
  return `${r.authors.split(',')[0]} ${r.year}`;
}

/** Map label of an employment area: name, then jobs marked 示意 when illustrative ("经开区\n9.5万岗位（示意）"). */
export function employmentLabel(p: { name: string; nameEn: string; jobs: number; illustrative: boolean }, lang: Lang): string {
  if (lang === 'zh') return `${p.name}\n${formatCount(p.jobs, 'zh', 'compact')}岗位${p.illustrative ? '（示意）' : ''}`;
  return `${p.nameEn}\n${formatCount(p.jobs, 'en', 'compact')} jobs${p.illustrative ? ' (illustrative)' : ''}`;
}
