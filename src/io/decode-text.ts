/**
 * Bytes → text for files whose encoding is not declared. Chinese GIS and spreadsheet exports are
 * UTF-8 or GBK/GB18030 (Excel's "CSV" on Chinese Windows): a BOM wins, then strict UTF-8 is tried,
 * and bytes that are not valid UTF-8 are read as GB18030 (a superset of GBK and GB2312).
 */

export type TextEncodingId = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decode with the encoding detected from a BOM or the content. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingId } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // Decoded once: strict UTF-8 gives the text itself; only bytes that are not UTF-8 are decoded again.
  const utf8 = strictUtf8(bytes);
  return utf8 !== null ? { text: utf8, encoding: 'utf-8' } : { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the bytes are valid UTF-8 (pure ASCII included). */
export function looksUtf8(bytes: Uint8Array): boolean {
  return strictUtf8(bytes) !== null;
}

/**
 * The encoding a Shapefile .cpg names (`UTF-8`, `GBK`, `936`, `ANSI 936`, `CP936`, `GB2312`…),
 * as a TextDecoder label; null when the label is unknown to this runtime.
 */
export function encodingFromCpg(cpg: string): TextEncodingId | 'gbk' | null {
  const label = cpg.trim().toLowerCase().replace(/^ansi\s*/, '').replace(/^cp/, '');
  if (label === '' ) return null;
  if (/^utf-?8$/.test(label) || label === '65001') return 'utf-8';
  if (label === '936' || label === 'gbk' || label === 'gb2312' || label === '20936') return 'gbk';
  if (label === 'gb18030' || label === '54936') return 'gb18030';
  return null;
}
