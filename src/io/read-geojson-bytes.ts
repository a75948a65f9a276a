/**
 * A large GeoJSON FeatureCollection read from its bytes one feature at a time: the bytes are
 * scanned once (strings and escapes respected, nesting depth counted), each element of the
 * top-level `features` array is decoded and parsed on its own, and the rest of the document (type,
 * crs, foreign members) is parsed with an empty `features`. The whole file never exists as one
 * string (115 MB of bytes would be 115–230 MB of text more) nor as one parse.
 * Anything unusual — not UTF-8, a BOM, a syntax error, nesting deeper than MAX_JSON_DEPTH, an
 * element that is not an object, `features` twice — returns null, and the caller reads the file
 * the ordinary way, which names the problem exactly as for a small file.
 */
import type { Checked } from '../domain/problem.ts';
import type { RawLayer } from './raw-layer.ts';
import { MAX_JSON_DEPTH, readGeoJsonObject } from './read-geojson.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const FEATURES = new TextEncoder().encode('"features"');

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function sameBytes(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

/** The index after the string starting at `at` (a quote), or -1 when it does not end. */
function stringEnd(bytes: Uint8Array, at: number): number {
  for (let i = at + 1; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

/** Read a FeatureCollection feature by feature; null when the ordinary reader should do it. */
export function readGeoJsonBytes(bytes: Uint8Array, file: string): Checked<RawLayer> | null {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const parse = (from: number, to: number): unknown => JSON.parse(utf8.decode(bytes.subarray(from, to)));
  let i = 0;
  while (i < bytes.length && isSpace(bytes[i])) i++;
  if (bytes[i] !== OPEN_OBJ) return null;
  let depth = 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  const features: unknown[] = [];
  try {
    for (; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === QUOTE) {
        const end = stringEnd(bytes, i);
        if (end < 0) return null;
        // A member name of the top-level object: is it "features", followed by ':' and '['?
        if (depth === 1 && end - i === FEATURES.length && sameBytes(bytes, i, FEATURES)) {
          let j = end;
          while (j < bytes.length && isSpace(bytes[j])) j++;
          if (bytes[j] === 0x3a) {
            if (arrayStart >= 0) return null; // "features" twice: JSON.parse keeps the last
            j++;
            while (j < bytes.length && isSpace(bytes[j])) j++;
            if (bytes[j] !== OPEN_ARR) return null;
            arrayStart = j;
            const after = readElements(bytes, j + 1, features, parse);
            if (after < 0) return null;
            arrayEnd = after;
            i = after - 1;
            continue;
          }
        }
        i = end - 1;
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (++depth > MAX_JSON_DEPTH) return null;
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) depth--;
    }
    if (arrayStart < 0) return null;
    // The document without its features: `{"type":"FeatureCollection","crs":…,"features":[]}`.
    const head = utf8.decode(bytes.subarray(0, arrayStart + 1)) + utf8.decode(bytes.subarray(arrayEnd - 1));
    const doc = JSON.parse(head) as { features?: unknown };
    if (!Array.isArray(doc.features) || doc.features.length !== 0) return null;
    doc.features = features;
    return readGeoJsonObject(doc, file, 'utf-8');
  } catch {
    return null;
  }
}

/**
 * Parse the elements of the array whose '[' is just before `from`, pushing each; the index after
 * its ']', or -1 for anything but objects, or nesting too deep.
 */
function readElements(bytes: Uint8Array, from: number, out: unknown[], parse: (a: number, b: number) => unknown): number {
  let i = from;
  for (;;) {
    while (i < bytes.length && (isSpace(bytes[i]) || bytes[i] === 0x2c)) i++;
    if (i >= bytes.length) return -1;
    if (bytes[i] === CLOSE_ARR) return i + 1;
    if (bytes[i] !== OPEN_OBJ) return -1;
    const start = i;
    let depth = 0;
    for (; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === QUOTE) {
        const end = stringEnd(bytes, i);
        if (end < 0) return -1;
        i = end - 1;
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        // The element sits at depth 2 of the document (object → features array).
        if (++depth + 2 > MAX_JSON_DEPTH) return -1;
      } else if ((c === CLOSE_OBJ || c === CLOSE_ARR) && --depth === 0) break;
    }
    if (i >= bytes.length) return -1;
    out.push(parse(start, i + 1));
    i++;
  }
}
