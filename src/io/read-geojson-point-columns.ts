/**
 * A GeoJSON FeatureCollection of points read straight into columns (x, y, one value), streamed:
 * bytes are pushed in pieces, each element of the top-level `features` array is parsed on its own
 * as soon as it is complete and reduced to three numbers, and the rest of the document (type, crs)
 * is parsed at the end with an empty `features`, as read-geojson-bytes.ts does with a whole file.
 *
 * It reads the plain case only — UTF-8 without a BOM, every feature exactly
 * `{"type":"Feature","properties":{…},"geometry":{"type":"Point","coordinates":[x,y]}}` with a
 * value ≥ 0 under the same accepted property name throughout, no `id`, a CRS Anju reads — and gives
 * up on anything else (`{ ok: false, reason }`), so the caller reads the file through the ordinary
 * importer, which names every problem by feature and field exactly as it always did.
 */
import { MAX_JSON_DEPTH, readGeoJsonObject } from './read-geojson.ts';
import { growableCount, growableF64 } from './growable-column.ts';
import type { PointColumnsRead } from './read-csv-point-columns.ts';
import { isBlank, numberOf, resolveFields } from './readers/fields.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COLON = 0x3a;
const FEATURES = new TextEncoder().encode('features');
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Instead of a value column: each feature's properties handed to `add` (facility-columns.ts keeps
 * a few fields of them); `keys` is called with every feature key seen so far whenever a new one
 * appears, and false gives up (the fields resolved over all keys must not change).
 */
export interface PropertiesSink {
  keys(all: readonly string[]): boolean;
  add(props: Record<string, unknown>): void;
}

/** Push-based: `push(bytes)` for each piece in order, then `end()`. */
export class GeoJsonPointColumnsParser {
  readonly #valueNames: readonly string[];
  readonly #sink: PropertiesSink | undefined;
  readonly #utf8 = new TextDecoder('utf-8', { fatal: true });
  #failed: string | null = null;
  /** 'head' before the features array, 'array' between its elements, 'element' in one, 'tail' after it. */
  #phase: 'start' | 'head' | 'array' | 'element' | 'tail' = 'start';
  #depth = 0;
  #inString = false;
  #escape = false;
  #head: Uint8Array[] = [];
  #tail: Uint8Array[] = [];
  #element: Uint8Array[] = [];
  /** Bytes of the depth-1 string being read in the head (to spot the `features` member). */
  #key: number[] | null = null;
  /** 1: `"features"` just ended at depth 1; 2: and its ':' came. */
  #afterKey = 0;
  #sawFeatures = false;
  #keys = new Set<string>();
  #keyOrder: string[] = [];
  #valueField: string | null = null;
  readonly #x = growableF64();
  readonly #y = growableF64();
  readonly #v = growableCount();

