/**
 * Facilities read as columns: a CSV or GeoJSON of points through read-csv-text-columns.ts /
 * read-geojson-point-columns.ts and import-point-columns.ts, then the facilities reader's own rules
 * (FacilityMaker: ids, categories, names, notes) on each point, into FacilityColumns. Null when the
 * file needs the ordinary importer and facilitiesReader: another format, anything those would
 * name as a problem (a bad row, a duplicate `id`…) or a note beyond `outside-wenzhou` and the
 * reader's own, or ids that would not be unique in the project.
 * test/unit/io/facility-columns.test.ts checks both paths give the same facilities and notes.
 */
import type { Feature } from 'geojson';
import { facilityColumnBuffers, HAS_NAME, ILLUSTRATIVE, type FacilityColumns } from '../../domain/facility-columns.ts';
import type { Problem } from '../../domain/problem.ts';
import type { ImportOptions, ImportSummary } from '../import-result.ts';
import { importPointColumns } from '../import-point-columns.ts';
import type { ByteChunks } from '../read-csv-point-columns.ts';
import { readCsvTextColumns } from '../read-csv-text-columns.ts';
import { GeoJsonPointColumnsParser } from '../read-geojson-point-columns.ts';
import type { RawLayer } from '../raw-layer.ts';
import { resolveFields } from './fields.ts';
import { FACILITY_FIELDS, FacilityMaker, type FacilityKeys } from './facilities-reader.ts';

export type FacilityColumnsRead =
  | { ok: true; value: FacilityColumns; warnings: Problem[]; summary: ImportSummary; keys: string[] }
  | { ok: false; problems: Problem[]; summary: ImportSummary };

export { facilityColumnBuffers };

/** What both readers give: coordinates as written, the fields' raw values, the layer's property keys. */
interface RawFacilities {
  x: Float64Array;
  y: Float64Array;
  rows?: Int32Array;
  keys: FacilityKeys;
  /** Facility i's raw values. */
  id: (i: number) => unknown;
  name: (i: number) => unknown;
  category: (i: number) => unknown;
  /** The exact `id` property, when the layer has one (importLayer refuses its duplicates). */
  idProperty: ((i: number) => unknown) | null;
  illustrative: ((i: number) => unknown) | null;
  allKeys: string[];
  declared: RawLayer['declared'];
  details: Record<string, string>;
  encoding: string;
}

async function readCsv(open: () => ByteChunks, options: ImportOptions): Promise<RawFacilities | null> {
  const r = await readCsvTextColumns(open, { ...FACILITY_FIELDS, idProperty: ['id'] }, options.columns);
  if (!r.ok) return null;
  const { keys, values, others } = r.value;
  // `id` must be the column read as the id, written exactly so (resolveFields matches case-insensitively).
  const hasId = others.includes('id');
  if (hasId && (keys.id !== 'id' || keys.idProperty !== 'id')) return null;
  const { idProperty: _, ...facilityKeys } = keys;
  return { x: r.value.x, y: r.value.y, rows: r.value.rows, keys: facilityKeys, id: values.id, name: values.name, category: values.category, idProperty: hasId ? values.id : null, illustrative: null, allKeys: others, declared: r.value.declared, details: r.value.details, encoding: r.encoding };
}

