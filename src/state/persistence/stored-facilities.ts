/**
 * The facilities slice as IndexedDB keeps it. A large imported layer stored as 20,000–300,000
 * objects made each autosave a long structured clone on the main thread; packed, it is one
 * Float64Array of coordinates (cloned as one block) and the texts as one JSON string.
 *
 * Packing is lossless and only done when it can be: every facility passes the schema's check
 * (facilities-fast-check.ts) and holds no key beyond id, category, name, lonLat, illustrative;
 * anything else is stored as it is, as before. Reading accepts both shapes, so projects stored
 * by earlier versions (a plain array) still load.
 */
import type { Facility } from '../../domain/facility.ts';
import { facilitiesPassSchema } from '../facilities-fast-check.ts';

/** Below this many facilities the plain array is stored (cloning it is quick). */
export const PACK_MIN_FACILITIES = 1000;
const FORMAT = 'anju-packed-facilities-1';
const KEYS = new Set(['id', 'category', 'name', 'lonLat', 'illustrative']);

export interface PackedStoredFacilities {
  format: typeof FORMAT;
  /** lon, lat of facility i at [2i], [2i + 1]. */
  lonLat: Float64Array;
  /** JSON of [ids, categories, names (null: no name key), illustrative (0 no key, 1 true, 2 false)]. */
  textsJson: string;
}

/**
 * Packs a layer facility by facility, so that a large layer can be packed in pieces between
 * other work (facilities-precheck.ts). `add` is false when facility i cannot be packed
 * losslessly (a key beyond the five, or one present as undefined): the layer is then stored as it is.
 */
export class FacilityPacker {
  readonly lonLat: Float64Array;
  readonly ids: string[];
  readonly categories: string[];
  readonly names: (string | null)[];
  readonly illustrative: number[];
  constructor(n: number) {
    this.lonLat = new Float64Array(2 * n);
    this.ids = new Array<string>(n);
    this.categories = new Array<string>(n);
    this.names = new Array<string | null>(n);
    this.illustrative = new Array<number>(n);
  }
  /** Pack facility i (it passes the schema's check); false when it cannot be packed losslessly. */
  add(i: number, f: Facility): boolean {
    for (const k in f) if (!KEYS.has(k)) return false;
    // A key present as undefined would come back absent: keep such a layer as it is.
    if (('name' in f && f.name === undefined) || ('illustrative' in f && f.illustrative === undefined)) return false;
    this.lonLat[2 * i] = f.lonLat[0];
    this.lonLat[2 * i + 1] = f.lonLat[1];
    this.ids[i] = f.id;
    this.categories[i] = f.category;
    this.names[i] = 'name' in f ? f.name! : null;
    this.illustrative[i] = 'illustrative' in f ? (f.illustrative ? 1 : 2) : 0;
    return true;
  }
  packed(textsJson: string): PackedStoredFacilities {
    return packedStoredForm(this.lonLat, textsJson);
  }
}

/** The packed record of coordinates (lon, lat of facility i at [2i], [2i + 1]) and the texts' JSON. */
export const packedStoredForm = (lonLat: Float64Array, textsJson: string): PackedStoredFacilities => ({ format: FORMAT, lonLat, textsJson });

/**
 * What toStoredFacilities gives for a layer, worked out earlier in pieces (null: stored as it is).
 * Layers are immutable state: the same array always packs the same.
 */
const storedForms = new WeakMap<readonly Facility[], PackedStoredFacilities | null>();

/** Remember what toStoredFacilities is to give for `fs` (facilities-precheck.ts, which packed it in pieces). */
export function rememberStoredForm(fs: readonly Facility[], packed: PackedStoredFacilities | null): void {
  storedForms.set(fs, packed);
}

/** The remembered stored form of `fs`: the packed record, null (stored as it is), or undefined (not known). */
export const knownStoredForm = (fs: readonly Facility[]): PackedStoredFacilities | null | undefined => storedForms.get(fs);

