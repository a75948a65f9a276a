/**
 * An imported facilities layer packed for the coverage worker straight from the import worker's
 * columns (domain/facility-columns.ts): the same PackedFacilityBytes the page's packer
 * (packed-facility-bytes.ts `packFacilityBytesSteps`) makes of the facilities 替换 builds from
 * those columns — coordinates interleaved, illustrative flags, and ids, categories and names as
 * UTF-8 JSON pieces of 4,096 values each — made in the import worker, so that the coverage store's
 * first init hands it on without walking 300,000 facilities on the page.
 * test/unit/analysis/coverage/packed-facility-bytes-of-columns.test.ts compares both byte for byte.
 */
import { HAS_NAME, ILLUSTRATIVE, type FacilityColumns } from '../../domain/facility-columns.ts';
import { JSON_PER_STEP } from './packed-facilities.ts';
import type { JsonBytes, PackedFacilityBytes } from './packed-facility-bytes.ts';

/** The coverage worker's packed facilities of the layer in `c` (buffers of their own, to transfer). */
export function packedFacilityBytesOfColumns(c: FacilityColumns): PackedFacilityBytes {
  const n = c.lon.length;
  const lonLat = new Float64Array(2 * n);
  const illustrative = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lonLat[2 * i] = c.lon[i];
    lonLat[2 * i + 1] = c.lat[i];
    if (c.flags[i] & ILLUSTRATIVE) illustrative[i] = 1;
  }
  const encoder = new TextEncoder();
  // Each piece as the page's packer writes it: JSON.stringify of 4,096 values (one native call, not one per value).
  const pieces = (value: (i: number) => string | null): JsonBytes => {
    const out: JsonBytes = [];
    for (let from = 0; from < n; from += JSON_PER_STEP) {
      const to = Math.min(n, from + JSON_PER_STEP);
      const values = new Array<string | null>(to - from);
      for (let i = from; i < to; i++) values[i - from] = value(i);
      out.push(encoder.encode(JSON.stringify(values)));
    }
    return out;
  };
  const idEnd = (i: number) => c.ends[2 * i];
  const start = (i: number) => (i === 0 ? 0 : c.ends[2 * i - 1]);
  return {
    count: n,
    lonLat,
    illustrative,
    ids: pieces((i) => c.texts.slice(start(i), idEnd(i))),
    categories: pieces((i) => c.categories[c.category[i]]),
    names: pieces((i) => (c.flags[i] & HAS_NAME ? c.texts.slice(idEnd(i), c.ends[2 * i + 1]) : null)),
  };
}
