/** Which CSV columns hold longitude and latitude: detected by header name, or chosen by the user. */

export const LON_HEADERS = ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'wgs84_lon', 'gcj02_lon', 'bd09_lon'];
export const LAT_HEADERS = ['lat', 'latitude', 'y', '纬度', 'wgs84_lat', 'gcj02_lat', 'bd09_lat'];

export interface CsvColumns {
  lon: string;
  lat: string;
}

/** Find the longitude and latitude columns by name (case-insensitive), or null. */
export function detectCoordinateColumns(headers: readonly string[]): CsvColumns | null {
  const find = (names: string[]) => headers.find((h) => names.includes(h.trim().toLowerCase()));
  const lon = find(LON_HEADERS);
  const lat = find(LAT_HEADERS);
  return lon && lat ? { lon, lat } : null;
}