/** True when the stored form of `fs` is known already (toStoredFacilities returns at once). */
export const hasStoredForm = (fs: readonly Facility[]): boolean => storedForms.has(fs);

/** What to store for the facilities slice: the packed form when it is lossless and worth it, else the array. */
export function toStoredFacilities(fs: readonly Facility[]): readonly Facility[] | PackedStoredFacilities {
  const known = storedForms.get(fs);
  if (known !== undefined) return known ?? fs;
  if (fs.length < PACK_MIN_FACILITIES || !facilitiesPassSchema(fs)) return fs;
  const packer = new FacilityPacker(fs.length);
  for (let i = 0; i < fs.length; i++) if (!packer.add(i, fs[i])) return fs;
  return packer.packed(JSON.stringify([packer.ids, packer.categories, packer.names, packer.illustrative]));
}

/** The facilities slice read back: a packed record unpacked; anything else (an earlier version's array, or damaged data) as it is, for the project check. */
export function fromStoredFacilities(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || (stored as { format?: unknown }).format !== FORMAT) return stored;
  const p = stored as PackedStoredFacilities;
  let texts: unknown;
  try {
    texts = JSON.parse(p.textsJson);
  } catch {
    return stored;
  }
  const n = p.lonLat instanceof Float64Array ? p.lonLat.length / 2 : -1;
  const ok = Array.isArray(texts) && texts.length === 4 && texts.every((t) => Array.isArray(t) && t.length === n);
  // Damaged: hand the record on as it is, so the project check refuses it and it is quarantined.
  if (!ok) return stored;
  const [ids, categories, names, illustrative] = texts as [string[], string[], (string | null)[], number[]];
  const out = new Array<Facility>(n);
  for (let i = 0; i < n; i++) {
    const f: Facility = { id: ids[i], category: categories[i], lonLat: [p.lonLat[2 * i], p.lonLat[2 * i + 1]] };
    if (names[i] !== null) f.name = names[i]!;
    if (illustrative[i]) f.illustrative = illustrative[i] === 1;
    out[i] = f;
  }
  return out;
}

/**
 * A packed layer of more than this many facilities is stored as several records of this many
 * (`facilities#0`, `facilities#1` …, then a head under `facilities`), put one after another in the
 * write's one transaction: each record's structured clone is a task of its own (one record of a
 * 300,000-point layer took about a second in `put`). Nothing else is kept under such keys.
 */
export const FACILITIES_PER_PART = 10_000;
const PARTS_FORMAT = 'anju-packed-facilities-parts-1';
/** Keys of the part records: `facilities#` followed by the part's number. */
export const PART_KEY_PREFIX = 'facilities#';
export const isFacilitiesPartKey = (key: unknown): boolean => typeof key === 'string' && key.startsWith(PART_KEY_PREFIX);

interface StoredPart {
  /** lon, lat of the part's facilities. */
  lonLat: Float64Array;
  /** The part's piece of the whole layer's `textsJson` (cut at a character, not at a facility). */
  texts: string;
}
interface PartsHead {
  format: typeof PARTS_FORMAT;
  parts: number;
}

/**
 * The records to store for the facilities slice's stored form, [key, value to put] in put order:
 * one record (`facilities`), or the parts and then the head. The values are made when called, so
 * that copying a part is done in the task that puts it.
 */
export function storedFacilityRecords(stored: readonly Facility[] | PackedStoredFacilities, perPart = FACILITIES_PER_PART): [string, () => unknown][] {
  if (Array.isArray(stored)) return [['facilities', () => stored]];
  const p = stored as PackedStoredFacilities;
  const n = p.lonLat.length / 2;
  if (n <= perPart) return [['facilities', () => p]];
  const parts = Math.ceil(n / perPart);
  const chars = Math.ceil(p.textsJson.length / parts);
  const out: [string, () => unknown][] = [];
  for (let i = 0; i < parts; i++) {
    const from = i * perPart;
    const to = Math.min(n, from + perPart);
    out.push([PART_KEY_PREFIX + i, (): StoredPart => ({ lonLat: p.lonLat.slice(2 * from, 2 * to), texts: p.textsJson.slice(i * chars, (i + 1) * chars) })]);
  }
  const head: PartsHead = { format: PARTS_FORMAT, parts };
  out.push(['facilities', () => head]);
  return out;
}

