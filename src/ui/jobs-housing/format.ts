/** Number formatting of the job–housing figures for the UI (Chinese 万 for large counts). */
import type { Lang } from '../../i18n/lang.ts';

/** A count (jobs, dwellings): 95000 → "9.5万" (zh) / "95,000" (en); null → "—". */
export function formatCount(n: number | null, lang: Lang): string {
  if (n === null || !Number.isFinite(n)) return '—';
  if (lang === 'zh' && Math.abs(n) >= 10000) return `${(n / 10000).toFixed(Math.abs(n) >= 1e6 ? 0 : 1)}万`;
  return Math.round(n).toLocaleString('en-US');
}

/** A ratio (jobs per dwelling) with two decimals; null → "—". */
export function formatRatio(r: number | null): string {
  return r === null || !Number.isFinite(r) ? '—' : r.toFixed(2);
}

/** A share 0–1 as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** "Ewing 1996": a reference of the standards table cited in running text (no nested brackets). */
export function citeShort(refs: Readonly<Record<string, { authors: string; year: number }>>, key: string): string {
  const r = refs[key];
  if (!r) throw new Error(`citeShort: unknown reference "${key}"`);
  return `${r.authors.split(',')[0]} ${r.year}`;
}

/** Map label of an employment area: name, then jobs marked 示意 when illustrative ("经开区\n9.5万岗位（示意）"). */
export function employmentLabel(p: { name: string; nameEn: string; jobs: number; illustrative: boolean }, lang: Lang): string {
  if (lang === 'zh') return `${p.name}\n${formatCount(p.jobs, 'zh')}岗位${p.illustrative ? '（示意）' : ''}`;
  return `${p.nameEn}\n${formatCount(p.jobs, 'en')} jobs${p.illustrative ? ' (illustrative)' : ''}`;
}
