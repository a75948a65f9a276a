/** Legend of the review map (actual − scenario per board): the same classes as its colours, for the tab, exports and the presentation. */
import type { LegendEntry } from '../feature.ts';
import type { Scale } from '../allocation/color-scale.ts';
import { formatNumber } from '../../i18n/format.ts';

export function reviewLegend(scale: Scale | null): LegendEntry[] {
  return (scale?.legend ?? []).map((c) => ({
    color: c.color,
    label:
      c.from === 0 && c.to === 0
        ? { zh: '实际与方案相同', en: 'actual = scenario' }
        : c.to <= 0
          ? { zh: `实际少于方案 ${formatNumber(-c.to)}–${formatNumber(-c.from)} 套`, en: `actual below scenario by ${formatNumber(-c.to)}–${formatNumber(-c.from)} units` }
          : { zh: `实际多于方案 ${formatNumber(c.from)}–${formatNumber(c.to)} 套`, en: `actual above scenario by ${formatNumber(c.from)}–${formatNumber(c.to)} units` },
  }));
}
