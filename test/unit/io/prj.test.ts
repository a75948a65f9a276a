import { describe, expect, it } from 'vitest';
import { crsFromName, crsFromPrj } from '../../../src/io/prj.ts';
import { detectCrs } from '../../../src/io/detect-crs.ts';
import { encodingFromCpg } from '../../../src/io/decode-text.ts';

describe('crsFromPrj', () => {
  it('reads ESRI WKT of CGCS2000 3-degree GK CM 120E (EPSG:4549) from its parameters', () => {
    const wkt = 'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(wkt)).toEqual({ ok: true, name: 'CGCS2000_3_Degree_GK_CM_120E', crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: 120 } } });
  });

  it('reads zone variants from the false easting', () => {
    const wkt = 'PROJCS["x",GEOGCS["China 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",123],PARAMETER["false_easting",41500000],PARAMETER["scale_factor",1]]';
    expect(crsFromPrj(wkt)).toMatchObject({ ok: true, crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: 123, zone: 41 } } });
  });

  it('takes the EPSG authority when present', () => {
    expect(crsFromPrj('PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 117E",AUTHORITY["EPSG","4548"]]')).toMatchObject({ ok: true, crs: { gk: { centralMeridianDeg: 117 } } });
  });

  it('reads Xian 1980 GK (ESRI Xian_1980_3_Degree_GK_CM_120E, EPSG:2385) — a local datum, converted only with parameters', () => {
    const wkt = 'PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0]]';
    expect(crsFromPrj(wkt)).toEqual({ ok: true, name: 'Xian_1980_3_Degree_GK_CM_120E', crs: { id: 'xian80-gk', gk: { centralMeridianDeg: 120 } } });
    expect(crsFromName('urn:ogc:def:crs:EPSG::2385')).toMatchObject({ ok: true, crs: { id: 'xian80-gk', gk: { centralMeridianDeg: 120 } } });
  });

  it('reads Beijing 1954 with the zone in the false easting, 3- and 6-degree, and keeps a WKT TOWGS84', () => {
    const gk6 = 'PROJCS["Beijing_1954_GK_Zone_21",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",21500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",123.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(gk6)).toMatchObject({ ok: true, crs: { id: 'beijing54-gk', gk: { centralMeridianDeg: 123, zone: 21 } } });
    const ogc = 'PROJCS["Beijing 1954 / 3-degree Gauss-Kruger zone 40",GEOGCS["Beijing 1954",DATUM["Beijing_1954",SPHEROID["Krassowsky 1940",6378245,298.3],TOWGS84[15.8,-154.4,-82.3,0,0,0,0]],PRIMEM["Greenwich",0]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",120],PARAMETER["false_easting",40500000],PARAMETER["scale_factor",1]]';
    expect(crsFromPrj(ogc)).toMatchObject({ ok: true, crs: { id: 'beijing54-gk', gk: { centralMeridianDeg: 120, zone: 40 }, towgs84: [15.8, -154.4, -82.3, 0, 0, 0, 0] } });
    expect(crsFromPrj('PROJCS["Beijing 1954 / Gauss-Kruger zone 21",AUTHORITY["EPSG","21421"]]')).toMatchObject({ ok: true, crs: { id: 'beijing54-gk', gk: { centralMeridianDeg: 123, zone: 21 } } });
  });

  it('refuses other datums rather than guessing (New Beijing; a false northing)', () => {
    const nb = 'PROJCS["New_Beijing_3_Degree_GK_CM_120E",GEOGCS["GCS_New_Beijing",DATUM["D_New_Beijing",SPHEROID["Krasovsky_1940",6378245.0,298.3]]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0]]';
    expect(crsFromPrj(nb)).toEqual({ ok: false, name: 'New_Beijing_3_Degree_GK_CM_120E' });
    const fn = 'PROJCS["x",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",1000000.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0]]';
    expect(crsFromPrj(fn).ok).toBe(false);
  });

  it('accepts geographic WGS-84 and names from GeoJSON', () => {
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]')).toMatchObject({ ok: true, crs: { id: 'wgs84' } });
    expect(crsFromName('urn:ogc:def:crs:EPSG::4549')).toMatchObject({ ok: true, crs: { id: 'cgcs2000-gk' } });
    expect(crsFromName('urn:ogc:def:crs:EPSG::3857').ok).toBe(false);
  });
});

describe('detectCrs', () => {
  it('degrees in Wenzhou: ambiguous between WGS-84, GCJ-02 and BD-09, default WGS-84', () => {
    expect(detectCrs([[120.65, 28.01]], null)).toEqual({ crs: { id: 'wgs84' }, source: 'default', kind: 'degrees', ambiguous: true, candidates: ['wgs84', 'gcj02', 'bd09'], swapped: false });
  });
  it('zone-prefixed eastings give the zone: 40 → CM 120°E; the datum is still asked', () => {
    expect(detectCrs([[40_564_418.9, 3_100_277]], null)).toMatchObject({ crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: 120, zone: 40 } }, source: 'coordinates', ambiguous: true, candidates: ['cgcs2000-gk', 'xian80-gk', 'beijing54-gk'] });
  });
  it("the user's choice wins", () => {
    expect(detectCrs([[120.65, 28.01]], null, { id: 'gcj02' })).toMatchObject({ crs: { id: 'gcj02' }, source: 'user', ambiguous: false });
  });
});

it('maps .cpg labels to decoders', () => {
  expect(['UTF-8', 'ANSI 936', 'GBK', 'cp936', '65001', 'GB18030', 'latin9'].map(encodingFromCpg)).toEqual(['utf-8', 'gbk', 'gbk', 'gbk', 'utf-8', 'gb18030', null]);
});
