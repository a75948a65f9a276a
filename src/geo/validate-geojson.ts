/**
 * Wrapping any GeoJSON object as a FeatureCollection (the importer and the board matcher). The
 * coordinate checks (ranges, projected metres, swapped lon/lat) are the importer's
 * (src/io/validate/).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** Wrap a Feature or bare geometry as a FeatureCollection; null if it is not GeoJSON at all. */
export function asFeatureCollection(obj: unknown): FeatureCollection | null {
  if (!obj || typeof obj !== 'object') return null;
  const o = obj as { type?: unknown };
  if (o.type === 'FeatureCollection') return obj as FeatureCollection;
  if (o.type === 'Feature') return { type: 'FeatureCollection', features: [obj as Feature] };
  if (typeof o.type === 'string' && GEOMETRY_TYPES.has(o.type)) {
    return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: obj as Geometry }] };
  }
  return null;
}
