/**
 * Which CRS a Shapefile .prj (ESRI or OGC WKT) or a GeoJSON `crs` name declares. Read with a few
 * patterns, not a general WKT parser: Anju accepts only geographic WGS-84/CGCS2000 and CGCS2000
 * Gauss–Krüger, and anything else is reported as unsupported rather than guessed.
 */
import type { CrsChoice } from './crs.ts';
import { EPSG_GK } from './gauss-kruger.ts';

export type DeclaredCrs = { ok: true; crs: CrsChoice; name: string } | { ok: false; name: string };

const GEOGRAPHIC_EPSG = new Set([4326, 4490, 4979, 4480]);
const GEOGRAPHIC_NAME = /WGS[ _-]?(19)?84|CGCS[ _-]?2000|China[ _]Geodetic[ _]Coordinate[ _]System[ _]2000|China[ _]2000|CRS84/i;

function fromEpsg(code: number, name: string): DeclaredCrs | null {
  if (GEOGRAPHIC_EPSG.has(code)) return { ok: true, crs: { id: 'wgs84' }, name };
  const gk = EPSG_GK[code];
  return gk ? { ok: true, crs: { id: 'cgcs2000-gk', gk }, name } : null;
}

/** A GeoJSON `crs.properties.name`, e.g. `urn:ogc:def:crs:EPSG::4549` or `EPSG:4326`. */
export function crsFromName(name: string): DeclaredCrs {
  const m = /EPSG:{1,2}(\d+)/i.exec(name);
  if (m) return fromEpsg(Number(m[1]), name) ?? { ok: false, name };
  return GEOGRAPHIC_NAME.test(name) ? { ok: true, crs: { id: 'wgs84' }, name } : { ok: false, name };
}

const param = (wkt: string, key: string): number | null => {
  const m = new RegExp(`PARAMETER\\[\\s*"${key}"\\s*,\\s*(-?[\\d.]+(?:[eE][-+]?\\d+)?)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
};

/** The CRS a .prj's WKT text declares. */
export function crsFromPrj(wkt: string): DeclaredCrs {
  const text = wkt.trim();
  const name = /^\w+\[\s*"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 60);
  const isProjected = /^(PROJCS|PROJCRS)\[/i.test(text);
  if (!isProjected) {
    if (/^(GEOGCS|GEOGCRS|GEODCRS)\[/i.test(text) && GEOGRAPHIC_NAME.test(text)) return { ok: true, crs: { id: 'wgs84' }, name };
    return { ok: false, name };
  }
  // The outermost AUTHORITY/ID is the last one in WKT1 and WKT2.
  const ids = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const byCode = ids.length ? fromEpsg(Number(ids[ids.length - 1][1]), name) : null;
  if (byCode) return byCode;
  const cgcs = /CGCS[ _]?2000|China[ _]2000|China[ _]Geodetic[ _]Coordinate[ _]System[ _]2000/i.test(text);
  const tm = /Gauss[ _-]?Kruger|Transverse[ _]Mercator/i.test(text);
  const cm = param(text, 'central_meridian') ?? param(text, 'longitude of natural origin');
  const fe = param(text, 'false_easting') ?? param(text, 'false easting');
  const k = param(text, 'scale_factor') ?? param(text, 'scale factor at natural origin') ?? 1;
  const lat0 = param(text, 'latitude_of_origin') ?? param(text, 'latitude of natural origin') ?? 0;
  if (!cgcs || !tm || cm === null || fe === null || k !== 1 || lat0 !== 0) return { ok: false, name };
  if (fe === 500_000) return { ok: true, crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: cm } }, name };
  const zone = (fe - 500_000) / 1_000_000;
  if (Number.isInteger(zone) && zone > 0) return { ok: true, crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: cm, zone } }, name };
  return { ok: false, name };
}
