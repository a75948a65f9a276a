/**
 * A CSV of points read into coordinate columns plus the text of a few named fields (a facility's
 * id, name, category), streamed: decoded text is pushed in pieces, no row becomes a Feature.
 *
 * The plain case only, as read-csv-point-columns.ts: a header naming a coordinate pair (or the
 * user's columns), one delimiter, no quotes, one kind of line end, every row with two numbers for
 * its coordinates. Anything else gives up (`{ ok: false, reason }`) and the caller reads the file
 * through the ordinary importer, which names every problem by row and field. The fields' values
 * come out as readTableRows makes a row's properties: the text as written, or a number when the
 * whole column is numbers, or null for a missing cell.
 */
import type { CsvColumns } from './csv-columns.ts';
import { CsvPointLines, pointHeader } from './csv-point-lines.ts';
import { growableF64, growableI32 } from './growable-column.ts';
import type { RawLayer } from './raw-layer.ts';
import { isNumericText } from './read-csv.ts';
import type { ByteChunks } from './read-csv-point-columns.ts';
import { plainNumber } from './plain-number.ts';
import { resolveFields } from './readers/fields.ts';
import { Utf8Check } from './utf8-check.ts';

export type FieldValue = string | number | null;

export interface RawTextColumns<K extends string> {
  /** The coordinates as written (the file's CRS). */
  x: Float64Array;
  y: Float64Array;
  /** The 1-based line of each point. */
  rows: Int32Array;
  /** Each field's header (null: none of its names is there) and its value at point i. */
  keys: Record<K, string | null>;
  values: Record<K, (i: number) => FieldValue>;
  /** The header's columns other than the coordinates, in order (the layer's property keys). */
  others: string[];
  declared: RawLayer['declared'];
  details: Record<string, string>;
}

export type TextColumnsRead<K extends string> = { ok: true; value: RawTextColumns<K>; encoding: string } | { ok: false; reason: string };

const isBlank = (v: string) => v.trim() === '';

/** Cells per block of a text column. */
const BLOCK = 4096;

/** Decodes a block's UTF-8 (checked by the caller) or one line; a U+FEFF inside the file is kept, as a decoder streaming the whole file keeps it. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * One field's cells as written, kept in flat blocks of BLOCK cells joined into one string each: a
 * cell split from a row would otherwise keep its whole row (and the decoded piece the row came
 * from) alive, hundreds of MiB for a large file. Read from bytes (`pushBytes`), a block's cells
 * are copied as UTF-8 into one buffer and decoded once when the block is full: no string per cell.
 */
class TextColumn {
  readonly blocks: string[] = [];
  #pending: string[] = [];
  /** Byte mode: the block's cells as UTF-8, `#byteLength` of them used. */
  #bytes: Uint8Array | null;
  #byteLength = 0;
  /** Where the block's last cell ends, in UTF-16 code units (string indices). */
  #at = 0;
  /** Per cell: where it ends in its block; -(end + 1) for a missing cell. */
  readonly ends = growableI32();
  numeric = true;
  filled = false;
  constructor(
    readonly at: number,
    bytes: boolean,
  ) {
    this.#bytes = bytes ? new Uint8Array(1 << 16) : null;
  }

