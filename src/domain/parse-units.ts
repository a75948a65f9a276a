/**
 * Reading a number of dwelling units (套) typed or pasted by a planner: a whole number ≥ 0.
 * Digit-group separators (1,200 / 1 200 / 1，200) are accepted, and so is 万 (1.5万 = 15,000,
 * computed exactly on the digits, never through a float) and a trailing 套; an empty entry
 * means 0. Anything else — a tab or line break included, so "10⇥20" is never read as 1020 —
 * is a Problem the UI shows next to the cell; the cell keeps its old value (never NaN).
 */
import { problem, type Checked, type ProblemCode } from './problem.ts';

/**
 * Sanity limit of one entry, in units (套): 1,000,000 is ~2.7× the whole city's five-year new
 * commercial supply (36.75 万套), so a larger entry is a typo, not a plan. Anju's choice.
 */
export const MAX_UNITS_PER_ENTRY = 1_000_000;

/** Spaces a spreadsheet or a Chinese keyboard puts between digit groups (not tabs or line breaks). */
const GROUP_SEPARATORS = /[,，_ \u00a0\u2009\u202f\u3000]/g;

/** "1.5" × 10⁴ exactly, or null when the result is not a whole number ("1.23456"). */
function timesWan(digits: string): number | null {
  const [int, frac = ''] = digits.split('.');
  if (frac.length > 4 && /[1-9]/.test(frac.slice(4))) return null;
  return Number((int || '0') + frac.slice(0, 4).padEnd(4, '0'));
}

/** Parse a units entry; `field` names where it was typed (for the Problem's location). */
export function parseUnits(text: string, field?: string): Checked<number> {
  const shown = text.trim();
  const s = shown.replace(GROUP_SEPARATORS, '').replace(/套$/, '');
  if (s === '') return { ok: true, value: 0, warnings: [] };
  const fail = (code: ProblemCode) => ({ ok: false as const, problems: [problem(code, { field, params: { value: shown, max: MAX_UNITS_PER_ENTRY } })] });
  const wan = /^([-+]?)(\d+(?:\.\d*)?|\.\d+)万$/.exec(s);
  let n: number;
  if (wan) {
    const v = timesWan(wan[2]);
    if (v === null) return fail('units-not-integer');
    n = wan[1] === '-' ? -v : v;
  } else {
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return fail('units-not-number');
    n = Number(s);
    if (!Number.isFinite(n)) return fail('units-not-number');
  }
  if (n < 0) return fail('units-negative');
  if (!Number.isInteger(n)) return fail('units-not-integer');
  if (n > MAX_UNITS_PER_ENTRY) return fail('units-too-large');
  return { ok: true, value: n === 0 ? 0 : n, warnings: [] };
}