  constructor(valueNames: readonly string[], sizeHint = 0, sink?: PropertiesSink) {
    this.#valueNames = valueNames;
    this.#sink = sink;
    // A plain point feature takes at least ~90 bytes.
    if (sizeHint > 0) for (const c of sink ? [this.#x, this.#y] : [this.#x, this.#y, this.#v]) c.reserve(Math.ceil(sizeHint / 90));
  }

  #fail(reason: string): false {
    this.#failed ??= reason;
    return false;
  }

  /** False once the file is found to need the ordinary reader. */
  push(bytes: Uint8Array): boolean {
    if (this.#failed) return false;
    let from = 0;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (this.#phase === 'start') {
        if (isSpace(c)) continue;
        if (c !== OPEN_OBJ) return this.#fail('not an object');
        this.#phase = 'head';
      }
      if (this.#inString) {
        if (this.#escape) this.#escape = false;
        else if (c === BACKSLASH) this.#escape = true;
        else if (c === QUOTE) {
          this.#inString = false;
          if (this.#key) {
            const k = this.#key;
            this.#key = null;
            this.#afterKey = k.length === FEATURES.length && k.every((b, j) => b === FEATURES[j]) ? 1 : 0;
            continue;
          }
        }
        if (this.#key) this.#key.push(c);
        continue;
      }
      if (c === QUOTE) {
        if (this.#phase === 'array') return this.#fail('a string in features');
        this.#inString = true;
        if (this.#phase === 'head' && this.#depth === 1) this.#key = [];
        this.#afterKey = 0;
        continue;
      }
      if (isSpace(c)) continue;
      if (this.#phase === 'head' && this.#afterKey === 1 && c === COLON) {
        this.#afterKey = 2;
        continue;
      }
      const openingFeatures = this.#phase === 'head' && this.#afterKey === 2;
      this.#afterKey = 0;
      if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (++this.#depth > MAX_JSON_DEPTH) return this.#fail('nesting too deep');
        if (openingFeatures) {
          if (c !== OPEN_ARR) return this.#fail('features is not an array');
          if (this.#sawFeatures) return this.#fail('features twice');
          this.#sawFeatures = true;
          this.#head.push(bytes.slice(from, i + 1));
          this.#phase = 'array';
        } else if (this.#phase === 'array') {
          if (c !== OPEN_OBJ) return this.#fail('an element that is not an object');
          this.#phase = 'element';
          from = i;
        }
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        this.#depth--;
        if (this.#phase === 'element' && this.#depth === 2) {
          this.#element.push(bytes.subarray(from, i + 1));
          const ok = this.#feature(concat(this.#element));
          this.#element = [];
          if (!ok) return false;
          this.#phase = 'array';
        } else if (this.#phase === 'array' && this.#depth === 1) {
          this.#phase = 'tail';
          from = i;
        }
      } else if (this.#phase === 'array' && c !== 0x2c) return this.#fail('not an object in features');
    }
    if (this.#phase === 'head') this.#head.push(bytes.slice(from));
    else if (this.#phase === 'element') this.#element.push(bytes.slice(from));
    else if (this.#phase === 'tail') this.#tail.push(bytes.slice(from));
    return true;
  }

  /** One feature's bytes → three numbers, or give up. */
  #feature(bytes: Uint8Array): boolean {
    let f: unknown;
    try {
      f = JSON.parse(this.#utf8.decode(bytes));
    } catch {
      return this.#fail('not UTF-8 or not JSON');
    }
    const o = f as { type?: unknown; properties?: unknown; geometry?: { type?: unknown; coordinates?: unknown } };
    for (const k in o) if (k !== 'type' && k !== 'properties' && k !== 'geometry') return this.#fail(`a feature member ${k}`);
    if (o.type !== 'Feature') return this.#fail('not a Feature');
    const g = o.geometry;
    const p = o.properties;
    if (!g || typeof g !== 'object' || !p || typeof p !== 'object' || Array.isArray(p)) return this.#fail('geometry or properties');
    for (const k in g) if (k !== 'type' && k !== 'coordinates') return this.#fail(`a geometry member ${k}`);
    const c = g.coordinates;
    if (g.type !== 'Point' || !Array.isArray(c) || c.length !== 2) return this.#fail('not a plain Point');
    const [x, y] = c as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return this.#fail('coordinates');
    const props = p as Record<string, unknown>;
    if (!this.#sink && has(props, 'id')) return this.#fail('an id');
    let added = false;
    for (const k of Object.keys(props)) {
      if (this.#keys.has(k)) continue;
      this.#keys.add(k);
      this.#keyOrder.push(k);
      added = true;
    }
    if (this.#sink) {
      if (added && !this.#sink.keys(this.#keyOrder)) return this.#fail('the fields');
      this.#sink.add(props);
      this.#x.push(x);
      this.#y.push(y);
      return true;
    }
    if (added) {
      // The value's field is resolved over every feature's keys: a new key must not change it.
      const field = resolveFields(this.#keyOrder, { value: this.#valueNames }).value;
      if (field === null || (this.#valueField !== null && field !== this.#valueField)) return this.#fail('the value field');
      this.#valueField = field;
    }
    const field = this.#valueField as string;
    const raw = has(props, field) ? props[field] : undefined;
    if (isBlank(raw)) return this.#fail('a blank value');
    const v = numberOf(raw);
    if (v === null || v < 0) return this.#fail('a bad value');
    this.#x.push(x);
    this.#y.push(y);
    this.#v.push(v);
    return true;
  }

  end(): PointColumnsRead {
    if (this.#failed) return { ok: false, reason: this.#failed };
    if (this.#phase !== 'tail' || this.#depth !== 0 || this.#inString) return { ok: false, reason: 'incomplete' };
    if (this.#x.length === 0 || (this.#valueField === null && !this.#sink)) return { ok: false, reason: 'no features' };
    let doc: unknown;
    try {
      doc = JSON.parse(this.#utf8.decode(concat([...this.#head, ...this.#tail])));
    } catch {
      return { ok: false, reason: 'the document around features' };
    }
    const r = readGeoJsonObject(doc, '', 'utf-8');
    if (!r.ok || (doc as { type?: unknown }).type !== 'FeatureCollection' || r.value.features.length !== 0) return { ok: false, reason: 'not a FeatureCollection' };
    const declared = r.value.declared;
    if (declared && 'unsupported' in declared) return { ok: false, reason: 'a CRS Anju cannot read' };
    return { ok: true, value: { x: this.#x.done(), y: this.#y.done(), value: this.#v.done(), valueField: this.#valueField ?? '', declared, details: {} } };
  }
}