/**
 * The part records that differ between two stored forms of a layer stored as parts, [key, value
 * to put] as storedFacilityRecords gives them, when `next` is `prev` with some coordinates changed
 * (a drop: the same texts, the same count): storage holding `prev`'s records then holds `next`'s
 * once these are put, without deleting and rewriting every part (30 at 300,000 facilities). Null
 * when the layer is to be written whole (not stored as parts, another count, other texts).
 */
export function changedFacilityRecords(prev: readonly Facility[] | PackedStoredFacilities, next: readonly Facility[] | PackedStoredFacilities, perPart = FACILITIES_PER_PART): [string, () => unknown][] | null {
  if (Array.isArray(prev) || Array.isArray(next)) return null;
  const [a, b] = [prev as PackedStoredFacilities, next as PackedStoredFacilities];
  const n = b.lonLat.length / 2;
  if (a.lonLat.length !== b.lonLat.length || n <= perPart || a.textsJson !== b.textsJson) return null;
  // Compared bit for bit (-0 and 0 are different coordinates to store).
  const bitsA = new Uint32Array(a.lonLat.buffer, a.lonLat.byteOffset, 2 * a.lonLat.length);
  const bitsB = new Uint32Array(b.lonLat.buffer, b.lonLat.byteOffset, 2 * b.lonLat.length);
  const records = storedFacilityRecords(b, perPart);
  const out: [string, () => unknown][] = [];
  for (let part = 0; part < records.length - 1; part++) {
    const to = Math.min(bitsB.length, (part + 1) * perPart * 4);
    for (let k = part * perPart * 4; k < to; k++) {
      if (bitsA[k] !== bitsB[k]) {
        out.push(records[part]);
        break;
      }
    }
  }
  return out;
}

/**
 * The facilities slice as stored (`head`, the `facilities` record) with the part records read
 * in the same transaction (`parts`, by key): a head of parts is joined into the one packed record
 * again; anything else is returned as it is. A missing or damaged part: the head is returned as it
 * is, so the project check refuses it and it is set aside.
 */
export function joinStoredFacilities(head: unknown, parts: ReadonlyMap<string, unknown>): unknown {
  if (typeof head !== 'object' || head === null || (head as { format?: unknown }).format !== PARTS_FORMAT) return head;
  const count = (head as PartsHead).parts;
  if (!Number.isInteger(count) || count < 1) return head;
  const pieces: StoredPart[] = [];
  for (let i = 0; i < count; i++) {
    const part = parts.get(PART_KEY_PREFIX + i) as StoredPart | undefined;
    if (typeof part !== 'object' || part === null || !(part.lonLat instanceof Float64Array) || typeof part.texts !== 'string') return head;
    pieces.push(part);
  }
  const lonLat = new Float64Array(pieces.reduce((s, x) => s + x.lonLat.length, 0));
  let at = 0;
  for (const x of pieces) {
    lonLat.set(x.lonLat, at);
    at += x.lonLat.length;
  }
  const packed: PackedStoredFacilities = { format: FORMAT, lonLat, textsJson: pieces.map((x) => x.texts).join('') };
  return packed;
}

/**
 * The facilities slice read back from storage (joinStoredFacilities, then fromStoredFacilities),
 * the record it was read from remembered as its stored form when it was packed: the first write
 * after a load (a drop) then neither packs the layer again nor rewrites every part.
 */
export function readStoredFacilities(head: unknown, parts: ReadonlyMap<string, unknown>): unknown {
  const packed = joinStoredFacilities(head, parts);
  const out = fromStoredFacilities(packed);
  if (out !== packed && Array.isArray(out)) rememberStoredForm(out as Facility[], packed as PackedStoredFacilities);
  return out;
}
