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
import type { CsvColumns } from './csv-columns.ts';
import { CsvPointLines, pointHeader } from './csv-point-lines.ts';
import type { CountArray } from '../domain/population.ts';
import { growableCount, growableF64, growableI32 } from './growable-column.ts';
import type { RawLayer } from './raw-layer.ts';
import { isNumericText } from './read-csv.ts';
import { plainNumber } from './plain-number.ts';
import { resolveFields } from './readers/fields.ts';
import { Utf8Check } from './utf8-check.ts';

export interface RawPointColumns {
  /** The coordinates as written (the file's CRS, not yet checked or converted). */
  x: Float64Array;
  y: Float64Array;
  /** The value column's numbers (e.g. residents), in the narrowest array that holds them exactly (growableCount). */
  value: CountArray;
  /** The 1-based line of each point (CSV); absent: point i is on line `firstRow + i`, or without `firstRow` the file's feature i (GeoJSON). */
  rows?: Int32Array;
  /** Without `rows`: the line of the first point, when every point is on the line after the one before (no array of n lines then). */
  firstRow?: number;
  /** The header the value was read from. */
  valueField: string;
  declared: RawLayer['declared'];
  details: Record<string, string>;
}

export type PointColumnsRead = { ok: true; value: RawPointColumns } | { ok: false; reason: string };

/** Push-based: `push(text)` (or `pushBytes(bytes)`) for each piece in order, then `end()`. */
export class CsvPointColumnsParser extends CsvPointLines {
  readonly #valueNames: readonly string[];
  readonly #columns: CsvColumns | undefined;
  readonly #sizeHint: number;
  #delimiter = '';
  #at: { x: number; y: number; v: number } | null = null;
  #header: Omit<RawPointColumns, 'x' | 'y' | 'value' | 'rows' | 'firstRow'> | null = null;
  #charsRead = 0;
  #estimated = false;
  readonly #x = growableF64();
  readonly #y = growableF64();
  readonly #v = growableCount();
  /** Each point's line, kept only from the first point not on the line after the one before (#firstRow + i until then). */
  #rows: ReturnType<typeof growableI32> | null = null;
  #firstRow = 0;
  /** pushBytes: the delimiter's byte, and a decoder for odd lines. */
  #delimiterByte = -1;
  #lineDecoder: TextDecoder | null = null;

  /** `valueNames`: the accepted headers of the value column; `sizeHint`: the file's bytes, to size the columns once. */
  constructor(valueNames: readonly string[], columns?: CsvColumns, sizeHint = 0) {
    super();
    this.#valueNames = valueNames;
    this.#columns = columns;
    this.#sizeHint = sizeHint;
  }

  /** `count` more characters (push) or bytes (pushBytes) read: size the columns once from the first rows. */
  protected override piece(count: number): void {
    this.#charsRead += count;
    if (!this.#estimated && this.#sizeHint > 0 && this.#x.length >= 1000) {
      // Size the columns once from the first rows' length (bytes ≈ characters for number tables).
      this.#estimated = true;
      const perRow = this.#charsRead / this.#x.length;
      const n = Math.ceil((this.#sizeHint / perRow) * 1.05) + 64;
      for (const c of [this.#x, this.#y, this.#v, this.#rows]) c?.reserve(n);
    }
  }

  end(): PointColumnsRead {
    this.endLines();
    if (this.failed) return { ok: false, reason: this.failed };
    if (!this.#header) return { ok: false, reason: 'no header' };
    if (this.#x.length === 0) return { ok: false, reason: 'no rows' };
    const lines = this.#rows ? { rows: this.#rows.done() } : { firstRow: this.#firstRow };
    return { ok: true, value: { ...this.#header, x: this.#x.done(), y: this.#y.done(), value: this.#v.done(), ...lines } };
  }

  protected textLine(line: string): void {
    if (this.#header) this.#row(line);
    else this.#readHeader(line);
  }

  /**
   * A row of plain numbers (plain-number.ts) is read from its bytes, with no string made for the
   * row or its fields; any other row is decoded alone and read as text, exactly as push would.
   */
  protected byteLine(bytes: Uint8Array, start: number, end: number): void {
    const at = this.#at;
    if (!at) {
      // A BOM opens the file (decodeText drops it): the header's first line, before any other.
      if (this.line === 1 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
      const line = this.#decodeLine(bytes, start, end);
      if (line.includes('\r')) return this.fail('a lone carriage return');
      this.#readHeader(line);
      if (this.#at) this.#delimiterByte = this.#delimiter.charCodeAt(0);
      return;
    }
    const n = this.scanFields(bytes, start, end, this.#delimiterByte);
    if (n === 0) return;
    const starts = this.starts;
    const x = at.x < n ? plainNumber(bytes, starts[at.x], this.fieldEnd(at.x, n, end)) : NaN;
    const y = at.y < n ? plainNumber(bytes, starts[at.y], this.fieldEnd(at.y, n, end)) : NaN;
    const v = at.v < n ? plainNumber(bytes, starts[at.v], this.fieldEnd(at.v, n, end)) : NaN;
    // Anything but three plain numbers (a blank row, spaces, a long number, a problem…): as text.
    if (!(x === x && y === y && v >= 0)) return this.#row(this.#decodeLine(bytes, start, end));
    this.#push(x, y, v);
  }

  #push(x: number, y: number, v: number): void {
    const i = this.#x.length;
    this.#x.push(x);
    this.#y.push(y);
    this.#v.push(v);
    if (i === 0) this.#firstRow = this.line;
    else if (!this.#rows && this.line !== this.#firstRow + i) {
      // A blank line or a skipped row: from here each point's line is kept.
      const rows = (this.#rows = growableI32(this.#x.length > 1000 ? this.#x.capacity : 1024));
      for (let k = 0; k < i; k++) rows.push(this.#firstRow + k);
    }
    this.#rows?.push(this.line);
  }

  /** One line's text; a U+FEFF inside the file is kept, as a decoder streaming the whole file keeps it. */
  #decodeLine(bytes: Uint8Array, start: number, end: number): string {
    this.#lineDecoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
    return this.#lineDecoder.decode(bytes.subarray(start, end));
  }

  #readHeader(line: string): void {
    const head = pointHeader(line, this.#columns);
    if ('reason' in head) return this.fail(head.reason);
    // An `id` column makes duplicate ids an error, which only the ordinary reader checks.
    if (head.others.includes('id')) return this.fail('an id column');
    const valueField = resolveFields(head.others, { value: this.#valueNames }).value;
    if (valueField === null) return this.fail('no value column');
    this.#delimiter = head.delimiter;
    this.#at = { x: head.x, y: head.y, v: head.headers.indexOf(valueField) };
    this.#header = { valueField, declared: head.declared, details: head.details };
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
      return this.fail(`line ${this.line}: coordinates`);
    }
    const vs = f[at.v];
    if (vs === undefined || !isNumericText(vs)) return this.fail(`line ${this.line}: value`);
    const v = Number(vs);
    if (!(v >= 0) || !Number.isFinite(v)) return this.fail(`line ${this.line}: value`);
    this.#push(Number(xs), Number(ys), v);
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
