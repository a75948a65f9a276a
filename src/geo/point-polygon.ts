/**
 * Point–polygon relations with units in the names. Turf's pointToPolygonDistance is negative
 * inside the polygon; here inside is 0.
 */
import { booleanPointInPolygon, pointToPolygonDistance, feature } from '@turf/turf';
import type { Position } from 'geojson';
import type { Areal } from './polygon-ops.ts';

/** True if the lon/lat position lies inside the polygon (on the boundary counts as inside). */
export function pointInAreal(p: Position, g: Areal): boolean {
  return booleanPointInPolygon(p, feature(g));
}

/** Great-circle distance in kilometres from a position to the polygon's nearest edge; 0 inside. */
export function distanceToArealKm(p: Position, g: Areal): number {
  if (pointInAreal(p, g)) return 0;
  return Math.max(0, pointToPolygonDistance(p, feature(g), { units: 'kilometers' }));
}
