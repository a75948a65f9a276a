/**
 * What a zip's central directory promises about each entry: its CRC-32. fflate's unzipSync trusts
 * the directory and checks nothing, so an archive whose entries' data is missing or damaged
 * (a truncated download, a lying directory) unpacks to zeros or garbage; comparing each entry's
 * CRC-32 with the directory's, as unzip and 7-Zip do, tells a damaged archive from a strange file.
 */

/** CRC-32 as zip uses it (IEEE 802.3, reflected polynomial 0xEDB88320). */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The CRC-32 of every central-directory entry, in directory order (the order unzipSync visits
 * them), or null when the directory cannot be walked (then unzipSync has refused the file already).
 */
export function directoryChecksums(zip: Uint8Array): number[] | null {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u32 = (at: number) => (at >= 0 && at + 4 <= zip.length ? v.getUint32(at, true) : -1);
  const u16 = (at: number) => (at >= 0 && at + 2 <= zip.length ? v.getUint16(at, true) : -1);
  const u64 = (at: number) => (at >= 0 && at + 8 <= zip.length ? Number(v.getBigUint64(at, true)) : -1);
  let eocd = zip.length - 22;
  while (eocd >= 0 && u32(eocd) !== 0x06054b50) {
    if (zip.length - eocd > 65558) return null;
    eocd--;
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 8);
  let at = u32(eocd + 16);
  // Zip64: the counts and the offset are in the zip64 end record.
  if (u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    if (u32(z) === 0x06064b50) {
      count = u64(z + 32);
      at = u64(z + 48);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) return null;
    out.push(u32(at + 16));
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  return out;
}
