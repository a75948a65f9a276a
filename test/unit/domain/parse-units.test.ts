import { describe, expect, it } from 'vitest';
import { MAX_UNITS_PER_ENTRY, parseUnits } from '../../../src/domain/parse-units.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';

const value = (t: string) => {
  const r = parseUnits(t);
  return r.ok ? r.value : r.problems[0].code;
};

describe('parseUnits', () => {
  it('reads whole numbers, digit groups and an empty entry as 0', () => {
    expect(['0', '42', ' 1200 ', '1,200', '1，200', '12 000', '', '  ', '3e3', '+5'].map(value)).toEqual([0, 42, 1200, 1200, 1200, 12000, 0, 0, 3000, 5]);
  });

  it('refuses what is not a whole number of units ≥ 0, never yielding NaN', () => {
    expect(['abc', '12a', '1.5', '-3', '--1', 'NaN', 'Infinity', '1e400', String(MAX_UNITS_PER_ENTRY + 1)].map(value)).toEqual([
      'units-not-number', 'units-not-number', 'units-not-integer', 'units-negative', 'units-not-number', 'units-not-number', 'units-not-number', 'units-not-number', 'units-too-large',
    ]);
    expect(value(String(MAX_UNITS_PER_ENTRY))).toBe(MAX_UNITS_PER_ENTRY);
  });

  it('reads 万 exactly (no float rounding), a trailing 套 and the spaces spreadsheets use', () => {
    expect(['1.5万', '2万', '1.2345万', '0.0001万', '1.1万', '3万套', '1200套', '1\u00a0200', '１', '.5万', '1.23450万'].map(value)).toEqual([
      15000, 20000, 12345, 1, 11000, 30000, 1200, 1200, 'units-not-number', 5000, 12345,
    ]);
    expect(['1.23456万', '-1万', '101万', '万', '1万万'].map(value)).toEqual(['units-not-integer', 'units-negative', 'units-too-large', 'units-not-number', 'units-not-number']);
  });

  it('never joins cells: a tab or line break is not a digit-group separator', () => {
    expect(['10\t20\t30', '10\n20', '1,200\t3'].map(value)).toEqual(['units-not-number', 'units-not-number', 'units-not-number']);
  });

  it('names the entry and the value in both languages', () => {
    const r = parseUnits('12.5', '七都 2022');
    if (r.ok) throw new Error('expected a problem');
    expect(formatProblem(r.problems[0], 'zh')).toBe('字段 七都 2022: 套数应为整数，而不是 12.5');
    expect(formatProblem(r.problems[0], 'en')).toBe('field 七都 2022: units must be a whole number, not 12.5');
  });
});
