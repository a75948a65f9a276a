/**
 * Facilities packed for a worker message: coordinates in one Float64Array (transferred, not
 * copied) and the texts as JSON strings (one string each to clone). Cloning 300,000 facility
 * objects took seconds of main-thread time; packing them is one loop and `JSON.stringify`.
 *
 * One packer for every worker that takes facilities: the coverage worker (this form), and the
 * point-tiles worker (src/ui/coverage/facility-points.ts builds its columns from the same JSON, with
 * the tier as an extra column). The loop is a generator that yields every few hundred facilities
 * and every JSON piece: `packFacilities` runs it in one go, the page's packers
 * (src/ui/coverage/pack-facilities-sliced.ts) pause at its steps when their time slice has run.
 */
import type { Facility } from '../../domain/facility.ts';

export interface PackedFacilities {
  count: number;
  /** lon, lat of facility i at [2i], [2i + 1] (WGS-84 degrees). */
  lonLat: Float64Array;
  /** JSON arrays of the ids, categories and names (null where a facility has none). */
  idsJson: string;
  categoriesJson: string;
  namesJson: string;
  /** 1 where the facility is illustrative. */
  illustrative: Uint8Array;
  /** JSON arrays of the extra text columns asked for (packFacilitySteps' `extra`), by name. */
  extraJson?: Record<string, string>;
}

/** Extra text columns, one value per facility (the tile worker's `tier`). */
export type ExtraColumns = Record<string, (f: Facility) => string>;

/** Facilities packed between two steps. */
const ROWS_PER_STEP = 256;
/** Texts turned into JSON in one step. */
export const JSON_PER_STEP = 4096;

/** A JSON array of `list`, built a piece per step (one JSON.stringify of 300,000 texts is a long task of its own). */
function* jsonArraySteps(list: readonly unknown[]): Generator<void, string> {
  let s = '[';
  for (let i = 0; i < list.length; i += JSON_PER_STEP) {
    s += (i ? ',' : '') + JSON.stringify(list.slice(i, i + JSON_PER_STEP)).slice(1, -1);
    yield;
  }
  return s + ']';
}

/** A layer's columns before its texts are encoded (facilityColumnSteps). */
export interface FacilityColumns {
  count: number;
  lonLat: Float64Array;
  illustrative: Uint8Array;
  ids: string[];
  categories: string[];
  names: (string | null)[];
  extras: { name: string; values: string[] }[];
}

/**
 * The facilities' coordinates, flags and text columns, in steps (yields every few hundred
 * facilities): what both packed forms encode, texts as JSON (below) or as UTF-8 JSON bytes
 * (packed-facility-bytes.ts).
 */
export function* facilityColumnSteps(fs: readonly Facility[], extra: ExtraColumns = {}): Generator<void, FacilityColumns> {
  const n = fs.length;
  const c: FacilityColumns = { count: n, lonLat: new Float64Array(2 * n), illustrative: new Uint8Array(n), ids: new Array<string>(n), categories: new Array<string>(n), names: new Array<string | null>(n), extras: [] };
  const extras = Object.entries(extra).map(([name, of]) => ({ name, of, values: new Array<string>(n) }));
  for (let i = 0; i < n; i += ROWS_PER_STEP) {
    if (i) yield;
    copyFacilities(fs, c, extras, i, Math.min(n, i + ROWS_PER_STEP));
  }
  c.extras = extras.map(({ name, values }) => ({ name, values }));
  return c;
}

/** Facilities from..to into the columns: a plain function, optimised after a few steps (a loop in a generator body stays slow). */
function copyFacilities(fs: readonly Facility[], c: FacilityColumns, extras: { of: (f: Facility) => string; values: string[] }[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const f = fs[i];
    c.lonLat[2 * i] = f.lonLat[0];
    c.lonLat[2 * i + 1] = f.lonLat[1];
    if (f.illustrative) c.illustrative[i] = 1;
    c.ids[i] = f.id;
    c.categories[i] = f.category;
    c.names[i] = f.name ?? null;
    for (const e of extras) e.values[i] = e.of(f);
  }
}

/** Packs `fs` in steps (yields between them; its result is the packed value). */
export function* packFacilitySteps(fs: readonly Facility[], extra: ExtraColumns = {}): Generator<void, PackedFacilities> {
  const c = yield* facilityColumnSteps(fs, extra);
  const packed: PackedFacilities = {
    count: c.count,
    lonLat: c.lonLat,
    idsJson: yield* jsonArraySteps(c.ids),
    categoriesJson: yield* jsonArraySteps(c.categories),
    namesJson: yield* jsonArraySteps(c.names),
    illustrative: c.illustrative,
  };
  if (c.extras.length) {
    packed.extraJson = {};
    for (const e of c.extras) packed.extraJson[e.name] = yield* jsonArraySteps(e.values);
  }
  return packed;
}

/** Runs a packer's steps in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

export function packFacilities(fs: readonly Facility[]): PackedFacilities {
  return runSteps(packFacilitySteps(fs));
}

export function unpackFacilities(p: PackedFacilities): Facility[] {
  return facilitiesOfColumns(p, JSON.parse(p.idsJson) as string[], JSON.parse(p.categoriesJson) as string[], JSON.parse(p.namesJson) as (string | null)[]);
}

/** Facilities back from packed coordinates and flags and their decoded text columns (both packed forms). */
export function facilitiesOfColumns(p: { count: number; lonLat: Float64Array; illustrative: Uint8Array }, ids: readonly string[], categories: readonly string[], names: readonly (string | null)[]): Facility[] {
  const out = new Array<Facility>(p.count);
  for (let i = 0; i < p.count; i++) {
    const f: Facility = { id: ids[i], category: categories[i], lonLat: [p.lonLat[2 * i], p.lonLat[2 * i + 1]] };
    if (names[i] !== null) f.name = names[i]!;
    if (p.illustrative[i]) f.illustrative = true;
    out[i] = f;
  }
  return out;
}
