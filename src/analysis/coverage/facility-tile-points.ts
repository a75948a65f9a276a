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

/** Facilities turned into JSON and UTF-8 at a time. */
const CHUNK = 4096;

/**
 * The tile worker's points of the layer in `c` (buffers of their own, to transfer). The JSON is
 * encoded a chunk of facilities at a time, never whole as one string (at 1,000,000 facilities one
 * string and its arrays made +249 MiB of heap before garbage collection; `npx tsx`, load ~11).
 */
export function facilityTilePointsOfColumns(c: FacilityColumns): PackedPoints {
  const n = c.lon.length;
  const lonLat = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    lonLat[2 * i] = c.lon[i];
    lonLat[2 * i + 1] = c.lat[i];
  }
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let size = 0;
  const put = (text: string) => {
    const bytes = encoder.encode(text);
    pieces.push(bytes);
    size += bytes.length;
  };
  const categoryJson = c.categories.map((s) => JSON.stringify(s));
  const tierJson = c.categories.map((s) => JSON.stringify(categoryTier(s) ?? 'other'));
  const columns: [string, (from: number, to: number) => string][] = [
    [
      '{"id":[',
      (from, to) => {
        const ids = new Array<string>(to - from);
        for (let i = from; i < to; i++) ids[i - from] = c.texts.slice(i === 0 ? 0 : c.ends[2 * i - 1], c.ends[2 * i]);
        return JSON.stringify(ids).slice(1, -1);
      },
    ],
    ['],"category":[', (from, to) => byCategory(categoryJson, from, to)],
    ['],"tier":[', (from, to) => byCategory(tierJson, from, to)],
  ];
  const byCategory = (json: string[], from: number, to: number) => {
    const out = new Array<string>(to - from);
    for (let i = from; i < to; i++) out[i - from] = json[c.category[i]];
    return out.join(',');
  };
  for (const [opening, chunk] of columns) {
    put(opening);
    for (let from = 0; from < n; from += CHUNK) put((from ? ',' : '') + chunk(from, Math.min(n, from + CHUNK)));
  }
  put(']}');
  const columnsUtf8 = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    columnsUtf8.set(p, at);
    at += p.length;
  }
  return { count: n, lonLat, columnsUtf8 };
}
