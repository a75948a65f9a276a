/**
 * Coordinate systems users' data comes in, and conversion to WGS-84 on the way in.
 * Everything Anju stores is WGS-84 (≈ CGCS2000 geographic, < 1 m apart).
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import { gkToLonLat, type GkParams } from './gauss-kruger.ts';

import { CRS_IDS, isCrsId, type CrsId } from './crs-ids.ts';

export { CRS_IDS, isCrsId, type CrsId };

/** A CRS with its parameters (only `cgcs2000-gk` has any). */
export interface CrsChoice {
  id: CrsId;
  /** For `cgcs2000-gk`: central meridian and zone prefix; absent = read the zone from the easting, else CM 120°E. */
  gk?: GkParams;
}

export const CRS_LABELS: Readonly<Record<CrsId, { zh: string; en: string }>> = {
  wgs84: { zh: 'WGS-84 / CGCS2000 经纬度', en: 'WGS-84 / CGCS2000 lon/lat' },
  gcj02: { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (Amap, Tencent)' },
  bd09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
  'cgcs2000-gk': { zh: 'CGCS2000 高斯-克吕格 3 度带投影（米）', en: 'CGCS2000 3-degree Gauss–Krüger (metres)' },
};

const asChoice = (c: CrsId | CrsChoice): CrsChoice => (typeof c === 'string' ? { id: c } : c);

/** A short English description, e.g. `cgcs2000-gk CM 120°E zone 40`. */
export function describeCrs(c: CrsId | CrsChoice): string {
  const { id, gk } = asChoice(c);
  if (id !== 'cgcs2000-gk' || !gk) return id;
  return `${id} CM ${gk.centralMeridianDeg}°E${gk.zone !== undefined ? ` zone ${gk.zone}` : ''}`;
}

/**
 * Convert one position to WGS-84 lon/lat (degrees). Extra ordinates (height) are kept.
 * Positions must hold finite numbers (check before converting).
 */
export function positionToWgs84(p: Position, from: CrsId | CrsChoice): Position {
  const c = asChoice(from);
  if (c.id === 'wgs84') return p;
  let xy: [number, number];
  if (c.id === 'cgcs2000-gk') xy = gkToLonLat(p[0], p[1], c.gk);
  else xy = gcoord.transform([p[0], p[1]], c.id === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  return p.length > 2 ? [xy[0], xy[1], ...p.slice(2)] : xy;
}

