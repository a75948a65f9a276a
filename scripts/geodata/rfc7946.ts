/**
 * How the geodata scripts write a GeoJSON FeatureCollection: RFC 7946 winding (exterior rings
 * counter-clockwise, holes clockwise — the right-hand rule GDAL's RFC7946 option and strict readers
 * expect; reversing a ring changes no coordinate) and the CRS84 member (src/geo/crs84.ts).
 */
import type { FeatureCollection } from 'geojson';
import { declareCrs84 } from '../../src/geo/crs84.ts';
import { rewindGeometry } from '../../src/io/validate/check-polygons.ts';

export function forGis<T extends FeatureCollection>(fc: T): T & ReturnType<typeof declareCrs84<T>> {
  const features = fc.features.map((f) => (f.geometry ? { ...f, geometry: rewindGeometry(f.geometry).geometry } : f));
  return declareCrs84({ ...fc, features });
}
