/**
 * Reading user GeoJSON: parse, check the structure with geojson-validation, then Anju's own
 * checks (coordinate ranges, projected metres, swapped lon/lat, declared CRS).
 * Returns problems with locations instead of throwing.
 */
import GJV from 'geojson-validation';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { inWenzhouBbox } from './wenzhou-extent.ts';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** CRS names that mean WGS-84 / CGCS2000 geographic lon/lat (CGCS2000 differs by < 0.1 m). */
const GEOGRAPHIC_CRS = /(CRS84|EPSG:*:?4326|EPSG:*:?4490|WGS ?84|CGCS ?2000$)/i;

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

function declaredCrs(obj: unknown): string | null {
  const crs = (obj as { crs?: { properties?: { name?: unknown } } }).crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name : null;
}

/**
 * Parse GeoJSON text into a FeatureCollection in WGS-84 lon/lat, or the problems that
 * stop it. `file` names the file in every problem. With `checkCoordinates: false` the caller
 * checks coordinates itself (per feature, to report them together with its own checks).
 */
export function parseGeoJson(text: string, file?: string, options: { checkCoordinates?: boolean } = {}): Checked<FeatureCollection> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem('not-json', { file, params: { detail: (e as Error).message } })] };
  }
  const fc = asFeatureCollection(obj);
  if (!fc) return { ok: false, problems: [problem('not-geojson', { file })] };
  const crs = declaredCrs(obj);
  if (crs && !GEOGRAPHIC_CRS.test(crs)) return { ok: false, problems: [problem('unsupported-crs', { file, params: { crs } })] };
  if (!Array.isArray(fc.features)) return { ok: false, problems: [problem('invalid-geojson', { file, params: { detail: 'features is not an array' } })] };
  const structural = (GJV.valid(fc, true) as string[] | boolean);
  if (Array.isArray(structural) && structural.length) {
    return {
      ok: false,
      problems: structural.slice(0, 50).map((msg) => {
        const m = /^at (\d+): (.*)$/.exec(msg);
        return m
          ? problem('invalid-geojson', { file, featureIndex: Number(m[1]), params: { detail: m[2] } })
          : problem('invalid-geojson', { file, params: { detail: msg } });
      }),
    };
  }
  if (fc.features.length === 0) return { ok: false, problems: [problem('no-features', { file })] };
  if (options.checkCoordinates === false) return { ok: true, value: fc, warnings: [] };
  const coordProblems = checkCoordinates(fc, file);
  if (coordProblems.length) return { ok: false, problems: coordProblems };
  return { ok: true, value: fc, warnings: [] };
}
