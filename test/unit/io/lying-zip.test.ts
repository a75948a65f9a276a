/**
 * A zip whose central directory lies about its entries (their data missing, cut short or
 * overwritten) is a corrupt archive, said as such, never a layer of empty geometries (one
 * was read as "113 empty geometries"). Through the real importer and `anju validate`.
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { importLayer } from '../../../src/io/import-layer.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { crc32 } from '../../../src/io/zip-checksums.ts';
import { runCli } from '../../support/run-cli.ts';
import { tempDir } from '../../support/run-anju.ts';
import { writeDbf, writeShp } from '../../../scripts/import-fixtures/shapefile-writer.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const N = 113;
const points = Array.from({ length: N }, (_, i) => ({ type: 'Point' as const, coordinates: [120.6 + i / 1000, 28] }));

/** An honest zip of N points, stored (level 0) or deflated. */
function honestZip(level: 0 | 6): Uint8Array {
  const { shp, shx } = writeShp(points);
  const dbf = writeDbf([{ name: 'name', type: 'C', length: 8 }], points.map((_, i) => [`p${i}`]), enc);
  return zipSync({ 'a.shp': shp, 'a.shx': shx, 'a.dbf': dbf, 'a.prj': enc('GEOGCS["GCS_WGS_1984"]') }, { level });
}

/** Where an entry's data starts in the archive, and its stored length (from its local header). */
function entryData(zip: Uint8Array, name: string): { start: number; length: number } {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 30 <= zip.length; ) {
    if (v.getUint32(at, true) !== 0x04034b50) break;
    const nameLen = v.getUint16(at + 26, true);
    const start = at + 30 + nameLen + v.getUint16(at + 28, true);
    const length = v.getUint32(at + 18, true);
    if (new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLen)) === name) return { start, length };
    at = start + length;
  }
  throw new Error(`no entry ${name}`);
}

async function expectCorrupt(bytes: Uint8Array, file: string): Promise<void> {
  const r = await importLayer(bytes, file);
  expect(r.ok, JSON.stringify(r.ok ? r.summary : null)).toBe(false);
  if (r.ok) return;
  expect(r.problems).toHaveLength(1);
  expect(formatProblem(r.problems[0], 'en')).toMatch(new RegExp(`^${file}: the zip archive is corrupt`));
  expect(formatProblem(r.problems[0], 'zh')).toMatch(new RegExp(`^${file}: ZIP 压缩包已损坏`));
}

describe('a zip that lies about its entries', () => {
  it('CRC-32 is the one zip uses', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('reads the honest archive: 113 points', async () => {
    const r = await importLayer(honestZip(0), 'honest.zip', { crs: 'wgs84' });
    expect(r.ok && r.value.features.length).toBe(N);
  });

  it('is corrupt when an entry’s data was overwritten with empty records (once "113 empty geometries")', async () => {
    const zip = honestZip(0);
    const { start, length } = entryData(zip, 'a.shp');
    const v = new DataView(zip.buffer, zip.byteOffset + start, length);
    // Keep the .shp header, fill the body with null-shape records (12 bytes: number, length 2 words, type 0).
    for (let at = 100, i = 1; at + 12 <= length; at += 12, i++) {
      v.setInt32(at, i);
      v.setInt32(at + 4, 2);
      v.setInt32(at + 8, 0, true);
    }
    await expectCorrupt(zip, 'nulls.zip');
  });

  it('is corrupt when the directory points at data that is not there (zeros)', async () => {
    const zip = honestZip(0);
    const { start, length } = entryData(zip, 'a.dbf');
    zip.fill(0, start, start + length);
    await expectCorrupt(zip, 'zeros.zip');
  });

  it('is corrupt when the entries’ data is cut away and only the directory is left', async () => {
    const zip = honestZip(0);
    // The first central-directory header (PK\x01\x02): everything before it is entries' data.
    const cd = zip.findIndex((b, i) => b === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2);
    expect(cd).toBeGreaterThan(0);
    await expectCorrupt(zip.slice(cd), 'cut.zip');
  });

  it('is corrupt when compressed data is damaged', async () => {
    const zip = honestZip(6);
    const { start } = entryData(zip, 'a.shp');
    for (let i = start + 4; i < start + 24; i++) zip[i] ^= 0x5a;
    await expectCorrupt(zip, 'deflate.zip');
  });

  it('anju validate exits 2 naming a corrupt archive', async () => {
    const zip = honestZip(0);
    const { start, length } = entryData(zip, 'a.dbf');
    zip.fill(0, start, start + length);
    const tmp = tempDir('anju-zip-');
    const r = await runCli('validate', tmp.file('lying.zip', zip));
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: lying.zip: the zip archive is corrupt: the data of a.dbf does not match the checksum in the archive’s directory (the file is incomplete or was altered); export or download it again');
  });
});
