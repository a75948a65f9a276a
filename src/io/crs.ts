/**
 * Coordinate systems users' data comes in, and conversion to WGS-84 on the way in.
 * Everything Anju stores is WGS-84 (≈ CGCS2000 geographic, < 1 m apart).
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import { gkToLonLat, type GkParams } from './gauss-kruger.ts';

import { CRS_IDS, GK_CRS_IDS, isGkCrs, needsTowgs84, type CrsId, type GkCrsId } from './crs-ids.ts';

export { CRS_IDS, GK_CRS_IDS, isGkCrs, needsTowgs84, type CrsId, type GkCrsId };

/** A CRS with its parameters (only the Gauss–Krüger systems have any). */
export interface CrsChoice {
  id: CrsId;
  /** For the `-gk` systems: central meridian and zone prefix; absent = read the zone from the easting. */
  gk?: GkParams;
  /**
   * For `xian80-gk` and `beijing54-gk`: the local datum → WGS-84 transformation (src/io/towgs84.ts:
   * 3 or 7 numbers, metres, arc-seconds, ppm). Without it they are not converted.
   */
  towgs84?: readonly number[];
}

export const CRS_LABELS: Readonly<Record<CrsId, { zh: string; en: string }>> = {
  wgs84: { zh: 'WGS-84 / CGCS2000 经纬度', en: 'WGS-84 / CGCS2000 lon/lat' },
  gcj02: { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (Amap, Tencent)' },
  bd09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
  'cgcs2000-gk': { zh: 'CGCS2000 高斯-克吕格投影（米）', en: 'CGCS2000 Gauss–Krüger (metres)' },
  'xian80-gk': { zh: '西安 1980 高斯-克吕格投影（米，需转换参数）', en: 'Xian 1980 Gauss–Krüger (metres; needs transformation parameters)' },
  'beijing54-gk': { zh: '北京 1954 高斯-克吕格投影（米，需转换参数）', en: 'Beijing 1954 Gauss–Krüger (metres; needs transformation parameters)' },
};

const asChoice = (c: CrsId | CrsChoice): CrsChoice => (typeof c === 'string' ? { id: c } : c);

/** A short English description, e.g. `cgcs2000-gk CM 120°E zone 40` or `xian80-gk CM 120°E towgs84=24,-123,-94`. */
export function describeCrs(c: CrsId | CrsChoice): string {
  const { id, gk, towgs84 } = asChoice(c);
  if (!isGkCrs(id)) return id;
  const zone = gk ? ` CM ${gk.centralMeridianDeg}°E${gk.zone !== undefined ? ` zone ${gk.zone}` : ''}` : '';
  return `${id}${zone}${towgs84 && needsTowgs84(id) ? ` towgs84=${towgs84.join(',')}` : ''}`;
}

/**
 * Convert one position to WGS-84 lon/lat (degrees). Extra ordinates (height) are kept.
 * Positions must hold finite numbers (check before converting); a local datum needs `towgs84`.
 */
export function positionToWgs84(p: Position, from: CrsId | CrsChoice): Position {
  const c = asChoice(from);
  if (c.id === 'wgs84') return p;
  let xy: [number, number];
  if (isGkCrs(c.id)) xy = gkToLonLat(p[0], p[1], c.gk, c.id, c.towgs84);
  else xy = gcoord.transform([p[0], p[1]], c.id === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  return p.length > 2 ? [xy[0], xy[1], ...p.slice(2)] : xy;
}

