/**
 * The facilities packed for the tile worker (facility-tiles.ts loads this on first use): all of
 * them in time slices, or the small change a drag, an added or a removed facility makes.
 */
import type { Facility } from '../../domain/facility.ts';
import { utf8Steps, type PackedPoints, type PointsChange } from '../../geo/packed-points.ts';
import { facilityTier } from './coverage-data.ts';
import { packFacilitySteps, runSteps, type PackedFacilities } from '../../analysis/coverage/packed-facilities.ts';
import { runStepsSliced, timeSlicer } from './pack-facilities-sliced.ts';

/** A change of more facilities than this is sent as a new set. */
const MAX_CHANGE = 1_000;

/** Main-thread time one slice of packing may take before it yields (ms). */
const SLICE_MS = 12;

/**
 * The facility packer's steps (analysis/coverage/packed-facilities.ts, the coverage worker's too)
 * with the tier as an extra column, and the columns the facilities layer reads (id for clicks and
 * drags, tier for the colour, category) put together from the same JSON, as UTF-8 bytes (encoded
 * in steps too) that the tile worker's `set` transfers rather than clones.
 */
function* steps(fs: readonly Facility[]): Generator<void, PackedPoints> {
  const p: PackedFacilities = yield* packFacilitySteps(fs, { tier: (f) => facilityTier(f) ?? 'other' });
  const json = `{"id":${p.idsJson},"category":${p.categoriesJson},"tier":${p.extraJson!.tier}}`;
  return { count: p.count, lonLat: p.lonLat, columnsUtf8: yield* utf8Steps(json) };
}

/**
 * Every facility, yielding to the page every SLICE_MS: 300,000 facilities take 0.4–0.9 s of the
 * main thread here (tsx, load average ~13), as one task that would be a freeze.
 */
export async function packFacilityPointsSliced(fs: readonly Facility[]): Promise<PackedPoints> {
  return runStepsSliced(steps(fs), timeSlicer(SLICE_MS));
}

/** The same in one go (a small change: a dragged, added or removed facility). */
export function packFacilityPoints(fs: readonly Facility[]): PackedPoints {
  return runSteps(steps(fs));
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
  // Counted before anything is copied: a new layer of 300,000 is no small change (its slices took 28 ms of a task after 替换).
  if (prev.length + next.length - 2 * (head + tail) > MAX_CHANGE) return null;
  const removed = prev.slice(head, prev.length - tail);
  const added = next.slice(head, next.length - tail);
  return { remove: removed.map((f) => f.id), upsert: packFacilityPoints(added) };
}
