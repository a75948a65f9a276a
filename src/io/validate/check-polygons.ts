/**
 * Polygon checks after conversion to WGS-84: self-intersection (Turf `kinks`) and RFC 7946
 * winding (exterior rings counter-clockwise, holes clockwise), fixed by reversing rings.
 * Geometries must have passed checkStructure.
 */
import { kinks, lineIntersect, lineString, polygon } from '@turf/turf';
import type { Geometry, Polygon, Position } from 'geojson';

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

function polygonsOf(g: Geometry): Polygon[] {
  if (g.type === 'Polygon') return [g];
  if (g.type === 'MultiPolygon') return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

/**
 * The first point where a polygon's rings cross themselves or each other, or null. As in OGC,
 * two rings touching at a single point (a hole meeting its shell at a vertex) is valid; Turf's
 * `kinks` over the whole polygon would report that touch, so each ring is checked on its own and
 * each pair of rings must not meet in two or more points.
 */
export function selfIntersection(g: Geometry): Position | null {
  for (const p of polygonsOf(g)) {
    const rings = p.coordinates.filter((r) => r.length >= 4);
    for (const ring of rings) {
      const found = kinks(polygon([ring])).features[0];
      if (found) return found.geometry.coordinates;
    }
    for (let i = 0; i < rings.length; i++) {
      for (let j = i + 1; j < rings.length; j++) {
        const meets = lineIntersect(lineString(rings[i]), lineString(rings[j])).features;
        if (meets.length >= 2) return meets[0].geometry.coordinates;
      }
    }
  }
  return null;
}
