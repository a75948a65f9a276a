/**
 * One FlatGeobuf point feature (size-prefixed FlatBuffers `Feature` with a `Geometry` of type
 * Point and its properties bytes), encoded straight into a byte buffer. The library's
 * `buildFeature` allocates a FlatBuffers builder and two 1 KB buffers per feature (about 10 µs
 * per point here); a layer of a million points is written this way in a fraction of that.
 *
 * Layout, offsets from the start of the feature (after its 4-byte size prefix), all little-endian:
 *   0  u32 offset to the feature table (12)
 *   4  feature vtable: u16 8, u16 12, u16 4 (geometry), u16 8 (properties, 0 when none)
 *  12  feature table: i32 8 (back to its vtable), u32 28 (→ geometry table at 44), u32 64 (→ properties at 84)
 *  24  geometry vtable: u16 18, u16 12, u16 0 (ends), u16 4 (xy), u16 0 ×4 (z, m, t, tm), u16 8 (type), 2 bytes padding
 *  44  geometry table: i32 20 (back to its vtable), u32 16 (→ xy at 64), u8 1 (Point), 3 bytes padding
 *  56  8 bytes padding, then at 64 the xy vector: u32 2, f64 x, f64 y (at 68 and 76)
 *  84  properties vector: u32 length, the bytes, padded so the whole feature is a multiple of 8 bytes
 * Every offset points forward and every vector length is 4-aligned (the FlatBuffers verifier GDAL
 * runs); features start at multiples of 8 in the file, so the doubles are 8-aligned in it, as the
 * library's reader needs (it views them as a Float64Array of the file's buffer), as in files the
 * library itself writes.
 */

const FIXED = 88;

/** The bytes this point feature takes, size prefix included: a multiple of 8. */
export function pointFeatureSize(propsLength: number): number {
  return (4 + FIXED + propsLength + 7) & ~7;
}

/** Write the feature at `at` (8-aligned in the file, in a buffer whose `view` covers it); returns the offset after it. */
export function writePointFeature(bytes: Uint8Array, view: DataView, at: number, x: number, y: number, props: Uint8Array, propsLength: number): number {
  const size = pointFeatureSize(propsLength) - 4;
  bytes.fill(0, at, at + 4 + size);
  view.setUint32(at, size, true);
  const b = at + 4;
  view.setUint32(b, 12, true);
  view.setUint16(b + 4, 8, true);
  view.setUint16(b + 6, 12, true);
  view.setUint16(b + 8, 4, true);
  view.setUint16(b + 10, propsLength > 0 ? 8 : 0, true);
  view.setInt32(b + 12, 8, true);
  view.setUint32(b + 16, 28, true);
  view.setUint32(b + 20, 64, true);
  view.setUint16(b + 24, 18, true);
  view.setUint16(b + 26, 12, true);
  view.setUint16(b + 30, 4, true);
  view.setUint16(b + 40, 8, true);
  view.setInt32(b + 44, 20, true);
  view.setUint32(b + 48, 16, true);
  bytes[b + 52] = 1;
  view.setUint32(b + 64, 2, true);
  view.setFloat64(b + 68, x, true);
  view.setFloat64(b + 76, y, true);
  view.setUint32(b + 84, propsLength, true);
  for (let k = 0; k < propsLength; k++) bytes[b + 88 + k] = props[k];
  return at + 4 + size;
}
