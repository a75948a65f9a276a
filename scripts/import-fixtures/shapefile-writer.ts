/**
 * A minimal Shapefile writer for test fixtures: Point (1) and Polygon (5) .shp/.shx and a dBASE III
 * .dbf with C (text) and N (number) fields, text encoded by the caller (UTF-8 or GBK).
 * Layout per the ESRI Shapefile Technical Description (1998): big-endian file header words,
 * little-endian shape content.
 */
import type { Position } from 'geojson';

export type ShapeInput = { type: 'Point'; coordinates: Position } | { type: 'Polygon'; coordinates: Position[][] };

function bbox(shapes: ShapeInput[]): [number, number, number, number] {
  const ps = shapes.flatMap((s) => (s.type === 'Point' ? [s.coordinates] : s.coordinates.flat()));
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ps) {
    box[0] = Math.min(box[0], p[0]);
    box[1] = Math.min(box[1], p[1]);
    box[2] = Math.max(box[2], p[0]);
    box[3] = Math.max(box[3], p[1]);
  }
  return box;
}

function content(s: ShapeInput): Uint8Array {
  if (s.type === 'Point') {
    const v = new DataView(new ArrayBuffer(20));
    v.setInt32(0, 1, true);
    v.setFloat64(4, s.coordinates[0], true);
    v.setFloat64(12, s.coordinates[1], true);
    return new Uint8Array(v.buffer);
  }
  const points = s.coordinates.flat();
  const n = 44 + 4 * s.coordinates.length + 16 * points.length;
  const v = new DataView(new ArrayBuffer(n));
  v.setInt32(0, 5, true);
  bbox([s]).forEach((x, i) => v.setFloat64(4 + 8 * i, x, true));
  v.setInt32(36, s.coordinates.length, true);
  v.setInt32(40, points.length, true);
  let start = 0;
  s.coordinates.forEach((ring, i) => {
    v.setInt32(44 + 4 * i, start, true);
    start += ring.length;
  });
  const base = 44 + 4 * s.coordinates.length;
  points.forEach((p, i) => {
    v.setFloat64(base + 16 * i, p[0], true);
    v.setFloat64(base + 16 * i + 8, p[1], true);
  });
  return new Uint8Array(v.buffer);
}

function header(shapeType: number, fileBytes: number, box: number[]): Uint8Array {
  const v = new DataView(new ArrayBuffer(100));
  v.setInt32(0, 9994);
  v.setInt32(24, fileBytes / 2);
  v.setInt32(28, 1000, true);
  v.setInt32(32, shapeType, true);
  box.forEach((x, i) => v.setFloat64(36 + 8 * i, x, true));
  return new Uint8Array(v.buffer);
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

/** .shp and .shx bytes for shapes of one type (Shapefile polygons: outer rings clockwise). */
export function writeShp(shapes: ShapeInput[]): { shp: Uint8Array; shx: Uint8Array } {
  const type = shapes[0].type === 'Point' ? 1 : 5;
  const box = bbox(shapes);
  const records: Uint8Array[] = [];
  const index: Uint8Array[] = [];
  let offset = 100;
  shapes.forEach((s, i) => {
    const c = content(s);
    const h = new DataView(new ArrayBuffer(8));
    h.setInt32(0, i + 1);
    h.setInt32(4, c.length / 2);
    records.push(new Uint8Array(h.buffer), c);
    const x = new DataView(new ArrayBuffer(8));
    x.setInt32(0, offset / 2);
    x.setInt32(4, c.length / 2);
    index.push(new Uint8Array(x.buffer));
    offset += 8 + c.length;
  });
  return { shp: concat([header(type, offset, box), ...records]), shx: concat([header(type, 100 + 8 * shapes.length, box), ...index]) };
}

export interface DbfField {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

/** dBASE III .dbf bytes; `encode` turns text into bytes (UTF-8, GBK…). Date fixed for reproducibility. */
export function writeDbf(fields: DbfField[], rows: (string | number)[][], encode: (s: string) => Uint8Array): Uint8Array {
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((n, f) => n + f.length, 0);
  const out = new Uint8Array(headerLen + recLen * rows.length + 1);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([121, 1, 1], 1); // 2021-01-01
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recLen, true);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    out.set(new TextEncoder().encode(f.name.slice(0, 10)), o);
    out[o + 11] = f.type.charCodeAt(0);
    out[o + 16] = f.length;
    out[o + 17] = f.decimals ?? 0;
  });
  out[headerLen - 1] = 0x0d;
  rows.forEach((row, r) => {
    let o = headerLen + recLen * r;
    out[o++] = 0x20;
    fields.forEach((f, i) => {
      const cell = out.subarray(o, o + f.length).fill(0x20);
      const bytes = f.type === 'N' ? new TextEncoder().encode(String(row[i]).padStart(f.length)) : encode(String(row[i]));
      if (bytes.length > f.length) throw new Error(`value ${row[i]} longer than field ${f.name}`);
      cell.set(bytes, 0);
      o += f.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}
