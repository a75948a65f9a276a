/**
 * Coordinate systems users' data comes in, and conversion to WGS-84 on the way in.
 * Everything Anju stores is WGS-84 (≈ CGCS2000 geographic, < 1 m apart).
 */
import gcoord from 'gcoord';
import type { FeatureCollection, Position } from 'geojson';

/** `wgs84` also stands for CGCS2000 geographic lon/lat. */
export const CRS_IDS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CrsId = (typeof CRS_IDS)[number];

export const CRS_LABELS: Readonly<Record<CrsId, { zh: string; en: string }>> = {
  wgs84: { zh: 'WGS-84 / CGCS2000 经纬度', en: 'WGS-84 / CGCS2000 lon/lat' },
  gcj02: { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (Amap, Tencent)' },
  bd09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
};

export function isCrsId(v: unknown): v is CrsId {
  return typeof v === 'string' && (CRS_IDS as readonly string[]).includes(v);
}

/** Convert one lon/lat position to WGS-84. */
export function positionToWgs84(p: Position, from: CrsId): Position {
  if (from === 'wgs84') return p;
  const [x, y] = gcoord.transform([p[0], p[1]], from === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
}

/** A copy of the collection with every position converted to WGS-84. */
export function collectionToWgs84<T extends FeatureCollection>(fc: T, from: CrsId): T {
  if (from === 'wgs84') return fc;
  const conv = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? positionToWgs84(c as Position, from) : Array.isArray(c) ? c.map(conv) : c);
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      geometry: f.geometry && 'coordinates' in f.geometry ? { ...f.geometry, coordinates: conv(f.geometry.coordinates) } : f.geometry,
    })),
  } as T;
}
