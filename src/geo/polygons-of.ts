/** Areal geometry and its polygons, apart from the clipping in polygon-ops.ts (which brings polyclip-ts). */
import type { MultiPolygon, Polygon } from 'geojson';

export type Areal = Polygon | MultiPolygon;

/** a ∩ b, or null when they do not overlap (polygon-ops.ts `intersectAreal`, loaded on demand by polygon-clip.ts). */
export type IntersectAreal = (a: Areal, b: Areal) => Areal | null;

/** The polygons of an areal geometry, as Polygon coordinate arrays. */
export function polygonsOf(g: Areal): Polygon['coordinates'][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
