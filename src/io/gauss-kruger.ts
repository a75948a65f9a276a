/**
 * CGCS2000 Gauss–Krüger projected coordinates (metres) → CGCS2000 geographic lon/lat (degrees,
 * ≈ WGS-84 within 0.1 m) through proj4 with explicit definitions (no WKT parsing, no network).
 * Transverse Mercator, scale 1 on the central meridian, false northing 0, CGCS2000 ellipsoid
 * (a = 6378137 m, 1/f = 298.257222101 — GRS80's figures, which proj4 calls `GRS80`).
 */
import proj4 from 'proj4';

/** Central meridian and, for "zone" variants, the zone number prefixed to the easting. */
export interface GkParams {
  /** Central meridian, degrees east (Wenzhou: 120). */
  centralMeridianDeg: number;
  /** Zone number when the easting carries it (false easting = zone × 1,000,000 + 500,000 m). */
  zone?: number;
}

/** Wenzhou lies in the 3-degree zone of CM 120°E (EPSG:4549 / zone 40 = EPSG:4528). */
export const WENZHOU_GK: GkParams = { centralMeridianDeg: 120 };

/** EPSG codes of CGCS2000 3-degree Gauss–Krüger systems around Wenzhou. */
export const EPSG_GK: Readonly<Record<number, GkParams>> = {
  4548: { centralMeridianDeg: 117 },
  4549: { centralMeridianDeg: 120 },
  4550: { centralMeridianDeg: 123 },
  4527: { centralMeridianDeg: 117, zone: 39 },
  4528: { centralMeridianDeg: 120, zone: 40 },
  4529: { centralMeridianDeg: 123, zone: 41 },
  4530: { centralMeridianDeg: 126, zone: 42 },
};

/** False easting in metres: 500 km, plus the zone number × 1,000 km when the easting carries it. */
export function falseEastingM(p: GkParams): number {
  return (p.zone ?? 0) * 1_000_000 + 500_000;
}

/** The proj4 definition string for these parameters. */
export function gkProj4Def(p: GkParams): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${p.centralMeridianDeg} +k=1 +x_0=${falseEastingM(p)} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/**
 * Read the zone from an easting that carries it: 3-degree zones in China are 25–45
 * (CM = 3 × zone), 6-degree zones 13–23 (CM = 6 × zone − 3). Null for a plain easting.
 */
export function gkParamsFromEasting(eastingM: number): GkParams | null {
  if (!(eastingM >= 1_000_000)) return null;
  const zone = Math.floor(eastingM / 1_000_000);
  if (zone >= 25 && zone <= 45) return { centralMeridianDeg: zone * 3, zone };
  if (zone >= 13 && zone <= 23) return { centralMeridianDeg: zone * 6 - 3, zone };
  return null;
}

const converters = new Map<string, proj4.Converter>();

/**
 * Easting/northing (metres) → [lon, lat] (degrees). Without explicit params, a zone prefix in the
 * easting is honoured, else Wenzhou's CM 120°E is assumed.
 */
export function gkToLonLat(eastingM: number, northingM: number, params?: GkParams): [number, number] {
  const p = params ?? gkParamsFromEasting(eastingM) ?? WENZHOU_GK;
  const def = gkProj4Def(p);
  let conv = converters.get(def);
  if (!conv) {
    conv = proj4(def, 'EPSG:4326');
    converters.set(def, conv);
  }
  const [lon, lat] = conv.forward([eastingM, northingM]);
  return [lon, lat];
}
