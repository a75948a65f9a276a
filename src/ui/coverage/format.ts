/** Number formatting of the coverage tab (text only). */
import type { Lang } from '../../i18n/lang.ts';

/** 0.634 → "63%"; null → "—". */
export function pct(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** 12345.6 → "12,346" (zh and en both group by thousands); null → "—". */
export function int(v: number | null | undefined, lang: Lang): string {
  return v === null || v === undefined ? '—' : Math.round(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}
