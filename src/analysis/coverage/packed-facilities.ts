/**
 * Facilities packed for a worker message: coordinates in one Float64Array (transferred, not
 * copied) and the texts as JSON strings (one string each to clone). Cloning 300,000 facility
 * objects took seconds of main-thread time; packing them is one loop and `JSON.stringify`.
 */
import type { Facility } from '../../domain/facility.ts';

export interface PackedFacilities {
  count: number;
  /** lon, lat of facility i at [2i], [2i + 1] (WGS-84 degrees). */
  lonLat: Float64Array;
  /** JSON arrays of the ids, categories and names (null where a facility has none). */
  idsJson: string;
  categoriesJson: string;
  namesJson: string;
  /** 1 where the facility is illustrative. */
  illustrative: Uint8Array;
}

export function packFacilities(fs: readonly Facility[]): PackedFacilities {
  const n = fs.length;
  const lonLat = new Float64Array(2 * n);
  const illustrative = new Uint8Array(n);
  const ids = new Array<string>(n);
  const categories = new Array<string>(n);
  const names = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const f = fs[i];
    lonLat[2 * i] = f.lonLat[0];
    lonLat[2 * i + 1] = f.lonLat[1];
    if (f.illustrative) illustrative[i] = 1;
    ids[i] = f.id;
    categories[i] = f.category;
    names[i] = f.name ?? null;
  }
  return { count: n, lonLat, idsJson: JSON.stringify(ids), categoriesJson: JSON.stringify(categories), namesJson: JSON.stringify(names), illustrative };
}

export function unpackFacilities(p: PackedFacilities): Facility[] {
  const ids = JSON.parse(p.idsJson) as string[];
  const categories = JSON.parse(p.categoriesJson) as string[];
  const names = JSON.parse(p.namesJson) as (string | null)[];
  const out = new Array<Facility>(p.count);
  for (let i = 0; i < p.count; i++) {
    const f: Facility = { id: ids[i], category: categories[i], lonLat: [p.lonLat[2 * i], p.lonLat[2 * i + 1]] };
    if (names[i] !== null) f.name = names[i]!;
    if (p.illustrative[i]) f.illustrative = true;
    out[i] = f;
  }
  return out;
}
