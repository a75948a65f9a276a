/** The one number formatter: the same rules in both languages, for every tab, export and report. */
import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatNumber, formatPercent, formatRatio, formatSignedCount, formatWan, UNKNOWN } from '../../../src/i18n/format.ts';

describe('formatNumber', () => {
  it('groups by thousands with a comma and rounds to the digits asked for', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(1234.5, 2)).toBe('1,234.50');
    expect(formatNumber(-1234567)).toBe('-1,234,567');
    expect(formatNumber(-0.2)).toBe('0'); // never "-0"
    expect(formatNumber(12.3456, 'auto')).toBe('12.346');
    expect(formatNumber(12, 'auto')).toBe('12');
  });
  it('says — for anything that is not a finite number', () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) expect(formatNumber(v)).toBe(UNKNOWN);
    expect(UNKNOWN).toBe('—');
  });
});

describe('formatCount', () => {
  it('full: the whole number in both languages', () => {
    expect(formatCount(95_000, 'zh')).toBe('95,000');
    expect(formatCount(95_000, 'en')).toBe('95,000');
  });
  it('compact: 万 in Chinese, k/M in English, at most one decimal, no trailing .0', () => {
    expect(formatCount(95_000, 'zh', 'compact')).toBe('9.5万');
    expect(formatCount(95_000, 'en', 'compact')).toBe('95k');
    expect(formatCount(64_700, 'en', 'compact')).toBe('64.7k');
    expect(formatCount(100_000, 'zh', 'compact')).toBe('10万');
    expect(formatCount(1_234_567, 'zh', 'compact')).toBe('123万');
    expect(formatCount(1_234_567, 'en', 'compact')).toBe('1.2M');
    expect(formatCount(-64_700, 'zh', 'compact')).toBe('-6.5万');
  });
  it('compact below 10,000 is the whole number, the same in both languages', () => {
    expect(formatCount(5813, 'zh', 'compact')).toBe('5,813');
    expect(formatCount(5813, 'en', 'compact')).toBe('5,813');
  });
});

describe('the other shapes', () => {
  it('signed differences use a true minus sign', () => {
    expect(formatSignedCount(1200)).toBe('+1,200');
    expect(formatSignedCount(-300)).toBe('−300');
    expect(formatSignedCount(0.2)).toBe('0');
  });
  it('万套 with up to two decimals', () => {
    expect(formatWan(297_500)).toBe('29.75');
    expect(formatWan(300_000)).toBe('30');
  });
  it('percentages with the digits the figure asks for', () => {
    expect(formatPercent(0.634)).toBe('63%');
    expect(formatPercent(0.93, 1)).toBe('93.0%');
    expect(formatPercent(null)).toBe(UNKNOWN);
  });
  it('ratios with two decimals', () => {
    expect(formatRatio(1.53889)).toBe('1.54');
    expect(formatRatio(null)).toBe(UNKNOWN);
  });
  it('dates in the reader’s language', () => {
    const d = new Date(2026, 10, 26);
    expect(formatDate(d, 'zh')).toBe('2026年11月26日');
    expect(formatDate(d, 'en')).toBe('26 November 2026');
    expect(formatDate(new Date(NaN), 'en')).toBe(UNKNOWN);
  });
  it('moments to the minute, in local time; text that is no time as it is', () => {
    const d = new Date(2026, 10, 26, 9, 5);
    expect(formatDateTime(d, 'zh')).toBe('2026年11月26日 09:05');
    expect(formatDateTime(d, 'en')).toBe('26 November 2026, 09:05');
    expect(formatDateTime(d.toISOString(), 'zh')).toBe('2026年11月26日 09:05');
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
  });
});
