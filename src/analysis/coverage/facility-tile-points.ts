/**
 * An imported facilities layer packed for the point-tiles worker straight from the import
 * worker's columns (domain/facility-columns.ts): the same PackedPoints the page's packer
 * (ui/coverage/facility-points.ts) makes of the facilities 替换 builds from those columns —
 * coordinates interleaved, and the UTF-8 JSON `{"id":[…],"category":[…],"tier":[…]}` — made in the
 * import worker, so that the page hands it on to the tile worker without walking the layer.
 * test/unit/analysis/coverage/facility-tile-points.test.ts compares both.
 */
import type { FacilityColumns } from '../../domain/facility-columns.ts';
import type { PackedPoints } from '../../geo/packed-points.ts';
import { categoryTier } from './facility-tier.ts';

/** The tile worker's points of the layer in `c` (buffers of their own, to transfer). */
export function facilityTilePointsOfColumns(c: FacilityColumns): PackedPoints {
  const n = c.lon.length;
  const lonLat = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    lonLat[2 * i] = c.lon[i];
    lonLat[2 * i + 1] = c.lat[i];
  }
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = c.texts.slice(i === 0 ? 0 : c.ends[2 * i - 1], c.ends[2 * i]);
  const categoryJson = c.categories.map((s) => JSON.stringify(s));
  const tierJson = c.categories.map((s) => JSON.stringify(categoryTier(s) ?? 'other'));
  const byCategory = (json: string[]) => {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = json[c.category[i]];
    return `[${out.join(',')}]`;
  };
  const json = `{"id":${JSON.stringify(ids)},"category":${byCategory(categoryJson)},"tier":${byCategory(tierJson)}}`;
  return { count: n, lonLat, columnsUtf8: new TextEncoder().encode(json) };
}
