/**
 * The built-in plan's targets, annexes and Anju's allocation rules (geodata/plan/*.json), typed.
 * What runs against the plan reads the ACTIVE package instead (src/data/active-plan.ts); these
 * are the built-in 2021–2025 figures, which the plan-text tests check.
 */
import { builtinPlan } from './builtin-plan.ts';
import { defaultRuleSettings, type RuleSettings } from '../domain/rule-settings.ts';
import type { Annex1Data, Annex2Data } from '../domain/target.ts';

export const targetsData = builtinPlan.targets;
export const annex1 = builtinPlan.annexes.annex1 as Annex1Data;
export const annex2 = builtinPlan.annexes.annex2 as Annex2Data;
export const rulesData = builtinPlan.rules;

/** Rule thresholds as shipped (Anju's assumptions; see allocation-rules.json). */
export const DEFAULT_RULE_SETTINGS: RuleSettings = defaultRuleSettings(rulesData.defaults);
