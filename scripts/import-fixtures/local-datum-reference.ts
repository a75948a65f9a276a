/**
 * Writes test/fixtures/import/local-datum-reference.json: Xian 1980 and Beijing 1954 Gauss–Krüger
 * positions in Wenzhou and their WGS-84 lon/lat as PROJ computes them (GDAL's `gdaltransform`, an
 * implementation independent of the proj4js that Anju converts with). Needs `gdal-bin` (Debian);
 * only for regenerating the committed JSON, never in tests.
 * Run: `npx tsx scripts/import-fixtures/local-datum-reference.ts`.
 *
 * The inputs are the reference points (test/support/import-reference-points.ts) projected with the
 * CGCS2000 series and rounded to the millimetre: any metres in Wenzhou would do. The Beijing 1954
 * parameters are EPSG's published three-parameter transformation (EPSG:1918, 15.8,-154.4,-82.3);
 * the Xian 1980 seven parameters are illustrative, of a plausible size (no EPSG transformation
 * exists; a surveying department gives its own).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gkForward } from '../../test/support/reference-crs.ts';
import { REFERENCE_POINTS } from '../../test/support/import-reference-points.ts';

interface Case {
  name: string;
  crs: 'xian80-gk' | 'beijing54-gk';
  gk: { centralMeridianDeg: number; zone?: number };
  towgs84: number[];
  ellipsoid: string;
}

const CASES: Case[] = [
  { name: 'Xian 1980 3-degree GK CM 120E (EPSG:2385), seven parameters', crs: 'xian80-gk', gk: { centralMeridianDeg: 120 }, towgs84: [24.1, -123.9, -94.2, 0.02, 0.25, 0.13, 1.1], ellipsoid: '+a=6378140 +rf=298.257' },
  { name: 'Beijing 1954 6-degree GK zone 21 (EPSG:21421), three parameters', crs: 'beijing54-gk', gk: { centralMeridianDeg: 123, zone: 21 }, towgs84: [15.8, -154.4, -82.3], ellipsoid: '+a=6378245 +rf=298.3' },
];

const version = execFileSync('gdalinfo', ['--version']).toString().trim();
const out = CASES.map((c) => {
  const x0 = (c.gk.zone ?? 0) * 1_000_000 + 500_000;
  const src = `+proj=tmerc +lat_0=0 +lon_0=${c.gk.centralMeridianDeg} +k=1 +x_0=${x0} +y_0=0 ${c.ellipsoid} +towgs84=${c.towgs84.join(',')} +units=m +no_defs`;
  const gk = REFERENCE_POINTS.map((p) => gkForward(p.wgs84, c.gk.centralMeridianDeg, x0).map((m) => Math.round(m * 1000) / 1000));
  const stdout = execFileSync('gdaltransform', ['-s_srs', src, '-t_srs', '+proj=longlat +datum=WGS84 +no_defs', '-output_xy'], { input: gk.map((p) => p.join(' ')).join('\n') + '\n' }).toString();
  const wgs84 = stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  return { ...c, proj: src, points: gk.map((p, i) => ({ name: REFERENCE_POINTS[i].name, gk: p, wgs84: wgs84[i] })) };
});
const doc = { generatedBy: `npx tsx scripts/import-fixtures/local-datum-reference.ts (gdaltransform, ${version})`, cases: out };
writeFileSync('test/fixtures/import/local-datum-reference.json', JSON.stringify(doc, null, 1) + '\n');
console.log('wrote test/fixtures/import/local-datum-reference.json');