  push(v: string | undefined): void {
    if (v === undefined) this.ends.push(-this.#at - 1);
    else {
      if (this.#bytes) {
        this.#room(v.length * 3);
        this.#byteLength += encoder.encodeInto(v, this.#bytes.subarray(this.#byteLength)).written;
      } else this.#pending.push(v);
      this.#see(v);
      this.#at += v.length;
      this.ends.push(this.#at);
    }
    if (this.ends.length % BLOCK === 0) this.flush();
  }

  /** The cell `bytes[start … end)` (UTF-8), in byte mode. */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    this.#room(end - start);
    const block = this.#bytes as Uint8Array;
    let units = 0;
    for (let i = start, j = this.#byteLength; i < end; i++, j++) {
      const c = bytes[i];
      block[j] = c;
      // One UTF-16 unit per character, two from a 4-byte sequence (a surrogate pair); none per continuation byte.
      if (c < 0x80 || c >= 0xc0) units += c >= 0xf0 ? 2 : 1;
    }
    this.#byteLength += end - start;
    // Whether the column is filled and numbers only: asked of the cell's text until both are known.
    if (!this.filled || this.numeric) this.#see(utf8.decode(bytes.subarray(start, end)));
    this.#at += units;
    this.ends.push(this.#at);
    if (this.ends.length % BLOCK === 0) this.flush();
  }

  #see(v: string): void {
    if (!isBlank(v)) {
      this.filled = true;
      if (this.numeric && !isNumericText(v)) this.numeric = false;
    }
  }

  #room(n: number): void {
    const b = this.#bytes as Uint8Array;
    if (this.#byteLength + n <= b.length) return;
    const next = new Uint8Array(Math.max(b.length * 2, this.#byteLength + n));
    next.set(b.subarray(0, this.#byteLength));
    this.#bytes = next;
  }

  flush(): void {
    if (this.#bytes) {
      this.blocks.push(utf8.decode(this.#bytes.subarray(0, this.#byteLength)));
      this.#byteLength = 0;
    } else {
      this.blocks.push(this.#pending.join(''));
      this.#pending = [];
    }
    this.#at = 0;
  }

  /** Cell i as readTableRows makes its property (call after the last push and flush). */
  value(i: number): FieldValue {
    const e = this.ends.get(i);
    if (e < 0) return null;
    const p = i % BLOCK === 0 ? 0 : this.ends.get(i - 1);
    const v = this.blocks[Math.floor(i / BLOCK)].slice(p < 0 ? -p - 1 : p, e);
    return this.numeric && this.filled ? (isBlank(v) ? null : Number(v)) : v;
  }
}

/**
 * Push-based: `push(text)` for each decoded piece in order, or `pushBytes(bytes)` for UTF-8 bytes,
 * checked to be UTF-8 by the caller: each row is then scanned for its delimiters, the coordinates
 * are read from their bytes (plain-number.ts) and the fields' cells copied as bytes into their
 * columns' blocks, with no string made for the row or a cell. A row whose coordinates are not plain
 * numbers is decoded alone and read as push would. Then `end()`.
 */
export class CsvTextColumnsParser<K extends string> extends CsvPointLines {
  readonly #fields: Readonly<Record<K, readonly string[]>>;
  readonly #columns: CsvColumns | undefined;
  #delimiter = '';
  #at: { x: number; y: number } | null = null;
  #head: Omit<RawTextColumns<K>, 'x' | 'y' | 'rows' | 'values'> | null = null;
  /** Per field: its column's cells as written. */
  #cols: { key: K; column: TextColumn }[] = [];
  readonly #x = growableF64();
  readonly #y = growableF64();
  readonly #rows = growableI32();
  /** pushBytes: the delimiter's byte. */
  #delimiterByte = -1;

  constructor(fields: Readonly<Record<K, readonly string[]>>, columns?: CsvColumns) {
    super();
    this.#fields = fields;
    this.#columns = columns;
  }

  end(): { ok: true; value: RawTextColumns<K> } | { ok: false; reason: string } {
    this.endLines();
    if (this.failed) return { ok: false, reason: this.failed };
    if (!this.#head) return { ok: false, reason: 'no header' };
    if (this.#x.length === 0) return { ok: false, reason: 'no rows' };
    const values = {} as Record<K, (i: number) => FieldValue>;
    for (const k of Object.keys(this.#fields) as K[]) values[k] = () => null;
    for (const { key, column } of this.#cols) {
      if (column.ends.length % BLOCK !== 0) column.flush();
      values[key] = (i) => column.value(i);
    }
    return { ok: true, value: { ...this.#head, x: this.#x.done(), y: this.#y.done(), rows: this.#rows.done(), values } };
  }

  protected textLine(line: string): void {
    if (this.#head) this.#row(line);
    else this.#readHeader(line);
  }

  protected byteLine(bytes: Uint8Array, start: number, end: number): void {
    const at = this.#at;
    if (!at) {
      const line = utf8.decode(bytes.subarray(start, end));
      if (line.includes('\r')) return this.fail('a lone carriage return');
      this.#readHeader(line);
      this.#delimiterByte = this.#delimiter.charCodeAt(0);
      return;
    }
    const n = this.scanFields(bytes, start, end, this.#delimiterByte);
    if (n === 0) return;
    const starts = this.starts;
    const x = at.x < n ? plainNumber(bytes, starts[at.x], this.fieldEnd(at.x, n, end)) : NaN;
    const y = at.y < n ? plainNumber(bytes, starts[at.y], this.fieldEnd(at.y, n, end)) : NaN;
    // Coordinates that are not plain numbers (a blank row, spaces, an exponent, a problem…): as text.
    if (!(x === x && y === y)) return this.#row(utf8.decode(bytes.subarray(start, end)));
    for (const { column } of this.#cols) {
      if (column.at < n) column.pushBytes(bytes, starts[column.at], this.fieldEnd(column.at, n, end));
      else column.push(undefined);
    }
    this.#x.push(x);
    this.#y.push(y);
    this.#rows.push(this.line);
  }

  #readHeader(line: string): void {
    const head = pointHeader(line, this.#columns);
    if ('reason' in head) return this.fail(head.reason);
    const keys = resolveFields(head.others, this.#fields);
    this.#delimiter = head.delimiter;
    this.#at = { x: head.x, y: head.y };
    this.#cols = (Object.keys(keys) as K[]).flatMap((key) => (keys[key] === null ? [] : [{ key, column: new TextColumn(head.headers.indexOf(keys[key] as string), this.fromBytes) }]));
    this.#head = { keys, others: head.others, declared: head.declared, details: head.details };
  }

  #row(line: string): void {
    const at = this.#at;
    if (!at) return;
    const f = line.split(this.#delimiter);
    const xs = f[at.x];
    const ys = f[at.y];
    if (xs === undefined || ys === undefined || !isNumericText(xs) || !isNumericText(ys)) {
      // A row of blanks is skipped, as the ordinary reader does; anything else is a problem it names.
      if (f.every((s) => isBlank(s))) return;
      return this.fail(`line ${this.line}: coordinates`);
    }
    for (const { column } of this.#cols) column.push(f[column.at]);
    this.#x.push(Number(xs));
    this.#y.push(Number(ys));
    this.#rows.push(this.line);
  }
}

/**
 * Read a CSV's bytes in pieces as UTF-8 straight from the bytes (pushBytes) while every piece
 * checks out as strict UTF-8 (utf8-check.ts: what a fatal decoder accepts); a file opening with a
 * UTF-8 BOM is decoded as it streams, not strictly (as decodeText). When the bytes are not UTF-8,
 * the file is read again from `open()` as GB18030 text. UTF-16 goes to the ordinary reader.
 */
export async function readCsvTextColumns<K extends string>(open: () => ByteChunks, fields: Readonly<Record<K, readonly string[]>>, columns?: CsvColumns): Promise<TextColumnsRead<K>> {
  let parser = new CsvTextColumnsParser(fields, columns);
  const check = new Utf8Check();
  let decoder: TextDecoder | null = null;
  let first = true;
  let notUtf8 = false;
  for await (const chunk of open()) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) return { ok: false, reason: 'UTF-16' };
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) decoder = new TextDecoder('utf-8');
    }
    if (decoder) {
      if (!parser.push(decoder.decode(chunk, { stream: true }))) break;
      continue;
    }
    if (!check.push(chunk)) {
      notUtf8 = true;
      break;
    }
    if (!parser.pushBytes(chunk)) break;
  }
  if (decoder) parser.push(decoder.decode());
  if (!notUtf8 && (decoder || check.end())) {
    const r = parser.end();
    return r.ok ? { ...r, encoding: 'utf-8' } : r;
  }
  parser = new CsvTextColumnsParser(fields, columns);
  const gb = new TextDecoder('gb18030');
  for await (const chunk of open()) if (!parser.push(gb.decode(chunk, { stream: true }))) break;
  parser.push(gb.decode());
  const r = parser.end();
  return r.ok ? { ...r, encoding: 'gb18030' } : r;
}
