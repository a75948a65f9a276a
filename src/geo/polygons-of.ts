/** Areal geometry and its polygons, apart from the clipping in polygon-ops.ts (which brings polyclip-ts). */
import type { MultiPolygon, Polygon } from 'geojson';

export type Areal = Polygon | MultiPolygon;

/** The polygons of an areal geometry, as Polygon coordinate arrays. */
export function polygonsOf(g: Areal): Polygon['coordinates'][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
