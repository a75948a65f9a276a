/**
 * Whether a stream of bytes is UTF-8, checked piece by piece without decoding it: the same bytes a
 * fatal `TextDecoder('utf-8')` accepts (WHATWG Encoding: no overlong forms, no surrogates, nothing
 * above U+10FFFF; a sequence may be split between pieces). ASCII costs one comparison a byte.
 */
export class Utf8Check {
  #need = 0;
  #lo = 0x80;
  #hi = 0xbf;

  /** False once a byte of `bytes` cannot be UTF-8 (the stream is not, whatever follows). */
  push(bytes: Uint8Array): boolean {
    let need = this.#need;
    let lo = this.#lo;
    let hi = this.#hi;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (need === 0) {
        if (c < 0x80) continue;
        if (c >= 0xc2 && c <= 0xdf) need = 1;
        else if (c >= 0xe0 && c <= 0xef) {
          need = 2;
          if (c === 0xe0) lo = 0xa0;
          else if (c === 0xed) hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
          need = 3;
          if (c === 0xf0) lo = 0x90;
          else if (c === 0xf4) hi = 0x8f;
        } else return false;
      } else {
        if (c < lo || c > hi) return false;
        lo = 0x80;
        hi = 0xbf;
        need--;
      }
    }
    this.#need = need;
    this.#lo = lo;
    this.#hi = hi;
    return true;
  }

  /** False when the stream ended inside a sequence. */
  end(): boolean {
    return this.#need === 0;
  }
}
