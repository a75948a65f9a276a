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
