/**
 * Plain (non-reactive) helpers of the coverage tab: defaults from GB 50180, project boards as
 * engine boards, the facilities as a map layer with each facility's tier.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { BoardCollection } from '../../domain/board.ts';
import type { Facility } from '../../domain/facility.ts';
import { categoryTier } from '../../analysis/coverage/facility-tier.ts';
import { gb50180 } from '../../data/gb50180.ts';
import type { CoverageBoard } from '../../analysis/coverage/types.ts';
import { COVERAGE_TIERS, type CoverageTier, type TierRadii } from '../../analysis/coverage/tier-figures.ts';
import residentsJson from '../../../geodata/assumptions/coverage-residents.json';
import type { ResidentsAssumption } from '../../analysis/coverage/default-residents.ts';
import { categoryName } from './category-name.ts';
import type { Lang } from '../../i18n/lang.ts';

export const residentsAssumption = residentsJson as unknown as ResidentsAssumption;

/** GB 50180-2018 表3.0.4 default walking distances (m) per tier. */
export function defaultTierRadii(): TierRadii {
  const out = {} as TierRadii;
  for (const t of COVERAGE_TIERS) out[t] = gb50180.tiers.find((s) => s.id === t)?.walkingDistanceM?.default ?? 500;
  return out;
}

export function coverageBoards(boards: BoardCollection): CoverageBoard[] {
  return boards.features.map((b) => ({ id: b.properties.id, name: b.properties.name, geometry: b.geometry }));
}

export const facilityTier = (f: Facility): CoverageTier | null => categoryTier(f.category);

export interface FacilityProperties {
  id: string;
  category: string;
  /** Tier id, or `other` (居住街坊 or an unknown category). */
  tier: CoverageTier | 'other';
  name: string;
  illustrative: boolean;
}

export function facilityCollection(facilities: readonly Facility[], lang: Lang): FeatureCollection<Point, FacilityProperties> {
  return {
    type: 'FeatureCollection',
    features: facilities.map(
      (f): Feature<Point, FacilityProperties> => ({
        type: 'Feature',
        properties: { id: f.id, category: f.category, tier: facilityTier(f) ?? 'other', name: f.name ?? categoryName(f.category, lang), illustrative: f.illustrative === true },
        geometry: { type: 'Point', coordinates: f.lonLat },
      }),
    ),
  };
}

export { categoryInfo, categoryName } from './category-name.ts';
