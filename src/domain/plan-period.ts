/**
 * A year of the plan period (附件1's year columns for 2021–2025). The period is the active plan
 * package's (`planYears()` in src/data/active-plan.ts), not a build-time constant.
 */
export type PlanYear = number;

/**
 * @deprecated The BUILT-IN plan's years only, kept for callers not yet moved to the active
 * package (`planYears()` in src/data/active-plan.ts follows a loaded package; this does not).
 * test/unit/plan-package/builtin-plan.test.ts checks it equals the built-in package's period.
 */
export const PLAN_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/**
 * True for an integer calendar year a plan package may hold (1949–2200, the package schema's
 * bounds). Untrusted input such as a comment's grid-cell anchor is checked with this: the server
 * does not know which package the app has loaded, so it cannot check the period itself.
 */
export function isPlanYear(v: unknown): v is PlanYear {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1949 && v <= 2200;
}
