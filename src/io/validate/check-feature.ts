/**
 * All checks for one item of a raw layer, and its conversion to WGS-84: structure (plus
 * geojson-validation for GeoJSON input), axis swap, CRS conversion, coordinate ranges,
 * self-intersection, winding (fixed), extent. What a kind of layer needs from its properties and
 * geometry types is its reader's business (src/io/readers/).
 */
import GJV from 'geojson-validation';
import type { Feature, Geometry, Point, Position } from 'geojson';
import { problem, type Problem } from '../../domain/problem.ts';
import { bboxOf } from '../../geo/measure.ts';
import { inWenzhouBbox } from '../../geo/wenzhou-extent.ts';
import { isGkCrs, positionToWgs84, type CrsChoice } from '../crs.ts';
import { checkStructure } from './check-structure.ts';
import { POLYGON_PROBLEM, polygonProblem, rewindGeometry } from './check-polygons.ts';

export interface FeatureContext {
  file: string;
  crs: CrsChoice;
  swapAxes: boolean;
  /** Run geojson-validation too (GeoJSON input). */
  geojson: boolean;
  /**
   * The items were made by this import (parsed or built by the reader) and nothing else holds
   * them: a valid point feature with nothing but type, properties, geometry and a string or number
   * id is kept as it is instead of copied.
   */
  ownFeatures?: boolean;
}

export interface FeatureCheck {
  feature: Feature | null;
  errors: Problem[];
  warnings: Problem[];
  /** True when ring winding was reversed to follow RFC 7946. */
  rewound: boolean;
  /** True for a null or empty geometry: skipped, not an error. */
  empty?: boolean;
}

type Where = Pick<Problem, 'file' | 'featureIndex' | 'row'>;

/** The problem code of each polygon invalidity. */
const fmt = (p: Position) => p.slice(0, 2).join(', ');

function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  const walk = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? fn(c as Position) : (c as unknown[]).map(walk));
  if (g.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, fn)) };
  // Only type and coordinates: a source `bbox` (in the file's units, or not even numbers) would be stale.
  return { type: g.type, coordinates: walk(g.coordinates) } as Geometry;
}

/** Convert and range-check every position; the first bad one becomes an error. */
function convert(g: Geometry, ctx: FeatureContext, where: Where): { geometry: Geometry | null; error: Problem | null } {
  let error: Problem | null = null;
  const geometry = mapPositions(g, (p) => {
    if (error) return p;
    const src: Position = ctx.swapAxes ? [p[1], p[0], ...p.slice(2)] : p;
    let out: Position;
    try {
      out = positionToWgs84(src, ctx.crs);
    } catch {
      error = problem('coord-not-convertible', { ...where, params: { coord: fmt(p) } });
      return p;
    }
    if (Number.isFinite(out[0]) && Number.isFinite(out[1]) && Math.abs(out[0]) <= 180 && Math.abs(out[1]) <= 90) return out;
    const projected = !isGkCrs(ctx.crs.id) && (Math.abs(src[0]) > 1000 || Math.abs(src[1]) > 1000);
    error = problem(projected ? 'projected-coords' : 'coord-out-of-range', { ...where, params: { coord: fmt(p) } });
    return p;
  });
  return error ? { geometry: null, error } : { geometry, error: null };
}

/**
 * A structurally sound Point: the same conversion, range check and extent warning as any geometry,
 * without the walks a polygon needs (a million-point layer goes through here).
 */
function checkPoint(raw: Feature<Point>, props: Record<string, unknown>, ctx: FeatureContext, where: Where): FeatureCheck {
  const p = raw.geometry.coordinates;
  const src: Position = ctx.swapAxes ? [p[1], p[0], ...p.slice(2)] : p;
  let out: Position;
  try {
    out = positionToWgs84(src, ctx.crs);
  } catch {
    return { feature: null, errors: [problem('coord-not-convertible', { ...where, params: { coord: fmt(p) } })], warnings: [], rewound: false };
  }
  if (!(Number.isFinite(out[0]) && Number.isFinite(out[1]) && Math.abs(out[0]) <= 180 && Math.abs(out[1]) <= 90)) {
    const projected = !isGkCrs(ctx.crs.id) && (Math.abs(src[0]) > 1000 || Math.abs(src[1]) > 1000);
    return { feature: null, errors: [problem(projected ? 'projected-coords' : 'coord-out-of-range', { ...where, params: { coord: fmt(p) } })], warnings: [], rewound: false };
  }
  const warnings: Problem[] = inWenzhouBbox(out[0], out[1]) ? NO_PROBLEMS : [problem('outside-wenzhou', { ...where, params: { coord: `${out[0].toFixed(4)}, ${out[1].toFixed(4)}` } }, 'warning')];
  if (ctx.ownFeatures && isPlainPoint(raw)) {
    raw.geometry.coordinates = out;
    raw.properties = props as Feature['properties'];
    return { feature: raw, errors: NO_PROBLEMS, warnings, rewound: false };
  }
  const feature: Feature = { type: 'Feature', properties: props as Feature['properties'], geometry: { type: 'Point', coordinates: out } };
  if (typeof raw.id === 'string' || typeof raw.id === 'number') feature.id = raw.id;
  return { feature, errors: NO_PROBLEMS, warnings, rewound: false };
}

