/** Legend of the review map (actual − scenario per board): the same classes as its colours, for the tab, exports and the presentation. */
import type { LegendEntry } from '../feature.ts';
import type { Scale } from '../allocation/color-scale.ts';

const fmt = (n: number, lang: 'zh' | 'en') => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

export function reviewLegend(scale: Scale | null): LegendEntry[] {
  return (scale?.legend ?? []).map((c) => ({
    color: c.color,
    label:
      c.from === 0 && c.to === 0
        ? { zh: '实际与方案相同', en: 'actual = scenario' }
        : c.to <= 0
          ? { zh: `实际少于方案 ${fmt(-c.to, 'zh')}–${fmt(-c.from, 'zh')} 套`, en: `actual below scenario by ${fmt(-c.to, 'en')}–${fmt(-c.from, 'en')} units` }
          : { zh: `实际多于方案 ${fmt(c.from, 'zh')}–${fmt(c.to, 'zh')} 套`, en: `actual above scenario by ${fmt(c.from, 'en')}–${fmt(c.to, 'en')} units` },
  }));
}
