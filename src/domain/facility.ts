/**
 * Facilities (配套设施) as points with a category; the category maps to a life-circle tier
 * through the GB 50180-2018 table (geodata/standards/gb50180.json, 附录B).
 */
import type { FacilityCategoryStandard, LifeCircleTier } from './life-circle.ts';

export type LonLat = [lon: number, lat: number];

export interface Facility {
  id: string;
  /** A category slug of the GB 50180 table (e.g. `kindergarten`), or a tier id for facilities given by tier only. */
  category: string;
  name?: string;
  lonLat: LonLat;
  /** True for generated, made-up facilities (never real data). */
  illustrative?: boolean;
}

/** A facility group analysed on its own: every facility, or those of one tier. */
export type FacilityGroup = 'any' | LifeCircleTier;

/** category slug → tier, from the standard's facility table. */
export type CategoryTiers = ReadonlyMap<string, LifeCircleTier>;

export function categoryTiers(categories: readonly FacilityCategoryStandard[]): CategoryTiers {
  return new Map(categories.map((c) => [c.category, c.tier]));
}

/**
 * The tier of a facility: its category's tier, or the category itself when it names a tier
 * (`5-min`, …); null when the category is unknown.
 */
export function tierOf(category: string, tiers: CategoryTiers): LifeCircleTier | null {
  const t = tiers.get(category);
  if (t) return t;
  return category === '15-min' || category === '10-min' || category === '5-min' || category === 'block' ? category : null;
}
