/**
 * Gauss–Krüger projected coordinates (metres) → WGS-84 lon/lat (degrees) through proj4 with
 * explicit definitions (no WKT parsing, no network). Transverse Mercator, scale 1 on the central
 * meridian, false northing 0, on one of three datums:
 * - CGCS2000: GRS80's figures (a = 6378137 m, 1/f = 298.257222101; ≈ WGS-84 within 0.1 m);
 * - Xian 1980: IAG 1975 ellipsoid (a = 6378140 m, 1/f = 298.257; EPSG:7049, datum EPSG:6610);
 * - Beijing 1954: Krassowsky 1940 (a = 6378245 m, 1/f = 298.3; EPSG:7024, datum EPSG:6214).
 * The last two are local datums: their offset from WGS-84 (tens to over a hundred metres in
 * Zhejiang) is only known through a transformation the user's surveying department publishes,
 * given as PROJ's `+towgs84` (position-vector Helmert): without it they are not converted.
 */
import proj4 from 'proj4';
import type { GkCrsId } from './crs-ids.ts';

/** Central meridian and, for "zone" variants, the zone number prefixed to the easting. */
export interface GkParams {
  /** Central meridian, degrees east (Wenzhou: 120). */
  centralMeridianDeg: number;
  /** Zone number when the easting carries it (false easting = zone × 1,000,000 + 500,000 m). */
  zone?: number;
}

/** Wenzhou lies in the 3-degree zone of CM 120°E (EPSG:4549 / zone 40 = EPSG:4528). */
export const WENZHOU_GK: GkParams = { centralMeridianDeg: 120 };

/** The proj4 ellipsoid of each Gauss–Krüger system's datum. */
const ELLIPSOID: Readonly<Record<GkCrsId, string>> = {
  'cgcs2000-gk': '+ellps=GRS80',
  'xian80-gk': '+a=6378140 +rf=298.257',
  'beijing54-gk': '+a=6378245 +rf=298.3',
};

/**
 * EPSG codes of the Gauss–Krüger systems of China, in four series per datum (checked against
 * `gdalsrsinfo -o proj4 EPSG:<code>`, GDAL 3.6.2 / PROJ 9.1): 6-degree zones 13–23 with the zone in
 * the easting, 6-degree CM 75–135°E without, 3-degree zones 25–45 with, 3-degree CM 75–135°E without.
 */
const EPSG_SERIES: readonly { crs: GkCrsId; sixZone: number; sixCm: number; threeZone: number; threeCm: number }[] = [
  { crs: 'cgcs2000-gk', sixZone: 4491, sixCm: 4502, threeZone: 4513, threeCm: 4534 },
  { crs: 'xian80-gk', sixZone: 2327, sixCm: 2338, threeZone: 2349, threeCm: 2370 },
  { crs: 'beijing54-gk', sixZone: 21413, sixCm: 21453, threeZone: 2401, threeCm: 2422 },
];

/** EPSG code → Gauss–Krüger system and parameters. */
export const EPSG_GK: ReadonlyMap<number, { crs: GkCrsId; gk: GkParams }> = (() => {
  const m = new Map<number, { crs: GkCrsId; gk: GkParams }>();
  for (const s of EPSG_SERIES) {
    for (let i = 0; i <= 10; i++) {
      m.set(s.sixZone + i, { crs: s.crs, gk: { centralMeridianDeg: 75 + 6 * i, zone: 13 + i } });
      m.set(s.sixCm + i, { crs: s.crs, gk: { centralMeridianDeg: 75 + 6 * i } });
    }
    for (let i = 0; i <= 20; i++) {
      m.set(s.threeZone + i, { crs: s.crs, gk: { centralMeridianDeg: 75 + 3 * i, zone: 25 + i } });
      m.set(s.threeCm + i, { crs: s.crs, gk: { centralMeridianDeg: 75 + 3 * i } });
    }
  }
  return m;
})();

/** False easting in metres: 500 km, plus the zone number × 1,000 km when the easting carries it. */
export function falseEastingM(p: GkParams): number {
  return (p.zone ?? 0) * 1_000_000 + 500_000;
}

/**
 * The proj4 definition string. `towgs84` (3 or 7 numbers: metres, arc-seconds, ppm) is required
 * for the local datums and ignored for CGCS2000.
 */
export function gkProj4Def(p: GkParams, crs: GkCrsId = 'cgcs2000-gk', towgs84?: readonly number[]): string {
  const shift = crs !== 'cgcs2000-gk' && towgs84 ? ` +towgs84=${towgs84.join(',')}` : '';
  return `+proj=tmerc +lat_0=0 +lon_0=${p.centralMeridianDeg} +k=1 +x_0=${falseEastingM(p)} +y_0=0 ${ELLIPSOID[crs]}${shift} +units=m +no_defs`;
}

/** The central meridian of a zone: 3-degree zones 25–45 (CM = 3 × zone), 6-degree zones 13–23 (CM = 6 × zone − 3). */
export function zoneCentralMeridian(zone: number): number | null {
  if (zone >= 25 && zone <= 45) return zone * 3;
  if (zone >= 13 && zone <= 23) return zone * 6 - 3;
  return null;
}

/** Read the zone from an easting that carries it. Null for a plain easting. */
export function gkParamsFromEasting(eastingM: number): GkParams | null {
  if (!(eastingM >= 1_000_000)) return null;
  const zone = Math.floor(eastingM / 1_000_000);
  const cm = zoneCentralMeridian(zone);
  return cm === null ? null : { centralMeridianDeg: cm, zone };
}

const converters = new Map<string, proj4.Converter>();

/**
 * Easting/northing (metres) → [lon, lat] (WGS-84 degrees). Without explicit params, a zone prefix in
 * the easting is honoured, else Wenzhou's CM 120°E is assumed. A local datum without `towgs84` is a
 * programmer error (the importer refuses such a layer before converting).
 */
export function gkToLonLat(eastingM: number, northingM: number, params?: GkParams, crs: GkCrsId = 'cgcs2000-gk', towgs84?: readonly number[]): [number, number] {
  if (crs !== 'cgcs2000-gk' && !towgs84) throw new Error(`gkToLonLat: ${crs} needs towgs84 parameters`);
  const p = params ?? gkParamsFromEasting(eastingM) ?? WENZHOU_GK;
  const def = gkProj4Def(p, crs, towgs84);
  let conv = converters.get(def);
  if (!conv) {
    conv = proj4(def, 'EPSG:4326');
    converters.set(def, conv);
  }
  const [lon, lat] = conv.forward([eastingM, northingM]);
  return [lon, lat];
}
