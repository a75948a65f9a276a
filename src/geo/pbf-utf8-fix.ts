/**
 * pbf 5.1.2 (under @maplibre/vt-pbf, which writes our point tiles) joins a UTF-16 surrogate pair
 * with `| 0x10000` where `+ 0x10000` is meant, so every code point from U+20000 up (CJK Extension
 * B and later: 𠀀, 𡈽 … in Chinese place and person names) comes out of a tile as another character,
 * and a facility whose id holds one would not be found from a click. Until pbf is fixed, its string
 * writer is replaced with one through TextEncoder: the same bytes for every other string (a lone
 * surrogate becomes U+FFFD in both). Applied only when the installed pbf has the fault.
 */
import { PbfReader, PbfWriter } from 'pbf';

const encoder = new TextEncoder();

function writesAstralRight(): boolean {
  const w = new PbfWriter();
  w.writeString('\u{20000}');
  const bytes = w.finish();
  return new PbfReader(bytes).readString() === '\u{20000}';
}

let checked = false;

/** Make pbf's writer encode UTF-8 correctly (once; nothing when it already does). */
export function fixPbfUtf8(): void {
  if (checked) return;
  checked = true;
  if (writesAstralRight()) return;
  PbfWriter.prototype.writeString = function writeString(this: PbfWriter, str: string): void {
    const bytes = encoder.encode(String(str));
    this.writeVarint(bytes.length);
    this.realloc(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  };
}
