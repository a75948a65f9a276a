/**
 * The coordinate systems Anju reads, as ids only (no conversion code): light enough for the
 * command line's option parsing. Conversion is src/io/crs.ts.
 * `wgs84` also stands for CGCS2000 geographic lon/lat. The `-gk` systems are Gauss–Krüger
 * projected metres (3- or 6-degree zones, with or without the zone number in the easting) on
 * three datums: CGCS2000 (≈ WGS-84), and the older Xian 1980 and Beijing 1954, which differ from
 * WGS-84 by tens to over a hundred metres and convert only with the local transformation
 * parameters a surveying department publishes (`towgs84`), never as if they were CGCS2000.
 */
export const CRS_IDS = ['wgs84', 'gcj02', 'bd09', 'cgcs2000-gk', 'xian80-gk', 'beijing54-gk'] as const;
export type CrsId = (typeof CRS_IDS)[number];

/** The Gauss–Krüger systems (projected metres; a central meridian, maybe a zone). */
export const GK_CRS_IDS = ['cgcs2000-gk', 'xian80-gk', 'beijing54-gk'] as const satisfies readonly CrsId[];
export type GkCrsId = (typeof GK_CRS_IDS)[number];

/** The systems on a datum that needs the user's transformation parameters (`towgs84`). */
export const LOCAL_DATUM_CRS_IDS = ['xian80-gk', 'beijing54-gk'] as const satisfies readonly CrsId[];

export function isCrsId(v: unknown): v is CrsId {
  return typeof v === 'string' && (CRS_IDS as readonly string[]).includes(v);
}

export function isGkCrs(id: CrsId): id is GkCrsId {
  return (GK_CRS_IDS as readonly string[]).includes(id);
}

/** True for Xian 1980 and Beijing 1954: converting needs `towgs84`. */
export function needsTowgs84(id: CrsId): boolean {
  return (LOCAL_DATUM_CRS_IDS as readonly string[]).includes(id);
}
