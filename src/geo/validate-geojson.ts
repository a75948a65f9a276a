/**
 * Small GeoJSON helpers shared by the importer and the board matcher: wrapping any GeoJSON
 * object as a FeatureCollection, and per-feature coordinate checks (ranges, projected metres,
 * swapped lon/lat). Problems carry locations instead of throwing.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { problem, type Problem } from '../domain/problem.ts';
import { inWenzhouBbox } from './wenzhou-extent.ts';

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

function eachPosition(g: Geometry | null, fn: (p: Position) => boolean | void): void {
  if (!g) return;
  const walk = (c: unknown): boolean => {
    if (!Array.isArray(c)) return false;
    if (typeof c[0] === 'number') return fn(c as Position) === true;
    for (const x of c) if (walk(x)) return true;
    return false;
  };
  if (g.type === 'GeometryCollection') for (const x of g.geometries) eachPosition(x, fn);
  else walk((g as { coordinates: unknown }).coordinates);
}

const fmt = (p: Position) => `${p[0]}, ${p[1]}`;

/** Coordinate checks per feature: one problem per feature at most (the first bad position). */
export function checkCoordinates(fc: FeatureCollection, file?: string): Problem[] {
  const out: Problem[] = [];
  fc.features.forEach((f, i) => {
    eachPosition(f.geometry, (p) => {
      const [x, y] = p;
      if (Math.abs(x) > 1000 || Math.abs(y) > 1000) {
        out.push(problem('projected-coords', { file, featureIndex: i, params: { coord: fmt(p) } }));
        return true;
      }
      if (Math.abs(x) > 180 || Math.abs(y) > 90) {
        out.push(problem('coord-out-of-range', { file, featureIndex: i, params: { coord: fmt(p) } }));
        return true;
      }
      if (!inWenzhouBbox(x, y) && inWenzhouBbox(y, x)) {
        out.push(problem('swapped-coords', { file, featureIndex: i, params: { coord: fmt(p) } }));
        return true;
      }
      return false;
    });
  });
  return out;
}
