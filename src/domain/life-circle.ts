/**
 * Life-circle tiers of GB 50180-2018 《城市居住区规划设计标准》 (表3.0.4) and the types of
 * geodata/standards/gb50180.json. Figures live in that file, never in code.
 */

/** Tiers in the standard's order, smallest last; `block` is the 居住街坊. */
export const LIFE_CIRCLE_TIERS = ['15-min', '10-min', '5-min', 'block'] as const;
export type LifeCircleTier = (typeof LIFE_CIRCLE_TIERS)[number];

export interface RangeOf {
  min: number;
  max: number;
}

export interface StandardCite {
  clause?: string;
  table: string;
}

export interface TierStandard {
  id: LifeCircleTier;
  name: string;
  nameEn: string;
  walkMinutes: number | null;
  /** Walking distance in metres; null for the 居住街坊 (the standard gives none). */
  walkingDistanceM: (RangeOf & { default: number }) | null;
  /** Residents (人) of one unit of this tier. */
  population: RangeOf;
  /** Dwelling units (套) of one unit of this tier. */
  dwellings: RangeOf;
  cite: StandardCite;
  /** Whether each figure was confirmed against a public source (see the file's `sources`). */
  verified: { walkingDistanceM: boolean; population: boolean; dwellings: boolean };
  evidence: string[];
}

export interface FacilityCategoryStandard {
  /** Anju's slug, e.g. `kindergarten`. */
  category: string;
  name: string;
  nameEn: string;
  tier: LifeCircleTier;
  cite: StandardCite;
  verified: boolean;
}

export interface Gb50180Table {
  standard: string;
  title: string;
  titleEn: string;
  note: string;
  sources: { id: string; url: string; what: string }[];
  tiers: TierStandard[];
  walkingSpeed: { metresPerMinute: number; assumption: boolean; note: string };
  facilities: FacilityCategoryStandard[];
}

export function isLifeCircleTier(v: unknown): v is LifeCircleTier {
  return typeof v === 'string' && (LIFE_CIRCLE_TIERS as readonly string[]).includes(v);
}
