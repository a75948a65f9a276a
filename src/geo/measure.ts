/**
 * Measurement with the unit in every name. Turf measures on a sphere of radius
 * 6371008.8 m (the WGS-84 mean radius); for areas the size of Wenzhou's boards the
 * difference from the ellipsoid is well under 0.5 %.
 */
import { area, distance, bbox as turfBbox, pointOnFeature, booleanPointInPolygon, feature } from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';
import { polygonsOf, type Areal } from './polygons-of.ts';
import { polygonCenterOfMass } from './center-of-mass.ts';

export type LonLat = [lon: number, lat: number];
export type Bbox = [west: number, south: number, east: number, north: number];

/** Area in square kilometres of a Polygon or MultiPolygon (holes subtracted). */
export function areaKm2(g: Areal): number {
  return area(feature(g)) / 1e6;
}

/** Great-circle distance in metres between two lon/lat positions. */
export function distanceM(a: Position, b: Position): number {
  return distance(a, b, { units: 'meters' });
}

/** Bounding box [west, south, east, north] in degrees. */
export function bboxOf(g: Geometry | Feature): Bbox {
  return turfBbox(g) as Bbox;
}

/**
 * A point guaranteed to lie on the geometry, for labels: the centre of mass of the
 * largest polygon when it falls inside, else a point on its surface.
 */
export function labelPoint(g: Areal): LonLat {
  const parts = polygonsOf(g);
  let best = parts[0];
  let bestArea = -1;
  for (const p of parts) {
    const a = area(feature({ type: 'Polygon', coordinates: p }));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const poly = feature({ type: 'Polygon' as const, coordinates: best });
  const c = polygonCenterOfMass(best) as LonLat;
  if (booleanPointInPolygon(c, poly)) return c;
  return pointOnFeature(poly).geometry.coordinates as LonLat;
}