/** A feature whose copy would be equal to itself: only these members, a usable id, a bare geometry. */
function isPlainPoint(raw: Feature<Point>): boolean {
  for (const k in raw) if (k !== 'type' && k !== 'properties' && k !== 'geometry' && k !== 'id') return false;
  if ('id' in raw && typeof raw.id !== 'string' && typeof raw.id !== 'number') return false;
  for (const k in raw.geometry) if (k !== 'type' && k !== 'coordinates') return false;
  return true;
}

/** Shared, never mutated: most points have neither errors nor warnings. */
const NO_PROBLEMS: Problem[] = [];
Object.freeze(NO_PROBLEMS);

/** Check one raw item (`index` 0-based, `row` for CSV) and return the WGS-84 feature or errors. */
export function checkFeature(item: unknown, index: number, row: number | undefined, ctx: FeatureContext): FeatureCheck {
  const where: Where = row !== undefined ? { file: ctx.file, row } : { file: ctx.file, featureIndex: index };
  const fail = (p: Problem): FeatureCheck => ({ feature: null, errors: [p], warnings: [], rewound: false });
  if (!item || typeof item !== 'object' || (item as { type?: unknown }).type !== 'Feature') {
    return fail(problem('invalid-geojson', { ...where, params: { detail: 'not a Feature object' } }));
  }
  const raw = item as { id?: unknown; properties?: unknown; geometry?: unknown };
  if (raw.properties !== undefined && raw.properties !== null && (typeof raw.properties !== 'object' || Array.isArray(raw.properties))) {
    return fail(problem('invalid-geojson', { ...where, params: { detail: 'properties is not an object' } }));
  }
  const structure = checkStructure(raw.geometry);
  // RFC 7946 allows a null geometry (KML Placemarks without one are common): skipped with a note.
  if (structure?.code === 'empty-geometry') return { feature: null, errors: [], warnings: [problem('geometry-empty-skipped', where, 'warning')], rewound: false, empty: true };
  if (structure) {
    const params: Record<string, string> = {};
    if (structure.detail) params.detail = structure.detail;
    if (structure.coord) params.coord = structure.coord;
    return fail(problem(structure.code, { ...where, params }));
  }
  const props = (raw.properties ?? {}) as Record<string, unknown>;
  if (ctx.geojson) {
    const trace = GJV.valid({ type: 'Feature', properties: props, geometry: raw.geometry }, true);
    if (Array.isArray(trace) && trace.length) return fail(problem('invalid-geojson', { ...where, params: { detail: trace[0].slice(0, 200) } }));
  }
  if ((raw.geometry as Geometry).type === 'Point') return checkPoint(raw as Feature<Point>, props, ctx, where);
  const converted = convert(raw.geometry as Geometry, ctx, where);
  if (!converted.geometry) return fail(converted.error as Problem);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const { geometry, changed } = rewindGeometry(converted.geometry);
  const invalid = polygonProblem(geometry);
  if (invalid) errors.push(problem(POLYGON_PROBLEM[invalid.reason], { ...where, params: { coord: `${invalid.at[0].toFixed(6)}, ${invalid.at[1].toFixed(6)}` } }));
  const [w, s, e, n] = bboxOf(geometry);
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  if (!inWenzhouBbox(cx, cy)) warnings.push(problem('outside-wenzhou', { ...where, params: { coord: `${cx.toFixed(4)}, ${cy.toFixed(4)}` } }, 'warning'));
  const feature: Feature = { type: 'Feature', properties: props as Feature['properties'], geometry };
  if (typeof raw.id === 'string' || typeof raw.id === 'number') feature.id = raw.id;
  return { feature: errors.length ? null : feature, errors, warnings, rewound: changed };
}
