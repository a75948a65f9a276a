/**
 * Land around Wenzhou, clipped from the OpenStreetMap-derived @geo-maps/earth-lands-100m,
 * made valid on the storage grid with GEOS (see robust-areal.ts). Holes in the land polygons
 * are water enclosed by land (reservoirs, lakes, river reaches); the app draws them as inland water.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bboxClip, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, GeometryCollection, Polygon, Position } from 'geojson';
import { polygonsOf, type Areal } from '../../src/geo/polygon-ops.ts';
import { robustAreal } from './robust-areal.ts';

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
      // bboxClip first (fast on the continent-sized polygon), then GEOS makes it valid on the grid.
      const clipped = bboxClip(polygon(p), BASEMAP_BBOX).geometry as Areal;
      if (!clipped.coordinates.length || !clipped.coordinates[0].length) continue;
      const robust = robustAreal(clipped, `land polygon near ${p[0][0]}`);
      if (!robust) continue;
      for (const c of polygonsOf(robust)) out.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: c } });
    }
  }
  // A stable order (largest first), so the file does not change when nothing did.
  const key = (f: Feature<Polygon>) => f.geometry.coordinates[0].length;
  out.sort((a, b) => key(b) - key(a) || a.geometry.coordinates[0][0][0] - b.geometry.coordinates[0][0][0] || a.geometry.coordinates[0][0][1] - b.geometry.coordinates[0][0][1]);
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
