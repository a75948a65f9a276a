/**
 * Reading a number of dwelling units (套) typed by a planner: a whole number ≥ 0. Digit-group
 * separators (1,200 / 1 200 / 1，200) are accepted; an empty entry means 0. Anything else is
 * a Problem the UI shows next to the cell; the cell keeps its old value (never NaN).
 */
import { problem, type Checked, type ProblemCode } from './problem.ts';

/**
 * Sanity limit of one entry, in units (套): 1,000,000 is ~2.7× the whole city's five-year new
 * commercial supply (36.75 万套), so a larger entry is a typo, not a plan. Anju's choice.
 */
export const MAX_UNITS_PER_ENTRY = 1_000_000;

/** Parse a units entry; `field` names where it was typed (for the Problem's location). */
export function parseUnits(text: string, field?: string): Checked<number> {
  const s = text.trim().replace(/[,，\s_]/g, '');
  if (s === '') return { ok: true, value: 0, warnings: [] };
  const fail = (code: ProblemCode) => ({ ok: false as const, problems: [problem(code, { field, params: { value: text.trim(), max: MAX_UNITS_PER_ENTRY } })] });
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return fail('units-not-number');
  const n = Number(s);
  if (!Number.isFinite(n)) return fail('units-not-number');
  if (n < 0) return fail('units-negative');
  if (!Number.isInteger(n)) return fail('units-not-integer');
  if (n > MAX_UNITS_PER_ENTRY) return fail('units-too-large');
  return { ok: true, value: n, warnings: [] };
}
