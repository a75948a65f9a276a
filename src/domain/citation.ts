/**
 * Citations into the plan text: 规划 第十章第三节 1. Every quotation and every number
 * taken from the plan carries one.
 */
export interface Citation {
  /** Chapter number (第N章); 0 for the front matter. */
  chapter?: number;
  /** Section number within the chapter (第N节); 0 for the chapter's preamble. */
  section?: number;
  /** Numbered item within the section (1., 2., …). */
  item?: number;
  /** Annex number (附件N) instead of a chapter. */
  annex?: number;
  /** Table name or row, e.g. 主要指标表 / 鹿城区. */
  table?: string;
  row?: string;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 10 → 十, 11 → 十一, 12 → 十二. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CN_DIGITS[n];
  if (n < 20) return '十' + CN_DIGITS[n - 10];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return CN_DIGITS[tens] + '十' + (ones ? CN_DIGITS[ones] : '');
}

/** 《温州市住房发展“十四五”规划》第十章第三节第1条 style reference, in Chinese or English. */
export function formatCitation(c: Citation, lang: 'zh' | 'en'): string {
  if (lang === 'zh') {
    let s = '规划';
    if (c.annex) s += `附件${c.annex}`;
    if (c.chapter) s += `第${chineseNumeral(c.chapter)}章`;
    if (c.chapter && c.section === 0) s += '导语';
    else if (c.section) s += `第${chineseNumeral(c.section)}节`;
    if (c.item) s += `第${c.item}条`;
    if (c.table) s += ` ${c.table}`;
    if (c.row) s += `（${c.row}）`;
    return s;
  }
  let s = 'Plan';
  if (c.annex) s += ` Annex ${c.annex}`;
  if (c.chapter) s += ` ch. ${c.chapter}`;
  if (c.chapter && c.section === 0) s += ' preamble';
  else if (c.section) s += ` §${c.section}`;
  if (c.item) s += `.${c.item}`;
  if (c.table) s += `, ${c.table}`;
  if (c.row) s += ` (${c.row})`;
  return s;
}
