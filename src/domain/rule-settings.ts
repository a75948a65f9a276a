/**
 * Adjustable thresholds of the allocation rules and gauges. Defaults are data
 * (geodata/plan/allocation-rules.json `defaults`), each marked as Anju's assumption.
 */
export const RULE_THRESHOLD_KEYS = [
  'stockUpgradeMaxCommercialUnits',
  'stockUpgradeMaxCommercialSharePct',
  'keyExpansionMinNewSupplySharePct',
  'rentalMaxDistanceToEmploymentKm',
  'approxTargetTolerancePct',
] as const;
export type RuleThresholdKey = (typeof RULE_THRESHOLD_KEYS)[number];

/** Threshold values: units (套), percent (%) or kilometres (km), as the key's name says. */
export type RuleSettings = Readonly<Record<RuleThresholdKey, number>>;

/** The default settings from the rules data; throws if the data lacks a key (a programmer error). */
export function defaultRuleSettings(defaults: Record<string, { value: number }>): RuleSettings {
  const out = {} as Record<RuleThresholdKey, number>;
  for (const k of RULE_THRESHOLD_KEYS) {
    const d = defaults[k];
    if (!d) throw new Error(`allocation-rules.json: no default for threshold "${k}"`);
    out[k] = d.value;
  }
  return out;
}
