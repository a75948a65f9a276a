/**
 * What the two streamed CSV point readers (read-csv-point-columns.ts: population,
 * read-csv-text-columns.ts: facilities) share: cutting decoded text or UTF-8 bytes into lines, one
 * kind of line end, no quotes, no lone carriage return (anything else gives up with a reason, and
 * the caller reads the file through the ordinary importer); a byte row's delimiters; the header's
 * delimiter and coordinate pair.
 */
import { detectCoordinateColumns, headerAxis, type CsvColumns } from './csv-columns.ts';
import type { RawLayer } from './raw-layer.ts';
import { DELIMITER_NAMES, headerDelimiter, uniqueHeaders } from './read-csv.ts';

/**
 * Lines in order, pushed as decoded text (`push`) or as UTF-8 bytes (`pushBytes`), never both; a
 * subclass reads each line (`textLine` / `byteLine`, `line` its 1-based number) and `fail`s when
 * the file needs the ordinary reader. Call `endLines()` once at the end of the input.
 */
export abstract class CsvPointLines {
  /** The current line's 1-based number. */
  protected line = 0;
  protected failed: string | null = null;
  /** Whether the lines came as bytes. */
  protected fromBytes = false;
  #carry = '';
  #crlf: boolean | null = null;
  /** The part of a line left at the end of each piece of bytes. */
  #carryBytes: Uint8Array[] = [];
  /** Where each field of the last row scanned (`scanFields`) starts. */
  protected starts = new Int32Array(64);

  /** A line without its line end and with no carriage return in it. */
  protected abstract textLine(line: string): void;
  /** Line `bytes[start … end)` without its line end (a lone carriage return in it is for the subclass to find). */
  protected abstract byteLine(bytes: Uint8Array, start: number, end: number): void;
  /** `count` more characters (push) or bytes (pushBytes) read, after a piece with a line end. */
  protected piece(_count: number): void {}

  protected fail(reason: string): void {
    this.failed ??= reason;
  }

  /** False once the file is found to need the ordinary reader (nothing more is read then). */
  push(text: string): boolean {
    if (this.failed) return false;
    const all = this.#carry + text;
    const last = all.lastIndexOf('\n');
    if (last < 0) {
      this.#carry = all;
      return true;
    }
    this.#carry = all.slice(last + 1);
    this.#lines(all, last);
    this.piece(text.length);
    return this.failed === null;
  }

  /** UTF-8 bytes in order (instead of push, never both), checked to be UTF-8 by the caller. */
  pushBytes(bytes: Uint8Array): boolean {
    if (this.failed) return false;
    this.fromBytes = true;
    if (bytes.includes(0x22)) {
      this.fail('quotes');
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
    for (let nl = bytes.indexOf(0x0a, pos); nl >= 0 && !this.failed; nl = bytes.indexOf(0x0a, pos)) {
      this.#lineBytes(bytes, pos, nl);
      pos = nl + 1;
    }
    if (pos < bytes.length && !this.failed) this.#carryBytes.push(bytes.slice(pos));
    this.piece(bytes.length);
    return this.failed === null;
  }

  /** The end of the input: a last line without its line end ends as the others do (a bare LF would make a CRLF file's lines mixed). */
  protected endLines(): void {
    if (!this.failed && this.#carryBytes.length) this.pushBytes(this.#crlf ? new Uint8Array([0x0d, 0x0a]) : new Uint8Array([0x0a]));
    if (!this.failed && this.#carry !== '') {
      const last = this.#carry + (this.#crlf ? '\r\n' : '\n');
      this.#lines(last, last.length - 1);
    }
  }

  /** The complete lines of `text` up to its newline at `last`. */
  #lines(text: string, last: number): void {
    if (text.includes('"')) return this.fail('quotes');
    let start = 0;
    while (start <= last && !this.failed) {
      const nl = text.indexOf('\n', start);
      let line = text.slice(start, nl);
      start = nl + 1;
      this.line++;
      const cr = line.endsWith('\r');
      if (this.#crlf === null) this.#crlf = cr;
      else if (this.#crlf !== cr) return this.fail('mixed line ends');
      if (cr) line = line.slice(0, -1);
      if (line.includes('\r')) return this.fail('a lone carriage return');
      this.textLine(line);
    }
  }

  /** Line `bytes[start … end)` (its newline at `end`), as #lines reads one. */
  #lineBytes(bytes: Uint8Array, start: number, end: number): void {
    this.line++;
    const cr = end > start && bytes[end - 1] === 0x0d;
    if (this.#crlf === null) this.#crlf = cr;
    else if (this.#crlf !== cr) return this.fail('mixed line ends');
    this.byteLine(bytes, start, cr ? end - 1 : end);
  }

  /**
   * The fields of row `bytes[start … end)` split at delimiter byte `d`: field k is
   * `bytes[starts[k] … fieldEnd(k, n, end))`. Returns how many (fails and returns 0 at a lone carriage return).
   */
  protected scanFields(bytes: Uint8Array, start: number, end: number, d: number): number {
    let starts = this.starts;
    let n = 0;
    starts[n++] = start;
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c === d) {
        if (n === starts.length) {
          const next = new Int32Array(n * 2);
          next.set(starts);
          this.starts = starts = next;
        }
        starts[n++] = i + 1;
      } else if (c === 0x0d) {
        this.fail('a lone carriage return');
        return 0;
      }
    }
    return n;
  }

  /** Where field k of the last row scanned ends (`n` fields, the row ending at `end`). */
  protected fieldEnd(k: number, n: number, end: number): number {
    return k + 1 < n ? this.starts[k + 1] - 1 : end;
  }
}

export interface PointHeader {
  delimiter: string;
  /** The header's cells (made unique), in order. */
  headers: string[];
  /** The coordinate columns' indices. */
  x: number;
  y: number;
  /** The named columns other than the coordinates, in order. */
  others: string[];
  declared: RawLayer['declared'];
  details: Record<string, string>;
}

/**
 * The header line (a leading U+FEFF dropped) of a plain table of points: one delimiter, unique
 * names, a coordinate pair named or chosen (`columns`); otherwise the reason to give up.
 */
export function pointHeader(line: string, columns: CsvColumns | undefined): PointHeader | { reason: string } {
  const text = line.replace(/^\uFEFF/, '');
  const delimiter = headerDelimiter(text);
  if (!delimiter) return { reason: 'no delimiter in the header' };
  const { headers, renamed } = uniqueHeaders(text.split(delimiter));
  if (renamed.length) return { reason: 'duplicate headers' };
  const named = headers.filter((h) => h !== '');
  if (columns && !('lon' in columns)) return { reason: 'a WKT column' };
  if (columns && (!headers.includes(columns.lon) || !headers.includes(columns.lat))) return { reason: 'a chosen column is missing' };
  const pair = columns ? { ...columns, crs: headerAxis(columns.lon)?.crs ?? null } : detectCoordinateColumns(named);
  if (!pair) return { reason: 'no coordinate columns' };
  return {
    delimiter,
    headers,
    x: headers.indexOf(pair.lon),
    y: headers.indexOf(pair.lat),
    others: named.filter((h) => h !== pair.lon && h !== pair.lat),
    declared: pair.crs ? { crs: { id: pair.crs }, source: 'column-name' } : null,
    details: { delimiter: DELIMITER_NAMES[delimiter] ?? delimiter, lonColumn: pair.lon, latColumn: pair.lat },
  };
}
