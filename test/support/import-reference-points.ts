/**
 * WGS-84 reference points and squares in Wenzhou for import fixtures and tests. The positions are
 * chosen (rounded to 1e-3°), not surveyed: they only need to be exact inputs to the reference
 * formulas in reference-crs.ts.
 */
import type { Position } from 'geojson';

export const REFERENCE_POINTS: readonly { name: string; category: string; wgs84: Position }[] = [
  { name: '鹿城 社区卫生服务中心', category: 'health', wgs84: [120.655, 28.015] },
  { name: '温州站 幼儿园', category: 'kindergarten', wgs84: [120.699, 27.994] },
  { name: '龙湾 菜市场', category: 'market', wgs84: [120.8, 27.95] },
];

/** Counter-clockwise squares (RFC 7946 exterior rings), about 1 km across. */
export const SQUARES: readonly { id: string; name: string; units: number; ring: Position[] }[] = [
  { id: 'jiucheng', name: '旧城板块', units: 1200, ring: [[120.65, 28.01], [120.66, 28.01], [120.66, 28.02], [120.65, 28.02], [120.65, 28.01]] },
  { id: 'wutian', name: '梧田板块', units: 800, ring: [[120.68, 27.96], [120.69, 27.96], [120.69, 27.97], [120.68, 27.97], [120.68, 27.96]] },
];
