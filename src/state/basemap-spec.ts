/**
 * What the map draws under the plan's layers, as data. The built-in offline land is always drawn
 * underneath whatever is chosen, so a basemap that fails leaves a readable map.
 *
 * - `offline`: only the built-in land, inland water and county lines.
 * - `osm`, `tianditu`: online raster tiles (web Mercator on WGS-84 / CGCS2000: no shift needed).
 * - `pmtiles`: a PMTiles archive, vector (drawn with the Protomaps basemap style) or raster, from
 *   a file on disk (`file`) or, later, from a URL (`url`: e.g. the team server's shared basemap).
 *   A file may also be MBTiles (SQLite; opened whole with sql.js, so up to MBTILES_MAX_BYTES):
 *   the kind keeps its first name so a choice saved in this browser stays valid.
 * - `team`: the basemap file the team server serves to everyone (`anju serve --basemap FILE`),
 *   offered only when the server says it has one (GET /api/basemap).
 * - `custom`: the bureau's own tile service, an XYZ/TMS template or a WMTS KVP/REST template.
 */
import type { MbtilesInfo } from '../io/mbtiles.ts';

/** What the status area says about the basemap (src/map/basemap-controller.ts reports it): a message key and its parameters. */
export interface BasemapStatus {
  state: 'idle' | 'loading' | 'ok' | 'failed' | 'degraded';
  key: string;
  params?: Record<string, string | number>;
}

export const BASEMAP_KINDS = ['offline', 'osm', 'tianditu', 'pmtiles', 'team', 'custom'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

/** Coordinate systems a tile service can be in; only web Mercator on WGS-84/CGCS2000 lines up with the data. */
export const TILE_CRSS = ['wgs84', 'gcj02', 'bd09'] as const;
export type TileCrs = (typeof TILE_CRSS)[number];

export const TILE_SCHEMES = ['xyz', 'tms', 'wmts'] as const;
export type TileScheme = (typeof TILE_SCHEMES)[number];

export interface CustomService {
  template: string;
  scheme: TileScheme;
  crs: TileCrs;
  /** Replaces `{key}` in the template (kept in this browser only). */
  key: string;
}

export type PmtilesInput = { kind: 'file'; file: Blob; name: string } | { kind: 'url'; url: string; name: string };

/** What GET /api/basemap says about the team server's basemap file; URLs relative to the API. */
export type TeamBasemap = { name: string; sizeBytes: number } & ({ format: 'pmtiles'; url: string } | { format: 'mbtiles'; tiles: string; info: MbtilesInfo });

export type BasemapSpec =
  | { kind: 'offline' }
  | { kind: 'osm' }
  | { kind: 'tianditu'; key: string }
  | { kind: 'pmtiles'; input: PmtilesInput }
  | { kind: 'team'; basemap: TeamBasemap }
  | { kind: 'custom'; service: CustomService };

/** Why a custom service is refused (message keys `basemap.refused.*`), or null when it can be used. */
export type CustomRefusal =
  | { reason: 'empty' }
  | { reason: 'not-http' }
  | { reason: 'gcj02' }
  | { reason: 'bd09' }
  | { reason: 'no-xyz'; missing: string }
  | { reason: 'wmts-not-mercator' }
  | { reason: 'csp'; origin: string };

const WMTS_TOKENS: [RegExp, string][] = [
  [/\{TileMatrix\}/gi, '{z}'],
  [/\{TileRow\}/gi, '{y}'],
  [/\{TileCol\}/gi, '{x}'],
];

/**
 * The tile URL MapLibre requests, from the user's template: `{key}` filled in (URL-encoded),
 * WMTS `{TileMatrix}/{TileRow}/{TileCol}` mapped to `{z}/{y}/{x}`.
 */
export function tileUrl(s: CustomService): string {
  let url = s.template.trim().replace(/\{key\}/g, encodeURIComponent(s.key.trim()));
  if (s.scheme === 'wmts') for (const [re, to] of WMTS_TOKENS) url = url.replace(re, to);
  return url;
}

/**
 * Checks a custom service before any request is made. `allowedOrigin` tells whether the page's
 * Content-Security-Policy lets the app load tiles from an origin (see csp-origins.ts).
 */
export function checkCustomService(s: CustomService, allowedOrigin: (origin: string) => boolean): CustomRefusal | null {
  if (!s.template.trim()) return { reason: 'empty' };
  if (s.crs === 'gcj02') return { reason: 'gcj02' };
  if (s.crs === 'bd09') return { reason: 'bd09' };
  let url: URL;
  try {
    url = new URL(tileUrl(s).replace(/[{}]/g, ''));
  } catch {
    return { reason: 'not-http' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { reason: 'not-http' };
  // 天地图's `_c` layers and TILEMATRIXSET=c are in geographic (EPSG:4490) tile matrices, not web Mercator.
  if (s.scheme === 'wmts' && /TILEMATRIXSET=(c|EPSG:4326|EPSG:4490)\b/i.test(s.template)) return { reason: 'wmts-not-mercator' };
  const t = tileUrl(s);
  for (const token of ['{z}', '{x}', '{y}']) if (!t.includes(token)) return { reason: 'no-xyz', missing: token };
  if (!allowedOrigin(url.origin)) return { reason: 'csp', origin: url.origin };
  return null;
}

/** A tile address under a lon/lat at a zoom (web Mercator, XYZ numbering). */
export function tileAt(lon: number, lat: number, z: number): { x: number; y: number; z: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { x, y, z };
}

/** The URL of one tile of a template, as MapLibre would request it (TMS counts rows from the south). */
export function fillTemplate(template: string, scheme: TileScheme, t: { x: number; y: number; z: number }): string {
  const y = scheme === 'tms' ? 2 ** t.z - 1 - t.y : t.y;
  return template.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(y));
}
