/**
 * Numbers as Anju shows them, in both languages — one set of rules for every tab, table, legend,
 * map label, export and report:
 *
 * - whole counts are grouped by thousands with a comma in both languages (`95,000`);
 * - a compact count (narrow cells, map labels, running text) is `9.5万` in Chinese and `95k` in
 *   English: one decimal at most, trailing `.0` dropped, no decimal from 100万 / 1M up;
 * - a share 0–1 is a percentage with the number of decimals the figure asks for (`63%`, `93.0%`);
 * - a ratio has two decimals (`1.54`);
 * - 套 in 万套 has up to two decimals (`29.75`);
 * - signed differences use a true minus sign (`+1,200`, `−300`, `0`);
 * - an unknown value (null, undefined, NaN, ±∞) is `—`.
 */
import type { Lang } from './lang.ts';

/** What every formatter shows for an unknown value. */
export const UNKNOWN = '—';

type Maybe = number | null | undefined;

function known(v: Maybe): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `12345.6` → `12,346`; with `digits`, exactly that many decimals (`1,234.50`); `'auto'` keeps up
 * to three decimals and drops trailing zeros (a value already rounded to its figure's precision).
 * Chinese and English group the same way, with a comma.
 */
export function formatNumber(v: Maybe, digits: number | 'auto' = 0): string {
  if (!known(v)) return UNKNOWN;
  const key = String(digits);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', digits === 'auto' ? { maximumFractionDigits: 3 } : { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  const s = f.format(v);
  return s === '-0' ? '0' : s;
}

/**
 * Make the number formats ahead of need: a page's first Intl.NumberFormat initialises ICU's data,
 * which took 156 ms to 1 s (under load) when it first happened inside a 替换; main.ts calls this
 * when the page is idle after start-up.
 */
export function warmNumberFormats(): void {
  for (const digits of [0, 1, 2, 'auto'] as const) formatNumber(0.5, digits);
}

/** At most one decimal, trailing `.0` dropped: 9.5 → `9.5`, 10.04 → `10`. */
function oneDecimal(v: number): string {
  const s = Math.abs(v) >= 100 ? String(Math.round(v)) : (Math.round(v * 10) / 10).toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/**
 * A count (dwellings, jobs, residents). `full` (default): `95,000` in both languages. `compact`:
 * `9.5万` / `95k` from 10,000 up, `5,813` below; `120万` / `1.2M` for a million and more.
 */
export function formatCount(v: Maybe, lang: Lang, style: 'full' | 'compact' = 'full'): string {
  if (!known(v)) return UNKNOWN;
  const abs = Math.abs(v);
  if (style === 'full' || abs < 10_000) return formatNumber(Math.round(v));
  if (lang === 'zh') return `${oneDecimal(v / 10_000)}万`;
  return abs >= 1_000_000 ? `${oneDecimal(v / 1_000_000)}M` : `${oneDecimal(v / 1000)}k`;
}

/** A signed difference of counts: `+1,200`, `−300` (true minus sign), `0`. */
export function formatSignedCount(v: Maybe): string {
  if (!known(v)) return UNKNOWN;
  const r = Math.round(v);
  if (r === 0) return '0';
  return (r > 0 ? '+' : '−') + formatNumber(Math.abs(r));
}

/** 套 as 万套 with up to two decimals: 297,500 → `29.75`, 300,000 → `30`. */
export function formatWan(units: Maybe): string {
  if (!known(units)) return UNKNOWN;
  return String(Math.round((units / 10_000) * 100) / 100);
}

/** A share 0–1 as a percentage: (0.634) → `63%`, (0.93, 1) → `93.0%`. */
export function formatPercent(share: Maybe, digits = 0): string {
  if (!known(share)) return UNKNOWN;
  return `${(share * 100).toFixed(digits)}%`;
}

/** A ratio such as jobs per dwelling, two decimals: `1.54`. */
export function formatRatio(v: Maybe): string {
  return known(v) ? v.toFixed(2) : UNKNOWN;
}

/** A calendar date in the reader's language: `2026年11月26日` / `26 November 2026`. */
export function formatDate(d: Date, lang: Lang): string {
  if (Number.isNaN(d.getTime())) return UNKNOWN;
  return lang === 'zh'
    ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * A moment (an ISO time or a Date) in the reader's language and time zone, to the minute:
 * `2026年11月26日 14:05` / `26 November 2026, 14:05` — revisions, saves, comments. Text that is no
 * time is shown as it is.
 */
export function formatDateTime(at: string | Date, lang: Lang): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return typeof at === 'string' ? at : UNKNOWN;
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return lang === 'zh' ? `${formatDate(d, lang)} ${hm}` : `${formatDate(d, lang)}, ${hm}`;
}
