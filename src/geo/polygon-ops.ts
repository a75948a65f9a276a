/**
 * Polygon set operations on WGS-84 lon/lat geometry, wrapping Turf (polyclip-ts underneath)
 * so the rest of the code never calls Turf's clipping directly and never sees an empty
 * Feature: every function returns `null` for an empty result.
 */
import { intersect, difference, union, featureCollection, feature } from '@turf/turf';
import type { Feature } from 'geojson';
import type { Areal } from './polygons-of.ts';

export { polygonsOf, type Areal } from './polygons-of.ts';

function asFeature(g: Areal): Feature<Areal> {
  return feature(g) as Feature<Areal>;
}

function nonEmpty(g: Areal | null | undefined): Areal | null {
  if (!g) return null;
  if (g.type === 'Polygon') return g.coordinates.length ? g : null;
  const parts = g.coordinates.filter((p) => p.length > 0);
  if (!parts.length) return null;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/** a ∩ b, or null when they do not overlap. */
export function intersectAreal(a: Areal, b: Areal): Areal | null {
  const r = intersect(featureCollection([asFeature(a), asFeature(b)]));
  return nonEmpty(r?.geometry as Areal | undefined);
}

/** a − b, or null when nothing is left. */
export function differenceAreal(a: Areal, b: Areal): Areal | null {
  const r = difference(featureCollection([asFeature(a), asFeature(b)]));
  return nonEmpty(r?.geometry as Areal | undefined);
}

/** Union of all geometries, or null for an empty list. */
export function unionAreal(geoms: readonly Areal[]): Areal | null {
  if (geoms.length === 0) return null;
  if (geoms.length === 1) return nonEmpty(geoms[0]);
  const r = union(featureCollection(geoms.map(asFeature)));
  return nonEmpty(r?.geometry as Areal | undefined);
}