async function readGeoJson(open: () => ByteChunks, sizeBytes: number): Promise<RawFacilities | null> {
  let keys: FacilityKeys | null = null;
  let allKeys: readonly string[] = [];
  const id: unknown[] = [];
  const name: unknown[] = [];
  const category: unknown[] = [];
  const idProperty: unknown[] = [];
  const illustrative: unknown[] = [];
  const own = (o: Record<string, unknown>, k: string | null) => (k !== null && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
  const parser = new GeoJsonPointColumnsParser([], sizeBytes, {
    keys(all) {
      allKeys = all;
      const next = resolveFields(all, FACILITY_FIELDS);
      // The ordinary reader resolves the fields over every feature's keys: a later key must not change them.
      if (keys && (next.id !== keys.id || next.name !== keys.name || next.category !== keys.category)) return false;
      keys = next;
      return true;
    },
    add(p) {
      // A first feature without properties fixes the fields as none (a later key then gives up).
      const k = (keys ??= resolveFields([], FACILITY_FIELDS));
      id.push(own(p, k.id));
      name.push(own(p, k.name));
      category.push(own(p, k.category));
      idProperty.push(own(p, 'id'));
      illustrative.push(own(p, 'illustrative'));
    },
  });
  for await (const chunk of open()) if (!parser.push(chunk)) break;
  const r = parser.end();
  if (!r.ok) return null;
  keys ??= resolveFields([], FACILITY_FIELDS);
  const at = (a: unknown[]) => (i: number) => a[i];
  return { x: r.value.x, y: r.value.y, keys, id: at(id), name: at(name), category: at(category), idProperty: allKeys.includes('id') ? at(idProperty) : null, illustrative: at(illustrative), allKeys: [...allKeys], declared: r.value.declared, details: r.value.details, encoding: 'utf-8' };
}

/** importLayer's key of a feature for its duplicate check (an `id` that is text or a finite number). */
const featureKey = (v: unknown) => (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : null);

/**
 * `open()` gives the file's bytes from the start each time it is called (a CSV that is not UTF-8
 * is read again as GB18030); `sizeBytes` sizes the columns once.
 */
export async function readFacilityColumns(open: () => ByteChunks, file: string, format: 'csv' | 'geojson', sizeBytes: number, options: ImportOptions = {}): Promise<FacilityColumnsRead | null> {
  const raw = format === 'csv' ? await readCsv(open, options) : await readGeoJson(open, sizeBytes);
  if (!raw) return null;
  const n = raw.x.length;
  if (raw.idProperty) {
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const k = featureKey(raw.idProperty(i));
      if (k === null) continue;
      if (seen.has(k)) return null;
      seen.add(k);
    }
  }
  const r = await importPointColumns({ x: raw.x, y: raw.y, value: new Float64Array(0), ...(raw.rows ? { rows: raw.rows } : {}), valueField: '', declared: raw.declared, details: raw.details }, file, format, raw.encoding, options);
  if (!r) return null;
  if (!r.ok) return r;
  const maker = new FacilityMaker(raw.keys);
  const rows = raw.rows;
  const texts = new TextBlocks();
  const ends = new Int32Array(2 * n);
  const flags = new Uint8Array(n);
  const category = new Int32Array(n);
  const codes = new Map<string, number>();
  const ids = new IdTable(n, (j) => texts.slice(j === 0 ? 0 : ends[2 * j - 1], ends[2 * j]));
  let at = 0;
  for (let i = 0; i < n; i++) {
    const m = maker.make({ id: raw.id(i), name: raw.name(i), category: raw.category(i), featureId: undefined, illustrative: raw.illustrative?.(i) }, rows ? { file, row: rows[i] } : { file, featureIndex: i }, i);
    // The reader's ids can still repeat (`a#2` written in the file and made for a second `a`): the project check names that.
    if (!ids.add(m.id, i)) return null;
    texts.push(m.id);
    at += m.id.length;
    ends[2 * i] = at;
    if (m.name !== null) {
      texts.push(m.name);
      at += m.name.length;
      flags[i] |= HAS_NAME;
    }
    ends[2 * i + 1] = at;
    if (m.illustrative) flags[i] |= ILLUSTRATIVE;
    let code = codes.get(m.category);
    if (code === undefined) codes.set(m.category, (code = codes.size));
    category[i] = code;
  }
  const { lon, lat } = r.value;
  const value: FacilityColumns = { kind: 'facility-columns', lon, lat, ...(rows ? { rows } : {}), texts: texts.done(), ends, flags, categories: [...codes.keys()], category };
  return { ok: true, value, warnings: [...r.warnings, ...maker.notes(file, n)], summary: r.summary, keys: raw.allKeys };
}

/**
 * Texts appended one after another, joined every 4,096 into one string: an array of a string per
 * id and name (and each string) would stay alive until the end, ~100 MiB for a million facilities.
 */
class TextBlocks {
  #blocks: string[] = [];
  #pending: string[] = [];
  /** Where each joined block starts in the whole. */
  #starts: number[] = [];
  #length = 0;
  #pendingAt = 0;

  push(t: string): void {
    this.#pending.push(t);
    this.#length += t.length;
    if (this.#pending.length === 4096) {
      this.#starts.push(this.#pendingAt);
      this.#blocks.push(this.#pending.join(''));
      this.#pending = [];
      this.#pendingAt = this.#length;
    }
  }

  /** The whole's characters [from, to), within one pushed text. */
  slice(from: number, to: number): string {
    if (from >= this.#pendingAt) return this.#pending.join('').slice(from - this.#pendingAt, to - this.#pendingAt);
    let k = this.#starts.length - 1;
    while (this.#starts[k] > from) k--;
    return this.#blocks[k].slice(from - this.#starts[k], to - this.#starts[k]);
  }

  done(): string {
    return this.#blocks.join('') + this.#pending.join('');
  }
}

/**
 * The ids seen so far, as a hash table of facility numbers (open addressing in typed arrays) instead
 * of a Set of a million strings; `idOf(j)` gives facility j's id back from the texts on a collision.
 */
class IdTable {
  readonly #slots: Int32Array;
  readonly #hashes: Int32Array;
  readonly #idOf: (j: number) => string;

  constructor(n: number, idOf: (j: number) => string) {
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#hashes = new Int32Array(size);
    this.#idOf = idOf;
  }

  /** False when `id` was added before; else add it as facility `i`'s. */
  add(id: string, i: number): boolean {
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
    const mask = this.#slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const j = this.#slots[s];
      if (j < 0) {
        this.#slots[s] = i;
        this.#hashes[s] = h;
        return true;
      }
      if (this.#hashes[s] === h && this.#idOf(j) === id) return false;
    }
  }
}

/** A feature with these property keys, for guessInputKind (which looks at keys and geometry only). */
export const keysFeature = (keys: readonly string[]): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: Object.fromEntries(keys.map((k) => [k, null])) });
