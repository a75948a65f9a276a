/** Facility columns (domain/facility-columns.ts) as the columnar reader lays them out, for the facilities `fs` (illustrative: false is not a column value). */
import { HAS_NAME, ILLUSTRATIVE, type FacilityColumns } from '../../src/domain/facility-columns.ts';
import type { Facility } from '../../src/domain/facility.ts';

export function columnsOf(fs: Facility[]): FacilityColumns {
  const n = fs.length;
  const ends = new Int32Array(2 * n);
  const flags = new Uint8Array(n);
  const category = new Int32Array(n);
  const codes = new Map<string, number>();
  let texts = '';
  fs.forEach((f, i) => {
    texts += f.id;
    ends[2 * i] = texts.length;
    if (f.name !== undefined) {
      texts += f.name;
      flags[i] |= HAS_NAME;
    }
    ends[2 * i + 1] = texts.length;
    if (f.illustrative) flags[i] |= ILLUSTRATIVE;
    if (!codes.has(f.category)) codes.set(f.category, codes.size);
    category[i] = codes.get(f.category)!;
  });
  return { kind: 'facility-columns', lon: Float64Array.from(fs, (f) => f.lonLat[0]), lat: Float64Array.from(fs, (f) => f.lonLat[1]), texts, ends, flags, categories: [...codes.keys()], category };
}
