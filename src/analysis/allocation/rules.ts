/**
 * The plan's spatial rules (第十章第二节, 第三节) as warnings on an allocation. Each warning names
 * the board, the number, the threshold and the plan's sentence (stored in
 * geodata/plan/allocation-rules.json). A value exactly at its threshold does not warn.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BoardCollection } from '../../domain/board.ts';
import type { Citation } from '../../domain/citation.ts';
import type { RuleDefinition } from '../../domain/target.ts';
import type { HousingTypeId } from '../../domain/housing-type.ts';
import type { RuleSettings, RuleThresholdKey } from '../../domain/rule-settings.ts';
import { labelPoint } from '../../geo/measure.ts';
import { distanceToArealKm } from '../../geo/point-polygon.ts';
import { unitsOfTypes, type AllocationTotals } from './totals.ts';

export type RuleId = RuleDefinition['id'];

export interface RuleWarning {
  ruleId: RuleId;
  boardId: string;
  /** What was measured, with its unit in the name. */
  measure: 'commercialUnits' | 'commercialSharePct' | 'newSupplySharePct' | 'distanceToEmploymentKm';
  value: number;
  thresholdKey: RuleThresholdKey;
  threshold: number;
  /** `above`: the value exceeds a maximum; `below`: it falls short of a minimum. */
  direction: 'above' | 'below';
  cite: Citation;
  quote: string;
}

export interface RuleSkip {
  ruleId: RuleId;
  reason: 'no-employment-areas' | 'no-allocated-units';
}

export interface RuleReport {
  warnings: RuleWarning[];
  skipped: RuleSkip[];
}

export type EmploymentAreas = FeatureCollection<Polygon | MultiPolygon>;

function rule(rules: readonly RuleDefinition[], id: RuleId): RuleDefinition {
  const r = rules.find((x) => x.id === id);
  if (!r) throw new Error(`allocation-rules.json: no rule "${id}"`);
  return r;
}

/** Percentage a/b × 100, for reporting; comparisons use cross-multiplication to stay exact. */
function pct(a: number, b: number): number {
  return b === 0 ? 0 : (a / b) * 100;
}

/**
 * Every rule warning for the totals. `employmentAreas` is an input (another module builds
 * them); without it the distance rule is reported as skipped, not silently passed.
 */
export function ruleWarnings(
  totals: AllocationTotals,
  boards: BoardCollection,
  rules: readonly RuleDefinition[],
  settings: RuleSettings,
  employmentAreas?: EmploymentAreas | null,
): RuleReport {
  const warnings: RuleWarning[] = [];
  const skipped: RuleSkip[] = [];
  const byId = new Map(totals.byBoard.map((b) => [b.boardId, b]));
  const category = new Map(boards.features.map((f) => [f.properties.id, f.properties.category]));
  const boardsOf = (c: string) => boards.features.filter((f) => category.get(f.properties.id) === c).map((f) => byId.get(f.properties.id)!);
  const inBoards = (types: readonly HousingTypeId[]) => totals.byBoard.reduce((s, b) => s + unitsOfTypes(b, types), 0);

  const stock = rule(rules, 'stock-upgrade-commercial');
  const commercialTotal = inBoards(stock.housingTypes);
  for (const b of boardsOf('stock-upgrade')) {
    const units = unitsOfTypes(b, stock.housingTypes);
    const base = { ruleId: stock.id, boardId: b.boardId, direction: 'above' as const, cite: stock.cite, quote: stock.quote };
    if (units > settings.stockUpgradeMaxCommercialUnits)
      warnings.push({ ...base, measure: 'commercialUnits', value: units, thresholdKey: 'stockUpgradeMaxCommercialUnits', threshold: settings.stockUpgradeMaxCommercialUnits });
    if (commercialTotal > 0 && units * 100 > settings.stockUpgradeMaxCommercialSharePct * commercialTotal)
      warnings.push({ ...base, measure: 'commercialSharePct', value: pct(units, commercialTotal), thresholdKey: 'stockUpgradeMaxCommercialSharePct', threshold: settings.stockUpgradeMaxCommercialSharePct });
  }

  const key = rule(rules, 'key-expansion-supply');
  const supplyTotal = inBoards(key.housingTypes);
  if (supplyTotal === 0) skipped.push({ ruleId: key.id, reason: 'no-allocated-units' });
  else
    for (const b of boardsOf('key-expansion')) {
      const units = unitsOfTypes(b, key.housingTypes);
      if (units * 100 < settings.keyExpansionMinNewSupplySharePct * supplyTotal)
        warnings.push({ ruleId: key.id, boardId: b.boardId, measure: 'newSupplySharePct', value: pct(units, supplyTotal), thresholdKey: 'keyExpansionMinNewSupplySharePct', threshold: settings.keyExpansionMinNewSupplySharePct, direction: 'below', cite: key.cite, quote: key.quote });
    }

  const near = rule(rules, 'rental-near-employment');
  const areas = employmentAreas?.features.filter((f) => f.geometry) ?? [];
  if (!areas.length) skipped.push({ ruleId: near.id, reason: 'no-employment-areas' });
  else
    for (const f of boards.features) {
      const b = byId.get(f.properties.id)!;
      if (unitsOfTypes(b, near.housingTypes) === 0) continue;
      const at = labelPoint(f.geometry);
      const km = Math.min(...areas.map((a) => distanceToArealKm(at, a.geometry)));
      if (km > settings.rentalMaxDistanceToEmploymentKm)
        warnings.push({ ruleId: near.id, boardId: b.boardId, measure: 'distanceToEmploymentKm', value: km, thresholdKey: 'rentalMaxDistanceToEmploymentKm', threshold: settings.rentalMaxDistanceToEmploymentKm, direction: 'above', cite: near.cite, quote: near.quote });
    }
  return { warnings, skipped };
}
