/**
 * The facilities packed for the tile worker (facility-tiles.ts loads this on first use): all of
 * them in time slices, or the small change a drag, an added or a removed facility makes.
 */
import type { Facility } from '../../domain/facility.ts';
import type { PackedPoints, PointsChange } from '../../geo/packed-points.ts';
import { facilityTier } from './coverage-data.ts';
import { yieldToPage } from '../../state/persistence/time-slicer.ts';

/** A change of more facilities than this is sent as a new set. */
const MAX_CHANGE = 1_000;

/** Main-thread time one slice of packing may take before it yields (ms). */
const SLICE_MS = 12;
/** Rows packed between two looks at the clock. */
const ROWS_PER_CHECK = 2_000;

/**
 * Coordinates and the properties the facilities layer reads (id for clicks and drags, tier for
 * the colour, category), yielding to the page every SLICE_MS: 300,000 facilities take 0.4–0.9 s
 * of the main thread here (tsx, load average ~13), as one task that would be a freeze.
 */
export async function packFacilityPointsSliced(fs: readonly Facility[]): Promise<PackedPoints> {
  const it = packRowsSteps(fs);
  let r = it.next();
  while (!r.done) {
    await yieldToPage();
    r = it.next();
  }
  return r.value;
}

/** The same in one go (a small change: a dragged, added or removed facility). */
export function packFacilityPoints(fs: readonly Facility[]): PackedPoints {
  const it = packRowsSteps(fs);
  let r = it.next();
  while (!r.done) r = it.next();
  return r.value;
}

/** Packs in steps: yields (the generator's) whenever SLICE_MS have passed. */
function* packRowsSteps(fs: readonly Facility[]): Generator<void, PackedPoints> {
  const n = fs.length;
  const lonLat = new Float64Array(2 * n);
  const id = new Array<string>(n);
  const category = new Array<string>(n);
  const tier = new Array<string>(n);
  let start = performance.now();
  for (let i = 0; i < n; i++) {
    const f = fs[i];
    lonLat[2 * i] = f.lonLat[0];
    lonLat[2 * i + 1] = f.lonLat[1];
    id[i] = f.id;
    category[i] = f.category;
    tier[i] = facilityTier(f) ?? 'other';
    if (i % ROWS_PER_CHECK === ROWS_PER_CHECK - 1 && performance.now() - start > SLICE_MS) {
      yield;
      start = performance.now();
    }
  }
  // Each column as JSON in slices too (one JSON.stringify of 300,000 texts is a long task of its own).
  const parts: string[] = [];
  for (const [name, values] of Object.entries({ id, category, tier })) {
    const pieces: string[] = [];
    for (let a = 0; a < n; a += 20_000) {
      pieces.push(JSON.stringify(values.slice(a, a + 20_000)).slice(1, -1));
      if (performance.now() - start > SLICE_MS) {
        yield;
        start = performance.now();
      }
    }
    parts.push(`${JSON.stringify(name)}:[${pieces.join(',')}]`);
  }
  return { count: n, lonLat, columnsJson: `{${parts.join(',')}}` };
}

/**
 * The edit between two facility lists as one run of replaced entries (a move, an add, a removal
 * each changes one entry; the lists share every other object), or null when that run is long.
 */
export function facilityChange(prev: readonly Facility[], next: readonly Facility[]): PointsChange | null {
  const min = Math.min(prev.length, next.length);
  let head = 0;
  while (head < min && prev[head] === next[head]) head++;
  let tail = 0;
  while (tail < min - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  const removed = prev.slice(head, prev.length - tail);
  const added = next.slice(head, next.length - tail);
  if (removed.length + added.length > MAX_CHANGE) return null;
  return { remove: removed.map((f) => f.id), upsert: packFacilityPoints(added) };
}
