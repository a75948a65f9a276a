/**
 * Polygon validity as OGC means it, built from Turf: Turf's booleanValid misses a ring that
 * crosses itself (a bow-tie), and Turf's kinks wrongly flags a hole touching its shell at one
 * point (valid in OGC). So: booleanValid, plus kinks on each ring on its own.
 */
import { booleanValid, kinks, feature, polygon } from '@turf/turf';
import type { Areal } from './polygon-ops.ts';
import { polygonsOf } from './polygon-ops.ts';

export function isValidAreal(g: Areal): boolean {
  if (!booleanValid(feature(g))) return false;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      if (ring.length < 4) return false;
      if (kinks(polygon([ring])).features.length > 0) return false;
    }
  }
  return true;
}
