/**
 * The GeoJSON `crs` member that declares WGS-84 lon/lat (OGC CRS84, axis order lon, lat), as GDAL,
 * QGIS and Anju's own importer read it. RFC 7946 dropped `crs` (its files are WGS-84 by definition)
 * but keeps foreign members; writing it lets a GIS and `anju` read the shipped geodata and Anju's
 * exports without being told the system (degrees alone could be GCJ-02 or BD-09).
 */
export const CRS84_NAME = 'urn:ogc:def:crs:OGC:1.3:CRS84';

export const CRS84_MEMBER = { type: 'name', properties: { name: CRS84_NAME } } as const;

/**
 * The collection with the CRS84 member right after `type` (any other `crs` replaced): a fixed key
 * order, so the files written stay byte-for-byte deterministic.
 */
export function declareCrs84<T extends { type: 'FeatureCollection' }>(fc: T): T & { crs: typeof CRS84_MEMBER } {
  const rest = Object.fromEntries(Object.entries(fc).filter(([k]) => k !== 'type' && k !== 'crs'));
  return { type: fc.type, crs: CRS84_MEMBER, ...rest } as T & { crs: typeof CRS84_MEMBER };
}
