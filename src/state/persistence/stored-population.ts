/**
 * The population slice as IndexedDB keeps it. 100,000 imported points stored as objects made the
 * autosave's `put` one structured clone of 1.2–2.3 s on the main thread; packed, they are one
 * Float64Array (lon, lat, residents per point), cloned as one block.
 *
 * Packing is lossless and only done when it can be: the slice is `{ kind: 'points', points }` and
 * nothing more, and every point is `{ lonLat: [lon, lat], population }` with numbers and no other
 * key (a Float64Array keeps every number as it is, -0 and NaN included); anything else is stored
 * as it is. Reading accepts both shapes, so what earlier versions stored still loads; a damaged
 * packed record is handed on as it is, for the project check to refuse (and set aside).
 */
import type { PopulationPoint } from '../../domain/population.ts';
import type { Slicer } from './time-slicer.ts';

/** Below this many points the slice is stored as it is (cloning it is quick). */
export const PACK_MIN_POINTS = 1000;
const FORMAT = 'anju-packed-population-points-1';
/** Points packed between two looks at the clock (`packPopulationSteps`). */
const POINTS_PER_STEP = 5000;

export interface PackedStoredPopulation {
  format: typeof FORMAT;
  kind: 'points';
  /** lon, lat, residents of point i at [3i], [3i + 1], [3i + 2]. */
  lonLatPopulation: Float64Array;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Exactly these own enumerable keys (and no inherited enumerable ones). */
function hasExactly(o: Record<string, unknown>, a: string, b: string): boolean {
  let n = 0;
  for (const k in o) {
    if (k !== a && k !== b) return false;
    n++;
  }
  return n === 2 && Object.hasOwn(o, a) && Object.hasOwn(o, b);
}

function packablePoint(p: unknown): p is PopulationPoint {
  if (!isObject(p) || Array.isArray(p) || !hasExactly(p, 'lonLat', 'population')) return false;
  const ll = p.lonLat;
  return Array.isArray(ll) && ll.length === 2 && typeof ll[0] === 'number' && typeof ll[1] === 'number' && Object.keys(ll).length === 2 && typeof p.population === 'number';
}

/**
 * Packs the slice a few thousand points at a time: each `yield` is a point where other work may
 * run. Returns the packed form, or null when the slice is to be stored as it is.
 */
export function* packPopulationSteps(slice: unknown): Generator<void, PackedStoredPopulation | null> {
  if (!isObject(slice) || !hasExactly(slice, 'kind', 'points') || slice.kind !== 'points' || !Array.isArray(slice.points)) return null;
  const points = slice.points as unknown[];
  const n = points.length;
  if (n < PACK_MIN_POINTS) return null;
  const out = new Float64Array(3 * n);
  for (let start = 0; start < n; start += POINTS_PER_STEP) {
    if (!packRange(points, out, start, Math.min(n, start + POINTS_PER_STEP))) return null;
    yield;
  }
  return { format: FORMAT, kind: 'points', lonLatPopulation: out };
}

/** Points [from, to) into `out`; false at the first point that cannot be packed losslessly. A plain function (the engine optimises it; a loop in a generator body stays slow). */
function packRange(points: unknown[], out: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const p = points[i];
    if (!packablePoint(p)) return false;
    out[3 * i] = p.lonLat[0];
    out[3 * i + 1] = p.lonLat[1];
    out[3 * i + 2] = p.population;
  }
  return true;
}

/** The stored form of a slice worked out earlier in pieces (null: stored as it is). Slices are immutable state. */
const storedForms = new WeakMap<object, PackedStoredPopulation | null>();

/** Pack `slice` in pieces between other work (`slicer`), and remember the result for `toStoredPopulation`. */
export async function preparePopulationForm(slice: unknown, slicer: Slicer): Promise<void> {
  if (!isObject(slice) || storedForms.has(slice)) return;
  const steps = packPopulationSteps(slice);
  for (;;) {
    const r = steps.next();
    if (r.done) {
      storedForms.set(slice, r.value);
      return;
    }
    if (slicer.due()) await slicer.pause();
  }
}

/** What to store for the population slice: the packed form when it is lossless and worth it, else the slice. */
export function toStoredPopulation(slice: unknown): unknown {
  if (!isObject(slice)) return slice;
  const known = storedForms.get(slice);
  if (known !== undefined) return known ?? slice;
  const steps = packPopulationSteps(slice);
  let r = steps.next();
  while (!r.done) r = steps.next();
  storedForms.set(slice, r.value);
  return r.value ?? slice;
}

/** The population slice read back: a packed record unpacked; anything else (an earlier version's slice, damaged data) as it is. */
export function fromStoredPopulation(stored: unknown): unknown {
  if (!isObject(stored) || stored.format !== FORMAT) return stored;
  const a = stored.lonLatPopulation;
  if (!(a instanceof Float64Array) || a.length % 3 !== 0 || stored.kind !== 'points') return stored;
  const n = a.length / 3;
  const points = new Array<PopulationPoint>(n);
  for (let i = 0; i < n; i++) points[i] = { lonLat: [a[3 * i], a[3 * i + 1]], population: a[3 * i + 2] };
  return { kind: 'points', points };
}
