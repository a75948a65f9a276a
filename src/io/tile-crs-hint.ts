/**
 * Does a basemap file's metadata say its tiles are not web Mercator on WGS-84/CGCS2000?
 *
 * MBTiles and PMTiles are web Mercator by definition, but tile downloaders also write
 * GCJ-02 (高德, 腾讯) and BD-09 (百度) tiles, or geographic (EPSG:4326/4490) tile matrices, into
 * them: drawn under WGS-84 data those sit about 500 m off, or worse. Nothing in the tiles shows
 * it, so the metadata is the only place to look: an explicit coordinate-system entry, or the
 * name of a provider whose tiles are GCJ-02/BD-09. When it says so, the file is refused (as a
 * GCJ-02 tile service is); when it says nothing, the file is taken as the formats define it,
 * and the picker says so.
 */
export type TileCrsHint = 'gcj02' | 'bd09' | 'geographic';

const CRS_KEYS = ['crs', 'srs', 'projection', 'proj', 'coordinate_system', 'coordinatesystem', 'tile_matrix_set', 'tilematrixset', 'epsg'];
const TEXT_KEYS = ['name', 'description', 'attribution', 'source'];

const PATTERNS: [RegExp, TileCrsHint][] = [
  [/bd-?09|baidu|百度/i, 'bd09'],
  [/gcj-?02|火星|amap|autonavi|gaode|高德|腾讯|tencent|soso/i, 'gcj02'],
];
const GEOGRAPHIC = /\b(epsg:?\s*)?(4326|4490)\b|wgs-?84\s*geographic|经纬度/i;

/** The coordinate system a metadata record names, with the entry that names it; null when none is named. */
export function tileCrsHint(meta: Record<string, unknown>): { crs: TileCrsHint; where: string } | null {
  const entries = Object.entries(meta).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''] as const);
  for (const [k, v] of entries) {
    if (!CRS_KEYS.includes(k) || !v) continue;
    for (const [re, crs] of PATTERNS) if (re.test(v)) return { crs, where: `${k}: ${v}` };
    if (GEOGRAPHIC.test(v)) return { crs: 'geographic', where: `${k}: ${v}` };
  }
  for (const [k, v] of entries) {
    if (!TEXT_KEYS.includes(k) || !v) continue;
    for (const [re, crs] of PATTERNS) if (re.test(v)) return { crs, where: `${k}: ${v.slice(0, 80)}` };
  }
  return null;
}
