/**
 * A facility category's name as shown (coverage tab, import preview): GB 50180-2018's name for a
 * standard slug, the life circle for a tier id, 未分类设施 for none, anything else as written.
 */
import { gb50180 } from '../../data/gb50180.ts';
import { UNCATEGORISED } from '../../io/readers/facility-categories.ts';
import { isLifeCircleTier } from '../../domain/life-circle.ts';
import { translate } from '../../i18n/messages/index.ts';
import type { Lang } from '../../i18n/lang.ts';

/** The GB 50180 category entry of a slug, if any. */
export function categoryInfo(slug: string) {
  return gb50180.facilities.find((c) => c.category === slug) ?? null;
}

/**
 * A category's name as shown: the standard's (Chinese or English); a row that named only its life
 * circle (15分钟生活圈 …, read as the tier id) as that circle's facility; the facilities imported
 * without a category as 未分类设施 / Uncategorised facility; anything else as written.
 */
export function categoryName(slug: string, lang: Lang): string {
  if (slug === UNCATEGORISED) return translate(lang, 'coverage.category.uncategorised');
  if (isLifeCircleTier(slug)) return translate(lang, `coverage.category.tier.${slug}`);
  const c = categoryInfo(slug);
  return c ? (lang === 'zh' ? c.name : c.nameEn) : slug;
}
