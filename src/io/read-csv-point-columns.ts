/**
 * A CSV of points read straight into columns (x, y, one value, the line of each row), streamed:
 * text is pushed in pieces as it is decoded, no row becomes an object, no Feature is made.
 *
 * It reads the plain case only — a header naming a coordinate pair (or the user's columns), one
 * delimiter in the header, no quotes, one kind of line end, every row with two numbers for its
 * coordinates and a number ≥ 0 in the value column (or blank throughout) — and gives up on
 * anything else (`{ ok: false, reason }`), so the caller reads the file through the ordinary
 * importer (src/io/import-layer.ts), which names every problem by row and field exactly as it
 * always did. What it accepts, it reads exactly as readTableRows + the population reader would.
 */
import { detectCoordinateColumns, headerAxis, type CsvColumns } from './csv-columns.ts';
import { growableF64, growableI32 } from './growable-column.ts';
import type { RawLayer } from './raw-layer.ts';
import { DELIMITER_NAMES, headerDelimiter, isNumericText, uniqueHeaders } from './read-csv.ts';
import { plainNumber } from './plain-number.ts';
import { resolveFields } from './readers/fields.ts';
import { Utf8Check } from './utf8-check.ts';

export interface RawPointColumns {
  /** The coordinates as written (the file's CRS, not yet checked or converted). */
  x: Float64Array;
  y: Float64Array;
  /** The value column's numbers (e.g. residents). */
  value: Float64Array;
  /** The 1-based line of each point (CSV); absent: point i is the file's feature i (GeoJSON). */
  rows?: Int32Array;
  /** The header the value was read from. */
  valueField: string;
  declared: RawLayer['declared'];
  details: Record<string, string>;
}

export type PointColumnsRead = { ok: true; value: RawPointColumns } | { ok: false; reason: string };

/** Push-based: `push(text)` for each decoded piece in order, then `end()`. */
export class CsvPointColumnsParser {
  readonly #valueNames: readonly string[];
  readonly #columns: CsvColumns | undefined;
  readonly #sizeHint: number;
  #carry = '';
  #line = 0;
  #failed: string | null = null;
  #delimiter = '';
  #at: { x: number; y: number; v: number; need: number } | null = null;
  #crlf: boolean | null = null;
  #header: Omit<RawPointColumns, 'x' | 'y' | 'value' | 'rows'> | null = null;
  #charsRead = 0;
  #estimated = false;
  readonly #x = growableF64();
  readonly #y = growableF64();
  readonly #v = growableF64();
  readonly #rows = growableI32();
  /** pushBytes: the delimiter's byte, the part of a line left at the end of each piece, and a decoder for odd lines. */
  #delimiterByte = -1;
  #carryBytes: Uint8Array[] = [];
  #lineDecoder: TextDecoder | null = null;

  /** `valueNames`: the accepted headers of the value column; `sizeHint`: the file's bytes, to size the columns once. */
  constructor(valueNames: readonly string[], columns?: CsvColumns, sizeHint = 0) {
    this.#valueNames = valueNames;
    this.#columns = columns;
    this.#sizeHint = sizeHint;
  }

