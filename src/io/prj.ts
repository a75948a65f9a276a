/**
 * Which CRS a Shapefile .prj (ESRI or OGC WKT) or a GeoJSON `crs` name declares. Read with a few
 * patterns, not a general WKT parser: Anju accepts geographic WGS-84/CGCS2000 and Gauss–Krüger on
 * CGCS2000, Xian 1980 or Beijing 1954, and anything else is reported as unsupported rather than
 * guessed. A non-zero `TOWGS84[…]` in the WKT is kept: it is the local datum's transformation.
 */
import type { CrsChoice, GkCrsId } from './crs.ts';
import { EPSG_GK } from './gauss-kruger.ts';

export type DeclaredCrs = { ok: true; crs: CrsChoice; name: string } | { ok: false; name: string };

const GEOGRAPHIC_EPSG = new Set([4326, 4490, 4979, 4480]);
const GEOGRAPHIC_NAME = /WGS[ _-]?(19)?84|CGCS[ _-]?2000|China[ _]Geodetic[ _]Coordinate[ _]System[ _]2000|China[ _]2000|CRS84/i;

/** How each Gauss–Krüger datum is named in ESRI and OGC WKT (datum, ellipsoid). "New Beijing" is another datum. */
const DATUM_NAMES: readonly [GkCrsId, RegExp][] = [
  ['cgcs2000-gk', /CGCS[ _]?2000|China[ _]2000|China[ _]Geodetic[ _]Coordinate[ _]System[ _]2000/i],
  ['xian80-gk', /Xi'?an[ _-]?1980|IAG[ _-]?1975/i],
  ['beijing54-gk', /Beijing[ _-]?1954|Krasovsk[iy][ _-]?1940|Krassowsky[ _-]?1940/i],
];

function fromEpsg(code: number, name: string, towgs84: number[] | null): DeclaredCrs | null {
  if (GEOGRAPHIC_EPSG.has(code)) return { ok: true, crs: { id: 'wgs84' }, name };
  const gk = EPSG_GK.get(code);
  if (!gk) return null;
  return { ok: true, crs: { id: gk.crs, gk: gk.gk, ...(towgs84 && gk.crs !== 'cgcs2000-gk' ? { towgs84 } : {}) }, name };
}

/** A GeoJSON `crs.properties.name`, e.g. `urn:ogc:def:crs:EPSG::4549` or `EPSG:4326`. */
export function crsFromName(name: string): DeclaredCrs {
  const m = /EPSG:{1,2}(\d+)/i.exec(name);
  if (m) return fromEpsg(Number(m[1]), name, null) ?? { ok: false, name };
  return GEOGRAPHIC_NAME.test(name) ? { ok: true, crs: { id: 'wgs84' }, name } : { ok: false, name };
}

const NUMBER = '-?[\\d.]+(?:[eE][-+]?\\d+)?';
const param = (wkt: string, key: string): number | null => {
  const m = new RegExp(`PARAMETER\\[\\s*"${key}"\\s*,\\s*(${NUMBER})`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
};

/** A WKT1 `TOWGS84[…]` with 3 or 7 numbers, not all zero (a zero one is boilerplate, not a transformation). */
function towgs84Of(wkt: string): number[] | null {
  const m = /TOWGS84\[([^\]]*)\]/i.exec(wkt);
  if (!m) return null;
  const v = m[1].split(',').map((s) => Number(s.trim()));
  if ((v.length !== 3 && v.length !== 7) || !v.every(Number.isFinite) || v.every((x) => x === 0)) return null;
  return v;
}

/** The one Gauss–Krüger datum the WKT names, or null for none or several. */
function gkDatum(text: string): GkCrsId | null {
  if (/New[ _-]?Beijing/i.test(text)) return null;
  const named = DATUM_NAMES.filter(([, re]) => re.test(text)).map(([id]) => id);
  return named.length === 1 ? named[0] : null;
}

/** The CRS a .prj's WKT text declares. */
export function crsFromPrj(wkt: string): DeclaredCrs {
  const text = wkt.trim();
  const name = /^\w+\[\s*"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 60);
  const isProjected = /^(PROJCS|PROJCRS)\[/i.test(text);
  if (!isProjected) {
    if (/^(GEOGCS|GEOGCRS|GEODCRS)\[/i.test(text) && GEOGRAPHIC_NAME.test(text)) return { ok: true, crs: { id: 'wgs84' }, name };
    return { ok: false, name };
  }
  const towgs84 = towgs84Of(text);
  // The outermost AUTHORITY/ID is the last one in WKT1 and WKT2.
  const ids = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const byCode = ids.length ? fromEpsg(Number(ids[ids.length - 1][1]), name, towgs84) : null;
  if (byCode) return byCode;
  const datum = gkDatum(text);
  const tm = /Gauss[ _-]?Kruger|Transverse[ _]Mercator/i.test(text);
  const cm = param(text, 'central_meridian') ?? param(text, 'longitude of natural origin');
  const fe = param(text, 'false_easting') ?? param(text, 'false easting');
  const fn = param(text, 'false_northing') ?? param(text, 'false northing') ?? 0;
  const k = param(text, 'scale_factor') ?? param(text, 'scale factor at natural origin') ?? 1;
  const lat0 = param(text, 'latitude_of_origin') ?? param(text, 'latitude of natural origin') ?? 0;
  if (!datum || !tm || cm === null || fe === null || k !== 1 || lat0 !== 0 || fn !== 0) return { ok: false, name };
  const shift = towgs84 && datum !== 'cgcs2000-gk' ? { towgs84 } : {};
  if (fe === 500_000) return { ok: true, crs: { id: datum, gk: { centralMeridianDeg: cm }, ...shift }, name };
  const zone = (fe - 500_000) / 1_000_000;
  if (Number.isInteger(zone) && zone > 0) return { ok: true, crs: { id: datum, gk: { centralMeridianDeg: cm, zone }, ...shift }, name };
  return { ok: false, name };
}
