/** The plan period, 2021–2025 (“十四五”时期; 附件1's year columns). */
export const PLAN_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export type PlanYear = (typeof PLAN_YEARS)[number];

/** Number of years in the plan period (5): annual figures × this = five-year figures. */
export const PLAN_YEAR_COUNT = PLAN_YEARS.length;

