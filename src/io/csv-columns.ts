/**
 * Which CSV columns hold the coordinates: a longitude/x and latitude/y pair, or one WKT geometry
 * column; detected by header name, or chosen by the user. A header may name its CRS
 * (`gcj02_lon`, `lng_GCJ02`, `Lat_BD09`): that is a declaration the importer honours.
 */
import type { CrsId } from './crs.ts';

export type CsvColumns = { lon: string; lat: string } | { wkt: string };

const LON_WORDS = new Set(['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经', 'point_x', 'x坐标', 'xcoord', 'x_coord', 'coord_x']);
const LAT_WORDS = new Set(['lat', 'latitude', 'y', '纬度', '北纬', 'point_y', 'y坐标', 'ycoord', 'y_coord', 'coord_y']);
const CRS_WORDS: Readonly<Record<string, CrsId>> = { wgs84: 'wgs84', wgs: 'wgs84', cgcs2000: 'wgs84', gcj02: 'gcj02', gcj: 'gcj02', bd09: 'bd09', bd: 'bd09', baidu: 'bd09' };
export const WKT_HEADERS = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', 'wkt_geom', '几何', '空间信息'];

/** A header read as an axis and an optional CRS tag, e.g. `lng_GCJ02` → lon, gcj02. */
export function headerAxis(header: string): { axis: 'lon' | 'lat'; crs: CrsId | null } | null {
  const h = header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  if (LON_WORDS.has(h)) return { axis: 'lon', crs: null };
  if (LAT_WORDS.has(h)) return { axis: 'lat', crs: null };
  const parts = h.split(/[_\-.()（）]+/).filter(Boolean);
  if (parts.length < 2) return null;
  const tags = parts.filter((p) => p in CRS_WORDS);
  const rest = parts.filter((p) => !(p in CRS_WORDS));
  if (tags.length !== 1 || rest.length !== 1) return null;
  const crs = CRS_WORDS[tags[0]];
  if (LON_WORDS.has(rest[0])) return { axis: 'lon', crs };
  if (LAT_WORDS.has(rest[0])) return { axis: 'lat', crs };
  return null;
}

/** Preference among pairs when a table has several: WGS-84 first, then untagged, GCJ-02, BD-09. */
const RANK: Record<string, number> = { wgs84: 0, none: 1, gcj02: 2, bd09: 3 };

/** The longitude/latitude pair by header name (case-insensitive), with the CRS its names declare; or null. */
export function detectCoordinateColumns(headers: readonly string[]): { lon: string; lat: string; crs: CrsId | null } | null {
  const read = headers.map((h) => ({ h, a: headerAxis(h) }));
  let best: { lon: string; lat: string; crs: CrsId | null } | null = null;
  for (const { h: lon, a } of read) {
    if (a?.axis !== 'lon') continue;
    const lat = read.find((x) => x.a?.axis === 'lat' && x.a.crs === a.crs);
    if (!lat) continue;
    const cand = { lon, lat: lat.h, crs: a.crs };
    if (!best || RANK[cand.crs ?? 'none'] < RANK[best.crs ?? 'none']) best = cand;
  }
  return best;
}

/** A WKT geometry column by header name, or null. */
export function detectWktColumn(headers: readonly string[]): string | null {
  return headers.find((h) => WKT_HEADERS.includes(h.normalize('NFKC').trim().toLowerCase())) ?? null;
}
