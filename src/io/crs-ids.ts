/**
 * The coordinate systems Anju reads, as ids only (no conversion code): light enough for the
 * command line's option parsing. Conversion is src/io/crs.ts.
 * `wgs84` also stands for CGCS2000 geographic lon/lat; `cgcs2000-gk` is CGCS2000 3-degree
 * Gauss–Krüger projected metres.
 */
export const CRS_IDS = ['wgs84', 'gcj02', 'bd09', 'cgcs2000-gk'] as const;
export type CrsId = (typeof CRS_IDS)[number];

export function isCrsId(v: unknown): v is CrsId {
  return typeof v === 'string' && (CRS_IDS as readonly string[]).includes(v);
}
