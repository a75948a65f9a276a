/**
 * Polygon checks after conversion to WGS-84: OGC validity and RFC 7946 winding (exterior rings
 * counter-clockwise, holes clockwise), fixed by reversing rings.
 * Geometries must have passed checkStructure.
 */
import type { Geometry, Position } from 'geojson';
import type { ProblemCode } from '../../domain/problem.ts';
import { polygonValidity, type InvalidityReason, type PolygonValidity } from '../../geo/polygon-validity.ts';

/** The problem each kind of invalid polygon is reported as (imports, project files, `anju check`). */
export const POLYGON_PROBLEM: Readonly<Record<InvalidityReason, ProblemCode>> = {
  'too-few-points': 'polygon-too-few-points',
  'self-intersection': 'ring-self-intersection',
  'ring-self-intersection': 'polygon-ring-touches-itself',
  'interior-disconnected': 'polygon-interior-disconnected',
  'hole-outside-shell': 'polygon-hole-outside-shell',
  'nested-holes': 'polygon-nested-holes',
  'nested-shells': 'polygon-nested-shells',
};

/** Twice the signed area of a ring in degree² (shoelace); positive = counter-clockwise. */
function signedArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

function rewindPolygon(rings: Position[][]): { rings: Position[][]; changed: boolean } {
  let changed = false;
  const out = rings.map((ring, i) => {
    const area = signedArea2(ring);
    const wantCcw = i === 0;
    if (area === 0 || area > 0 === wantCcw) return ring;
    changed = true;
    return [...ring].reverse();
  });
  return { rings: out, changed };
}

/** A copy with RFC 7946 winding, and whether any ring was reversed. */
export function rewindGeometry(g: Geometry): { geometry: Geometry; changed: boolean } {
  if (g.type === 'Polygon') {
    const r = rewindPolygon(g.coordinates);
    return { geometry: r.changed ? { type: 'Polygon', coordinates: r.rings } : g, changed: r.changed };
  }
  if (g.type === 'MultiPolygon') {
    const parts = g.coordinates.map(rewindPolygon);
    const changed = parts.some((p) => p.changed);
    return { geometry: changed ? { type: 'MultiPolygon', coordinates: parts.map((p) => p.rings) } : g, changed };
  }
  if (g.type === 'GeometryCollection') {
    const parts = g.geometries.map(rewindGeometry);
    const changed = parts.some((p) => p.changed);
    return { geometry: changed ? { type: 'GeometryCollection', geometries: parts.map((p) => p.geometry) } : g, changed };
  }
  return { geometry: g, changed: false };
}

/**
 * The first OGC/GEOS validity problem of a geometry's polygons (src/geo/polygon-validity.ts,
 * near-linear), or null. Repeated points, rings touching at one point and holes touching their
 * shell are valid; crossings, self-touching rings, disconnected interiors, holes outside their
 * shell or inside another hole and nested shells are not.
 */
export function polygonProblem(g: Geometry): Exclude<PolygonValidity, { valid: true }> | null {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const v = polygonValidity(g);
    return v.valid ? null : v;
  }
  if (g.type === 'GeometryCollection') {
    for (const x of g.geometries) {
      const p = polygonProblem(x);
      if (p) return p;
    }
  }
  return null;
}
