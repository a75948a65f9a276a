/**
 * The stored form of a facilities layer (stored-facilities.ts) made straight from the import
 * worker's columns (domain/facility-columns.ts), for the layer 替换 builds from them: one copy of
 * the coordinates and the texts' JSON a few thousand at a time, without walking the facility
 * objects. The import worker makes it (workers/import-api.ts) and transfers it with the read. Before, the autosave packed a 300,000-point layer object by object after 替换
 * (facilities-precheck.ts: about 4 s of CPU on the page at load 13–17, README Speed).
 *
 * It gives exactly what toStoredFacilities gives for the facilities `facilityAt` makes of the
 * same columns (test/unit/state/persistence/stored-facilities-of-columns.test.ts compares both),
 * or `undefined` when it is not sure that they would be packed (a blank id, a position that is not
 * a finite number, a category code out of range): the autosave then packs the layer itself, as before.
 */
import { HAS_NAME, ILLUSTRATIVE, type FacilityColumns } from '../../domain/facility-columns.ts';
import { PACK_MIN_FACILITIES, packedStoredForm, type PackedStoredFacilities } from './stored-facilities.ts';
import type { Slicer } from './time-slicer.ts';

/** Facilities turned into JSON between two looks at the clock. */
const CHUNK = 4096;

/**
 * What toStoredFacilities gives for the layer of `c`: the packed record, null for the array as it
 * is (a layer under PACK_MIN_FACILITIES), or undefined when not sure (leave it to the autosave).
 */
export async function storedFormOfColumns(c: FacilityColumns, slicer: Slicer): Promise<PackedStoredFacilities | null | undefined> {
  const n = c.lon.length;
  if (n < PACK_MIN_FACILITIES) return null;
  const { lon, lat, ends, flags, texts, category, categories } = c;
  // What facilitiesPassSchema tests of each facility that the columns do not promise by their types.
  if (!categories.every((s) => typeof s === 'string')) return undefined;
  const lonLat = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    if ((i & 16383) === 0 && slicer.due()) await slicer.pause();
    const from = i === 0 ? 0 : ends[2 * i - 1];
    if (ends[2 * i] <= from || !Number.isFinite(lon[i]) || !Number.isFinite(lat[i]) || !(category[i] >= 0 && category[i] < categories.length)) return undefined;
    lonLat[2 * i] = lon[i];
    lonLat[2 * i + 1] = lat[i];
  }
  const categoryJson = categories.map((s) => JSON.stringify(s));
  // JSON.stringify([ids, categories, names, illustrative]) of the packer's arrays, a chunk of each column at a time.
  const columns: ((from: number, to: number) => string)[] = [
    (from, to) => {
      const ids = new Array<string>(to - from);
      for (let i = from; i < to; i++) ids[i - from] = texts.slice(i === 0 ? 0 : ends[2 * i - 1], ends[2 * i]);
      return JSON.stringify(ids).slice(1, -1);
    },
    (from, to) => {
      const out = new Array<string>(to - from);
      for (let i = from; i < to; i++) out[i - from] = categoryJson[category[i]];
      return out.join(',');
    },
    (from, to) => {
      const names = new Array<string | null>(to - from);
      for (let i = from; i < to; i++) names[i - from] = flags[i] & HAS_NAME ? texts.slice(ends[2 * i], ends[2 * i + 1]) : null;
      return JSON.stringify(names).slice(1, -1);
    },
    // 1: illustrative; 0: no key (the columns never hold illustrative: false).
    (from, to) => {
      const out = new Array<number>(to - from);
      for (let i = from; i < to; i++) out[i - from] = flags[i] & ILLUSTRATIVE ? 1 : 0;
      return out.join(',');
    },
  ];
  let json = '[';
  for (let k = 0; k < columns.length; k++) {
    json += k ? ',[' : '[';
    for (let from = 0; from < n; from += CHUNK) {
      if (slicer.due()) await slicer.pause();
      json += (from ? ',' : '') + columns[k](from, Math.min(n, from + CHUNK));
    }
    json += ']';
  }
  return packedStoredForm(lonLat, json + ']');
}
