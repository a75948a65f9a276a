/** Times of revisions and saves, in the reader's language and time zone: "2026/5/3 14:05" / "3 May 2026, 14:05". */
import type { Lang } from '../../i18n/lang.ts';

export function fmtTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
