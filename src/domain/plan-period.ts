/**
 * A year of the plan period (附件1's year columns for 2021–2025). The period is the active plan
 * package's (`planYears()` in src/data/active-plan.ts), not a build-time constant.
 */
export type PlanYear = number;
