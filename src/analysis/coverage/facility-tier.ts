/**
 * The coverage tier a facility's category belongs to (GB 50180-2018), as the facilities layer
 * colours it: kept in the core so that the import worker can give an imported layer's tile
 * columns (facility-tile-points.ts) the same `tier` as the page (ui/coverage/coverage-data.ts).
 */
import { categoryTiers, tierOf } from '../../domain/facility.ts';
import { gb50180 } from '../../data/gb50180.ts';
import type { CoverageTier } from './tier-figures.ts';

const CATEGORY_TIERS = categoryTiers(gb50180.facilities);

/** The coverage tier of `category`, or null (居住街坊 or an unknown category). */
export function categoryTier(category: string): CoverageTier | null {
  const t = tierOf(category, CATEGORY_TIERS);
  return t === '15-min' || t === '10-min' || t === '5-min' ? t : null;
}
