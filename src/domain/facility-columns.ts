/**
 * Facilities as columns (the import worker's columnar read of a large facilities layer, read by
 * src/io/readers/facility-columns.ts): one typed array per number and the texts in one string, so
 * the layer crosses from the worker to the page without a structured clone of an object or a
 * string per facility. The page builds `Facility` objects from it on 替换 (facilityAt).
 */
import type { Facility } from './facility.ts';

export interface FacilityColumns {
  kind: 'facility-columns';
  /** WGS-84 degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** The 1-based line of each facility (CSV); absent: facility i is the file's feature i (GeoJSON). */
  rows?: Int32Array;
  /** Every facility's id and then its name (or nothing), one after another. */
  texts: string;
  /** Where facility i's id ends in `texts` (at 2i) and its name ends (at 2i + 1); each starts where the one before ends. */
  ends: Int32Array;
  /** Bit 0: has a name; bit 1: illustrative. */
  flags: Uint8Array;
  /** Facility i's category is `categories[category[i]]`. */
  categories: string[];
  category: Int32Array;
}

export const HAS_NAME = 1;
export const ILLUSTRATIVE = 2;

/**
 * Facility i as the facilities reader makes it (the same keys in the same order). A name is in the object literal,
 * not added after it: an added key takes a property store of its own (V8), 95 → 63 bytes retained per named facility
 * (node 300,000 facilities, --expose-gc), so less to collect while 替换 builds 300,000 of them.
 */
export function facilityAt(c: FacilityColumns, i: number): Facility {
  const from = i === 0 ? 0 : c.ends[2 * i - 1];
  const idEnd = c.ends[2 * i];
  const flags = c.flags[i];
  const id = c.texts.slice(from, idEnd);
  const category = c.categories[c.category[i]];
  const lonLat: [number, number] = [c.lon[i], c.lat[i]];
  const f: Facility = flags & HAS_NAME ? { id, category, lonLat, name: c.texts.slice(idEnd, c.ends[2 * i + 1]) } : { id, category, lonLat };
  if (flags & ILLUSTRATIVE) f.illustrative = true;
  return f;
}

/** The transferable buffers of the columns. */
export const facilityColumnBuffers = (c: FacilityColumns): ArrayBuffer[] =>
  [c.lon.buffer, c.lat.buffer, c.ends.buffer, c.flags.buffer, c.category.buffer, ...(c.rows ? [c.rows.buffer] : [])] as ArrayBuffer[];
