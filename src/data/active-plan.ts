/**
 * The active plan package: the built-in 2021–2025 plan unless the user loaded another (the
 * import dialog's 规划包, or `--plan FILE` on the command line). Everything that depends on the
 * plan — grid years, gauges, rule warnings, chapters, titles — reads it here at the time it runs,
 * so one `setActivePlan` switches every tab. The UI's runes store (state/plan-store.svelte.ts)
 * calls `setActivePlan` and makes the switch reactive.
 */
import type { PlanPackage } from '../domain/plan-package.ts';
import type { PlanYear } from '../domain/plan-period.ts';
import { defaultRuleSettings, type RuleSettings } from '../domain/rule-settings.ts';
import { builtinPlan } from './builtin-plan.ts';

let active: PlanPackage = builtinPlan;

export function activePlan(): PlanPackage {
  return active;
}

/** Make `p` the active plan (a checked package: src/io/plan-package-check.ts). */
export function setActivePlan(p: PlanPackage): void {
  active = p;
}

/** The active plan's period years in order, e.g. [2021, …, 2025]. */
export function planYears(): readonly PlanYear[] {
  return active.period.years;
}

/** Number of years in the period (5 for 2021–2025): annual figures × this = period figures. */
export function planYearCount(): number {
  return active.period.years.length;
}

/** `2021–2025`: the period as a label. */
export function planPeriodLabel(p: PlanPackage = active): string {
  const y = p.period.years;
  return y.length === 1 ? `${y[0]}` : `${y[0]}–${y[y.length - 1]}`;
}

/** The active plan's rule thresholds as shipped (each Anju's assumption, said in the package). */
export function planRuleSettings(): RuleSettings {
  return defaultRuleSettings(active.rules.defaults);
}
