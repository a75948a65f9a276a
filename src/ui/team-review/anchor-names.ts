/** The names the open project and the active plan give to anchor ids: sites (any scenario's), targets, rules. */
import type { Lang } from '../../i18n/lang.ts';
import { store } from '../../state/app-store.svelte.ts';
import { planStore } from '../../state/plan-store.svelte.ts';
import type { AnchorNames } from './anchor-label.ts';

export function anchorNames(lang: Lang): AnchorNames {
  const named = (x: { name: string; nameEn: string } | undefined) => (x ? (lang === 'zh' ? x.name : x.nameEn) : undefined);
  return {
    site: (id) => store.project.scenarios.flatMap((s) => s.sites).find((x) => x.id === id)?.name,
    target: (id) => named(planStore.plan.targets.targets.find((x) => x.id === id)),
    rule: (id) => named(planStore.plan.rules.rules.find((x) => x.id === id)),
  };
}
