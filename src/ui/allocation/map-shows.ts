/** What the 住房供应 map shades, in words: which housing type and year, or which two scenarios' difference. */
import { i18n } from '../../i18n/i18n.svelte.ts';
import { view } from './allocation-view.svelte.ts';
import { typeName } from './names.ts';
import { planPeriodLabel } from '../../data/active-plan.ts';
import { planStore } from '../../state/plan-store.svelte.ts';

/** `商品住房 · 2021–2025年` / `全部类型 · 2023`. */
export function typeYearText(): string {
  return `${view.type === 'all' ? i18n.t('alloc.type.all') : typeName(view.type, i18n.lang)} · ${view.year === 'all' ? i18n.t('alloc.period', { period: planPeriodLabel(planStore.plan) }) : view.year}`;
}

/** The legend's heading: `各板块分配套数：商品住房 · 2021–2025年` or `方案差异（B − A）：…`. */
export function mapShowsText(): string {
  const what = view.mode === 'diff' ? i18n.t('alloc.shows.diff', { a: view.pairA.name, b: view.pairB.name }) : i18n.t('alloc.shows.units', { name: view.scenario.name });
  return `${what}${i18n.lang === 'zh' ? '：' : ': '}${typeYearText()}`;
}
