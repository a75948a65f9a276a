/**
 * Land around Wenzhou, clipped from the OpenStreetMap-derived @geo-maps/earth-lands-100m.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bboxClip, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, GeometryCollection, Polygon, Position } from 'geojson';
import { cleanAreal, roundAreal } from './clean-rings.ts';
import type { Areal } from '../../src/geo/polygon-ops.ts';

export const LANDS_SPEC = '@geo-maps/earth-lands-100m@0.6.0';
/** The basemap's extent: Wenzhou and a margin of its neighbours (degrees, WGS-84). */
export const BASEMAP_BBOX: [number, number, number, number] = [118.9, 26.7, 121.9, 28.9];

export function buildLand(pkgDir: string): FeatureCollection<Polygon, Record<string, never>> {
  const lands = JSON.parse(readFileSync(join(pkgDir, 'map.geo.json'), 'utf8')) as GeometryCollection;
  const [w, s, e, n] = BASEMAP_BBOX;
  const out: Feature<Polygon, Record<string, never>>[] = [];
  for (const g of lands.geometries) {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) {
      if (!ringBboxMeetsBox(p[0], w, s, e, n)) continue;
      const clipped = bboxClip(polygon(p), BASEMAP_BBOX).geometry as Areal;
      const cleaned = cleanAreal(clipped);
      if (!cleaned) continue;
      const rounded = roundAreal(cleaned);
      const parts = rounded.type === 'Polygon' ? [rounded.coordinates] : rounded.coordinates;
      for (const c of parts) out.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: c } });
    }
  }
  return { type: 'FeatureCollection', features: out };
}

function ringBboxMeetsBox(ring: Position[], w: number, s: number, e: number, n: number): boolean {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x; if (x > maxX) maxX = x;
    if (y < minY) minY = y; if (y > maxY) maxY = y;
  }
  return minX <= e && maxX >= w && minY <= n && maxY >= s;
}