  /** False once the file is found to need the ordinary reader (nothing more is read then). */
  push(text: string): boolean {
    if (this.#failed) return false;
    const all = this.#carry + text;
    const last = all.lastIndexOf('\n');
    if (last < 0) {
      this.#carry = all;
      return true;
    }
    this.#carry = all.slice(last + 1);
    this.#lines(all, last);
    this.#read(text.length);
    return this.#failed === null;
  }

  /**
   * UTF-8 bytes in order (instead of push, never both), checked to be UTF-8 by the caller. A row of
   * plain numbers (plain-number.ts) is read from its bytes, with no string made for the row or its
   * fields; any other row is decoded alone and read as text, exactly as push would.
   */
  pushBytes(bytes: Uint8Array): boolean {
    if (this.#failed) return false;
    if (bytes.includes(0x22)) {
      this.#fail('quotes');
      return false;
    }
    let pos = 0;
    if (this.#carryBytes.length) {
      const nl = bytes.indexOf(0x0a);
      if (nl < 0) {
        if (bytes.length) this.#carryBytes.push(bytes.slice());
        return true;
      }
      const parts = [...this.#carryBytes, bytes.subarray(0, nl)];
      const line = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        line.set(p, at);
        at += p.length;
      }
      this.#carryBytes = [];
      this.#lineBytes(line, 0, line.length);
      pos = nl + 1;
    }
    for (let nl = bytes.indexOf(0x0a, pos); nl >= 0 && !this.#failed; nl = bytes.indexOf(0x0a, pos)) {
      this.#lineBytes(bytes, pos, nl);
      pos = nl + 1;
    }
    if (pos < bytes.length) this.#carryBytes.push(bytes.slice(pos));
    this.#read(bytes.length);
    return this.#failed === null;
  }

  /** `count` more characters (push) or bytes (pushBytes) read: size the columns once from the first rows. */
  #read(count: number): void {
    this.#charsRead += count;
    if (!this.#estimated && this.#sizeHint > 0 && this.#x.length >= 1000) {
      // Size the columns once from the first rows' length (bytes ≈ characters for number tables).
      this.#estimated = true;
      const perRow = this.#charsRead / this.#x.length;
      const n = Math.ceil((this.#sizeHint / perRow) * 1.05) + 64;
      for (const c of [this.#x, this.#y, this.#v, this.#rows]) c.reserve(n);
    }
  }

  end(): PointColumnsRead {
    // The last line without its line end ends as the others do (a bare \n would make a CRLF file's lines mixed).
    if (!this.#failed && this.#carry !== '') {
      const last = this.#carry + (this.#crlf ? '\r\n' : '\n');
      this.#lines(last, last.length - 1);
    }
    if (!this.#failed && this.#carryBytes.length) this.pushBytes(this.#crlf ? new Uint8Array([0x0d, 0x0a]) : new Uint8Array([0x0a]));
    if (this.#failed) return { ok: false, reason: this.#failed };
    if (!this.#header) return { ok: false, reason: 'no header' };
    if (this.#x.length === 0) return { ok: false, reason: 'no rows' };
    return { ok: true, value: { ...this.#header, x: this.#x.done(), y: this.#y.done(), value: this.#v.done(), rows: this.#rows.done() } };
  }

  #fail(reason: string): void {
    this.#failed ??= reason;
  }

  /** The complete lines of `text` up to its newline at `last`. */
  #lines(text: string, last: number): void {
    if (text.includes('"')) return this.#fail('quotes');
    let start = 0;
    while (start <= last && !this.#failed) {
      const nl = text.indexOf('\n', start);
      let line = text.slice(start, nl);
      start = nl + 1;
      this.#line++;
      const cr = line.endsWith('\r');
      if (this.#crlf === null) this.#crlf = cr;
      else if (this.#crlf !== cr) return this.#fail('mixed line ends');
      if (cr) line = line.slice(0, -1);
      if (line.includes('\r')) return this.#fail('a lone carriage return');
      if (this.#header) this.#row(line);
      else this.#readHeader(line);
    }
  }

  /** Line `bytes[start … end)` (its newline at `end`), as #lines reads one. */
  #lineBytes(bytes: Uint8Array, start: number, end: number): void {
    this.#line++;
    const cr = end > start && bytes[end - 1] === 0x0d;
    if (this.#crlf === null) this.#crlf = cr;
    else if (this.#crlf !== cr) return this.#fail('mixed line ends');
    if (cr) end--;
    const at = this.#at;
    if (!at) {
      // A BOM opens the file (decodeText drops it): the header's first line, before any other.
      if (this.#line === 1 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
      const line = this.#decodeLine(bytes, start, end);
      if (line.includes('\r')) return this.#fail('a lone carriage return');
      this.#readHeader(line);
      if (this.#at) this.#delimiterByte = this.#delimiter.charCodeAt(0);
      return;
    }
    const d = this.#delimiterByte;
    let field = 0;
    let from = start;
    let x = NaN;
    let y = NaN;
    let v = NaN;
    for (let i = start; i <= end; i++) {
      const c = i < end ? bytes[i] : d;
      if (c === d) {
        if (field === at.x) x = plainNumber(bytes, from, i);
        else if (field === at.y) y = plainNumber(bytes, from, i);
        else if (field === at.v) v = plainNumber(bytes, from, i);
        field++;
        from = i + 1;
      } else if (c === 0x0d) return this.#fail('a lone carriage return');
    }
    // Anything but three plain numbers (a blank row, spaces, a long number, a problem…): as text.
    if (!(x === x && y === y && v >= 0)) return this.#row(this.#decodeLine(bytes, start, end));
    this.#x.push(x);
    this.#y.push(y);
    this.#v.push(v);
    this.#rows.push(this.#line);
  }

  /** One line's text; a U+FEFF inside the file is kept, as a decoder streaming the whole file keeps it. */
  #decodeLine(bytes: Uint8Array, start: number, end: number): string {
    this.#lineDecoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
    return this.#lineDecoder.decode(bytes.subarray(start, end));
  }

  #readHeader(line: string): void {
    const delimiter = headerDelimiter(line.replace(/^\uFEFF/, ''));
    if (!delimiter) return this.#fail('no delimiter in the header');
    this.#delimiter = delimiter;
    const { headers, renamed } = uniqueHeaders(line.replace(/^\uFEFF/, '').split(delimiter));
    if (renamed.length) return this.#fail('duplicate headers');
    const named = headers.filter((h) => h !== '');
    const cols = this.#columns;
    if (cols && !('lon' in cols)) return this.#fail('a WKT column');
    if (cols && (!headers.includes(cols.lon) || !headers.includes(cols.lat))) return this.#fail('a chosen column is missing');
    const pair = cols ? { ...cols, crs: headerAxis(cols.lon)?.crs ?? null } : detectCoordinateColumns(named);
    if (!pair) return this.#fail('no coordinate columns');
    const others = named.filter((h) => h !== pair.lon && h !== pair.lat);
    // An `id` column makes duplicate ids an error, which only the ordinary reader checks.
    if (others.includes('id')) return this.#fail('an id column');
    const valueField = resolveFields(others, { value: this.#valueNames }).value;
    if (valueField === null) return this.#fail('no value column');
    const x = headers.indexOf(pair.lon);
    const y = headers.indexOf(pair.lat);
    const v = headers.indexOf(valueField);
    this.#at = { x, y, v, need: Math.max(x, y, v) };
    this.#header = {
      valueField,
      declared: pair.crs ? { crs: { id: pair.crs }, source: 'column-name' } : null,
      details: { delimiter: DELIMITER_NAMES[delimiter] ?? delimiter, lonColumn: pair.lon, latColumn: pair.lat },
    };
  }

  #row(line: string): void {
    const at = this.#at;
    if (!at) return;
    const f = line.split(this.#delimiter);
    const xs = f[at.x];
    const ys = f[at.y];
    if (xs === undefined || ys === undefined || !isNumericText(xs) || !isNumericText(ys)) {
      // A row of blanks is skipped, as the ordinary reader does; anything else is a problem it names.
      if (f.every((s) => s.trim() === '')) return;
      return this.#fail(`line ${this.#line}: coordinates`);
    }
    const vs = f[at.v];
    if (vs === undefined || !isNumericText(vs)) return this.#fail(`line ${this.#line}: value`);
    const v = Number(vs);
    if (!(v >= 0) || !Number.isFinite(v)) return this.#fail(`line ${this.#line}: value`);
    this.#x.push(Number(xs));
    this.#y.push(Number(ys));
    this.#v.push(v);
    this.#rows.push(this.#line);
  }
}

/** Bytes in pieces (a Node stream, `File.stream()`, an array of chunks). */
export type ByteChunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Parse a CSV of points from its bytes in pieces: as UTF-8 read straight from the bytes (a BOM is
 * dropped) while every piece checks out as strict UTF-8 (utf8-check.ts: what decodeText's strict
 * decoder accepts), and when one does not, the file is read again from `open()` as GB18030 text (as
 * decodeText does for a whole file). UTF-16 files go to the ordinary reader. `encoding` is the one used.
 */
export async function readCsvPointColumns(open: () => ByteChunks, valueNames: readonly string[], columns?: CsvColumns, sizeHint = 0): Promise<(PointColumnsRead & { encoding: string }) | { ok: false; reason: string }> {
  const utf8 = new CsvPointColumnsParser(valueNames, columns, sizeHint);
  const check = new Utf8Check();
  let first = true;
  let strict = true;
  let notUtf8 = false;
  for await (const chunk of open()) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) return { ok: false, reason: 'UTF-16' };
      // A UTF-8 BOM decides the encoding (decodeText: not strict then, and nothing is invalid).
      strict = !(chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf);
    }
    if (strict && !check.push(chunk)) {
      notUtf8 = true;
      break;
    }
    if (!utf8.pushBytes(chunk)) break;
  }
  if (!notUtf8 && !(strict && !check.end())) {
    const r = utf8.end();
    return r.ok ? { ...r, encoding: 'utf-8' } : r;
  }
  const parser = new CsvPointColumnsParser(valueNames, columns, sizeHint);
  const decoder = new TextDecoder('gb18030');
  for await (const chunk of open()) if (!parser.push(decoder.decode(chunk, { stream: true }))) break;
  parser.push(decoder.decode());
  const r = parser.end();
  return r.ok ? { ...r, encoding: 'gb18030' } : r;
}
