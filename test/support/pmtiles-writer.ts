/**
 * A small PMTiles v3 writer for test fixtures (the `pmtiles` npm package only reads). Follows the
 * spec (github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a 127-byte header, a root
 * directory of varint-encoded entries (tile ids in Hilbert order, delta-coded), JSON metadata,
 * then the tile data. Directories and metadata are uncompressed (internal compression "none");
 * tiles are stored as given. All entries go in the root directory, so keep fixtures small
 * (header + root directory must fit in 16 KiB). Checked by reading back with `pmtiles`.
 */
import { zxyToTileId } from 'pmtiles';

export const TILE_TYPE = { mvt: 1, png: 2, jpeg: 3, webp: 4 } as const;
export const COMPRESSION = { none: 1, gzip: 2 } as const;

export interface WriterInput {
  tiles: { z: number; x: number; y: number; data: Uint8Array }[];
  tileType: (typeof TILE_TYPE)[keyof typeof TILE_TYPE];
  tileCompression: (typeof COMPRESSION)[keyof typeof COMPRESSION];
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) { out.push((v % 0x80) | 0x80); v = Math.floor(v / 0x80); }
    out.push(v);
  }
  return out;
}

export function writePmtiles(input: WriterInput): Uint8Array {
  const tiles = input.tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), t })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = tiles.map(({ id, t }) => {
    const e = { id, offset, length: t.data.length };
    offset += t.data.length;
    return e;
  });
  // Directory: count, delta tile ids, run lengths (1 each), lengths, offsets (0 = follows the previous).
  const dir = new Uint8Array([
    ...varints([entries.length]),
    ...varints(entries.map((e, i) => e.id - (i ? entries[i - 1].id : 0))),
    ...varints(entries.map(() => 1)),
    ...varints(entries.map((e) => e.length)),
    ...varints(entries.map((e, i) => (i && e.offset === entries[i - 1].offset + entries[i - 1].length ? 0 : e.offset + 1))),
  ]);
  const meta = new TextEncoder().encode(JSON.stringify(input.metadata));
  const HEADER = 127;
  if (HEADER + dir.length > 16384) throw new Error('writePmtiles: root directory over 16 KiB; use fewer tiles');
  const dirOff = HEADER, metaOff = dirOff + dir.length, dataOff = metaOff + meta.length;
  const out = new Uint8Array(dataOff + offset);
  const v = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const u64 = (at: number, n: number) => v.setBigUint64(at, BigInt(n), true);
  u64(8, dirOff); u64(16, dir.length);
  u64(24, metaOff); u64(32, meta.length);
  u64(40, 0); u64(48, 0); // no leaf directories
  u64(56, dataOff); u64(64, offset);
  u64(72, entries.length); u64(80, entries.length); u64(88, entries.length);
  out[96] = 1; // clustered
  out[97] = COMPRESSION.none;
  out[98] = input.tileCompression;
  out[99] = input.tileType;
  out[100] = Math.min(...input.tiles.map((t) => t.z));
  out[101] = Math.max(...input.tiles.map((t) => t.z));
  const e7 = (at: number, deg: number) => v.setInt32(at, Math.round(deg * 1e7), true);
  e7(102, input.bounds[0]); e7(106, input.bounds[1]); e7(110, input.bounds[2]); e7(114, input.bounds[3]);
  out[118] = input.center[2];
  e7(119, input.center[0]); e7(123, input.center[1]);
  out.set(dir, dirOff);
  out.set(meta, metaOff);
  let at = dataOff;
  for (const { t } of tiles) { out.set(t.data, at); at += t.data.length; }
  return out;
}
