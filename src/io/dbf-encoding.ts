/**
 * The text encoding of a dBASE (.dbf) table, decided as GDAL users expect and said in the summary:
 * first the bytes of its text fields (valid multi-byte UTF-8 is UTF-8: Chinese in UTF-8 is not valid
 * GBK in practice, and GBK is not valid UTF-8), then the .cpg, then the header's language driver
 * (LDID, byte 29), else GB18030 (a superset of GBK), flagged as assumed. Labels are TextDecoder's.
 */
import { looksUtf8 } from './decode-text.ts';

export type EncodingSource = 'content' | 'cpg' | 'ldid' | 'default';

/** .cpg labels (ESRI, GDAL, Windows code page numbers) → TextDecoder labels. */
export function encodingFromCpgLabel(cpg: string): string | null {
  const raw = cpg.trim().toLowerCase().replace(/^ansi[\s_]*/, '').replace(/^(cp|windows-|ms)/, '').replace(/[\s_]/g, '-');
  if (raw === '') return null;
  if (/^utf-?8$/.test(raw) || raw === '65001') return 'utf-8';
  if (['936', 'gbk', 'gb2312', '20936', 'euc-cn'].includes(raw)) return 'gbk';
  if (['gb18030', '54936'].includes(raw)) return 'gb18030';
  if (['950', 'big5', 'big-5'].includes(raw)) return 'big5';
  if (['932', 'sjis', 'shift-jis', 'shiftjis'].includes(raw)) return 'shift_jis';
  if (['949', 'euc-kr', 'ks-c-5601'].includes(raw)) return 'euc-kr';
  if (/^125[0-8]$/.test(raw)) return `windows-${raw}`;
  if (raw === '874') return 'windows-874';
  if (raw === '866') return 'ibm866';
  if (['koi8-r', '20866'].includes(raw)) return 'koi8-r';
  const iso = /^(?:iso-?)?8859-?(\d{1,2})$/.exec(raw) ?? /^2859(\d)$/.exec(raw);
  if (iso && ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '13', '14', '15', '16'].includes(iso[1])) return iso[1] === '1' ? 'windows-1252' : `iso-8859-${iso[1]}`;
  if (/^2859[1-9]$/.test(raw)) return `iso-8859-${raw.slice(4)}`;
  return null;
}

/** dBASE language driver ids (LDID) whose code page TextDecoder knows. */
const LDID: Readonly<Record<number, string>> = {
  0x03: 'windows-1252',
  0x57: 'windows-1252', // ESRI's "ANSI" (ISO-8859-1 / 1252)
  0x58: 'windows-1252',
  0x59: 'windows-1252',
  0x13: 'shift_jis',
  0x7b: 'shift_jis',
  0x4d: 'gbk',
  0x7a: 'gbk',
  0x4e: 'euc-kr',
  0x79: 'euc-kr',
  0x4f: 'big5',
  0x78: 'big5',
  0x26: 'ibm866',
  0x65: 'ibm866',
  0xc8: 'windows-1250',
  0xc9: 'windows-1251',
  0xca: 'windows-1254',
  0xcb: 'windows-1253',
  0xcc: 'windows-1257',
  0x7c: 'windows-874',
};

/** The bytes of every text (C) field of every record: what the encoding decides. */
function textFieldBytes(dbf: Uint8Array): Uint8Array {
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recLen = v.getUint16(10, true);
  const fields: { offset: number; len: number }[] = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLen && dbf[p] !== 0x0d; p += 32) {
    const len = dbf[p + 16];
    if (String.fromCharCode(dbf[p + 11]) === 'C' || String.fromCharCode(dbf[p + 11]) === 'M') fields.push({ offset, len });
    offset += len;
  }
  const chunks: number[] = [];
  const n = Math.min(records, Math.floor((dbf.length - headerLen) / Math.max(1, recLen)));
  for (let r = 0; r < n && chunks.length < 4_000_000; r++) {
    const base = headerLen + r * recLen;
    for (const f of fields) for (let i = 0; i < f.len; i++) chunks.push(dbf[base + f.offset + i]);
  }
  // Field names may be non-ASCII too (中文字段名).
  for (let p = 32; p + 32 <= headerLen && dbf[p] !== 0x0d; p += 32) for (let i = 0; i < 11 && dbf[p + i] !== 0; i++) chunks.push(dbf[p + i]);
  return Uint8Array.from(chunks);
}

/** The encoding of a .dbf and where the decision came from. */
export function dbfEncoding(dbf: Uint8Array, cpg: string | null): { encoding: string; source: EncodingSource; cpgUnknown: boolean } {
  const text = textFieldBytes(dbf);
  const ascii = text.every((b) => b < 0x80);
  const fromCpg = cpg === null ? null : encodingFromCpgLabel(cpg);
  const cpgUnknown = cpg !== null && cpg.trim() !== '' && fromCpg === null;
  if (!ascii && looksUtf8(text)) return { encoding: 'utf-8', source: 'content', cpgUnknown };
  if (fromCpg && !(fromCpg === 'utf-8' && !ascii)) return { encoding: fromCpg, source: 'cpg', cpgUnknown };
  const ldid = LDID[dbf[29]];
  if (ldid) return { encoding: ldid, source: 'ldid', cpgUnknown };
  if (ascii) return { encoding: 'utf-8', source: 'content', cpgUnknown };
  return { encoding: 'gb18030', source: 'default', cpgUnknown };
}
