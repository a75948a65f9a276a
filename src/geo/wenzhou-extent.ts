/**
 * Wenzhou's extent in WGS-84 degrees, with a margin of about 10 km, for "is this in
 * Wenzhou?" checks on user data. (County union bbox: 119.6–121.3 E, 27.0–28.6 N, incl. islands.)
 */
export const WENZHOU_BBOX = [119.3, 26.8, 121.6, 28.8] as const;

export function inWenzhouBbox(lon: number, lat: number): boolean {
  const [w, s, e, n] = WENZHOU_BBOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}
