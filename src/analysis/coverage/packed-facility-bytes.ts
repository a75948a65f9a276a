/**
 * Facilities packed for a worker message with nothing to clone: coordinates and flags in typed
 * arrays, and each text column as UTF-8 JSON in pieces (`JsonBytes`: one `Uint8Array` per 4,096
 * texts, each a JSON array of its own), every buffer transferred. The JSON-string form
 * (packed-facilities.ts) still cost the page one structured clone of its texts per message: at
 * 300,000 facilities 0.25–0.5 s of `postMessage` in one task (headless Chromium, load 3–5, README
 * Speed); encoding a piece at a time fits between frames and the transfer takes about 1 ms.
 */
import type { Facility } from '../../domain/facility.ts';
import { JSON_PER_STEP, facilitiesOfColumns, facilityColumnSteps, type ExtraColumns } from './packed-facilities.ts';

/** A text column as UTF-8 JSON arrays of up to 4,096 values each, in order. */
export type JsonBytes = Uint8Array[];

export interface PackedFacilityBytes {
  count: number;
  /** lon, lat of facility i at [2i], [2i + 1] (WGS-84 degrees). */
  lonLat: Float64Array;
  /** 1 where the facility is illustrative. */
  illustrative: Uint8Array;
  ids: JsonBytes;
  categories: JsonBytes;
  /** null where a facility has no name. */
  names: JsonBytes;
  /** The extra text columns asked for (packFacilityBytesSteps' `extra`), by name. */
  extra?: Record<string, JsonBytes>;
}

/** `list` as UTF-8 JSON pieces, one step per piece. */
export function* jsonBytesSteps(list: readonly unknown[]): Generator<void, JsonBytes> {
  const encoder = new TextEncoder();
  const out: JsonBytes = [];
  for (let i = 0; i < list.length; i += JSON_PER_STEP) {
    out.push(encoder.encode(JSON.stringify(list.slice(i, i + JSON_PER_STEP))));
    yield;
  }
  return out;
}

/** The values of a column written by jsonBytesSteps. */
export function parseJsonBytes<T>(pieces: JsonBytes): T[] {
  const decoder = new TextDecoder();
  const out: T[] = [];
  for (const p of pieces) for (const v of JSON.parse(decoder.decode(p)) as T[]) out.push(v);
  return out;
}

/** Packs `fs` in steps (yields between them; its result is the packed value). */
export function* packFacilityBytesSteps(fs: readonly Facility[], extra: ExtraColumns = {}): Generator<void, PackedFacilityBytes> {
  const c = yield* facilityColumnSteps(fs, extra);
  const packed: PackedFacilityBytes = {
    count: c.count,
    lonLat: c.lonLat,
    illustrative: c.illustrative,
    ids: yield* jsonBytesSteps(c.ids),
    categories: yield* jsonBytesSteps(c.categories),
    names: yield* jsonBytesSteps(c.names),
  };
  if (c.extras.length) {
    packed.extra = {};
    for (const e of c.extras) packed.extra[e.name] = yield* jsonBytesSteps(e.values);
  }
  return packed;
}

/** Every buffer of a packed layer, once each, for the message's transfer list. */
export function facilityBytesTransfer(p: PackedFacilityBytes): ArrayBuffer[] {
  const texts = [p.ids, p.categories, p.names, ...Object.values(p.extra ?? {})].flat();
  return [...new Set([p.lonLat.buffer, p.illustrative.buffer, ...texts.map((t) => t.buffer)])] as ArrayBuffer[];
}

export function unpackFacilityBytes(p: PackedFacilityBytes): Facility[] {
  return facilitiesOfColumns(p, parseJsonBytes<string>(p.ids), parseJsonBytes<string>(p.categories), parseJsonBytes<string | null>(p.names));
}
