/**
 * Reference implementations, written from the published formulas and independent of the
 * libraries Anju uses (gcoord, proj4), to check converted coordinates.
 * - WGS-84 → GCJ-02: the widely published "eviltransform" formula (Krasovsky ellipsoid
 *   a = 6378245 m, e² = 0.00669342162296594323).
 * - GCJ-02 → BD-09: Baidu's published forward formula (x_pi = π·3000/180, offsets 0.0065/0.006).
 * - Transverse Mercator forward: Snyder, Map Projections — A Working Manual (USGS PP 1395, 1987),
 *   eqs. 3-21, 8-9, 8-10, on the CGCS2000 ellipsoid (a = 6378137 m, 1/f = 298.257222101).
 */
const { PI, sin, cos, tan, sqrt, abs, atan2 } = Math;

function gcjLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  r += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  r += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  r += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return r;
}

function gcjLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  r += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  r += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  r += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return r;
}

/** WGS-84 [lon, lat] → GCJ-02 [lon, lat], degrees. */
export function wgs84ToGcj02([lon, lat]: readonly number[]): [number, number] {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  let dLat = gcjLat(lon - 105, lat - 35);
  let dLon = gcjLon(lon - 105, lat - 35);
  const radLat = (lat / 180) * PI;
  const magic = 1 - ee * sin(radLat) ** 2;
  const sqrtMagic = sqrt(magic);
  dLat = (dLat * 180) / (((a * (1 - ee)) / (magic * sqrtMagic)) * PI);
  dLon = (dLon * 180) / ((a / sqrtMagic) * cos(radLat) * PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 [lon, lat] → BD-09 [lon, lat], degrees. */
export function gcj02ToBd09([x, y]: readonly number[]): [number, number] {
  const xPi = (PI * 3000) / 180;
  const z = sqrt(x * x + y * y) + 0.00002 * sin(y * xPi);
  const theta = atan2(y, x) + 0.000003 * cos(x * xPi);
  return [z * cos(theta) + 0.0065, z * sin(theta) + 0.006];
}

/** CGCS2000 Gauss–Krüger forward: [lon, lat] degrees → [easting, northing] metres (k0 = 1, FN 0). */
export function gkForward([lon, lat]: readonly number[], centralMeridianDeg: number, falseEastingM = 500_000): [number, number] {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = 2 * f - f * f;
  const ep2 = e2 / (1 - e2);
  const phi = (lat * PI) / 180;
  const N = a / sqrt(1 - e2 * sin(phi) ** 2);
  const T = tan(phi) ** 2;
  const C = ep2 * cos(phi) ** 2;
  const A = (((lon - centralMeridianDeg) * PI) / 180) * cos(phi);
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  const M = a * ((1 - e2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi - ((3 * e2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * sin(2 * phi) + ((15 * e4) / 256 + (45 * e6) / 1024) * sin(4 * phi) - ((35 * e6) / 3072) * sin(6 * phi));
  const x = N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T * T + 72 * C - 58 * ep2) * A ** 5) / 120);
  const y = M + N * tan(phi) * ((A * A) / 2 + ((5 - T + 9 * C + 4 * C * C) * A ** 4) / 24 + ((61 - 58 * T + T * T + 600 * C - 330 * ep2) * A ** 6) / 720);
  return [x + falseEastingM, y];
}
