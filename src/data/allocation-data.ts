/**
 * The plan's targets, annexes and Anju's allocation rules (geodata/plan/*.json), typed.
 * Plain JSON imports: they work in Vite, vitest and the tsx-run CLI alike.
 */
import targetsJson from '../../geodata/plan/targets.json';
import annex1Json from '../../geodata/plan/annex1-renovation.json';
import annex2Json from '../../geodata/plan/annex2-resettlement.json';
import rulesJson from '../../geodata/plan/allocation-rules.json';
import type { Annex1Data, Annex2Data, RulesData, TargetsData } from '../domain/target.ts';
import { defaultRuleSettings, type RuleSettings } from '../domain/rule-settings.ts';

export const targetsData = targetsJson as unknown as TargetsData;
export const annex1 = annex1Json as unknown as Annex1Data;
export const annex2 = annex2Json as unknown as Annex2Data;
export const rulesData = rulesJson as unknown as RulesData;

/** Rule thresholds as shipped (Anju's assumptions; see allocation-rules.json). */
export const DEFAULT_RULE_SETTINGS: RuleSettings = defaultRuleSettings(rulesData.defaults);
