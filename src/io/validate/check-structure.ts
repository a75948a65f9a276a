/**
 * Structural checks of one geometry as found in a file, before any conversion: known type,
 * coordinates nested to the right depth, positions of 2–3 finite numbers, rings closed with at
 * least 4 positions. Returns the first problem found as a code + detail, or null.
 */
import type { Position } from 'geojson';

export interface StructureIssue {
  code: 'empty-geometry' | 'invalid-geometry' | 'ring-not-closed' | 'ring-too-short';
  detail?: string;
  /** The offending position, when there is one. */
  coord?: string;
}

/** Nesting depth of `coordinates` per geometry type (0 = a position). */
const DEPTH: Readonly<Record<string, number>> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };
const MAX_COLLECTION_DEPTH = 4;

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((n) => typeof n === 'number' && Number.isFinite(n));

const fmt = (p: unknown) => (Array.isArray(p) ? p.slice(0, 3).map(String).join(', ') : String(p));

function checkNesting(c: unknown, depth: number): StructureIssue | null {
  if (depth === 0) return isPosition(c) ? null : { code: 'invalid-geometry', detail: 'position is not 2 or 3 finite numbers', coord: fmt(c) };
  if (!Array.isArray(c)) return { code: 'invalid-geometry', detail: 'coordinates are not nested arrays' };
  for (const x of c) {
    const issue = checkNesting(x, depth - 1);
    if (issue) return issue;
  }
  return null;
}

function checkRing(ring: Position[]): StructureIssue | null {
  if (ring.length < 4) return { code: 'ring-too-short', detail: `${ring.length}` };
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) return { code: 'ring-not-closed', coord: fmt(a) };
  return null;
}

/** The first structural problem of a geometry, or null if it is sound. */
export function checkStructure(g: unknown, collectionDepth = 0): StructureIssue | null {
  if (g === null || g === undefined) return { code: 'empty-geometry' };
  if (typeof g !== 'object' || Array.isArray(g)) return { code: 'invalid-geometry', detail: 'geometry is not an object' };
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries)) return { code: 'invalid-geometry', detail: 'GeometryCollection without geometries' };
    if (geometries.length === 0) return { code: 'empty-geometry' };
    if (collectionDepth >= MAX_COLLECTION_DEPTH) return { code: 'invalid-geometry', detail: 'GeometryCollection nested too deep' };
    for (const x of geometries) {
      const issue = checkStructure(x, collectionDepth + 1);
      if (issue) return issue;
    }
    return null;
  }
  if (typeof type !== 'string' || !(type in DEPTH)) return { code: 'invalid-geometry', detail: `unknown geometry type ${String(type).slice(0, 40)}` };
  if (Array.isArray(coordinates) && coordinates.length === 0) return { code: 'empty-geometry' };
  const nesting = checkNesting(coordinates, DEPTH[type]);
  if (nesting) return nesting;
  if (type === 'LineString' && (coordinates as Position[]).length < 2) return { code: 'invalid-geometry', detail: 'LineString with fewer than 2 positions' };
  if (type === 'MultiLineString' && (coordinates as Position[][]).some((l) => l.length < 2)) return { code: 'invalid-geometry', detail: 'LineString with fewer than 2 positions' };
  const polygons = type === 'Polygon' ? [coordinates as Position[][]] : type === 'MultiPolygon' ? (coordinates as Position[][][]) : [];
  for (const poly of polygons) {
    if (poly.length === 0) return { code: 'empty-geometry' };
    for (const ring of poly) {
      const issue = checkRing(ring);
      if (issue) return issue;
    }
  }
  return null;
}
