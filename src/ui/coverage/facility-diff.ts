/**
 * How the facility list changed between two project states, so the coverage worker gets an
 * incremental message (add / remove / move) instead of a full recompute when it can.
 */
import type { Facility, LonLat } from '../../domain/facility.ts';
// A layer that passed the project check has unique ids.
import { hasPassed } from '../../state/persistence/check-before-write.ts';

export type FacilityDiff =
  | { kind: 'same' }
  | { kind: 'add'; facility: Facility }
  | { kind: 'remove'; id: string }
  | { kind: 'move'; id: string; lonLat: LonLat }
  | { kind: 'reset' };

const sameFacility = (a: Facility, b: Facility) => a === b || (a.id === b.id && a.category === b.category && a.lonLat[0] === b.lonLat[0] && a.lonLat[1] === b.lonLat[1]);

/** Lists whose ids are known to be unique (seen so below, or made from such a list by one in-place edit). */
const uniqueIds = new WeakSet<readonly Facility[]>();

/**
 * The diff of a list whose ids are known to be unique and the same list with one item replaced
 * by one with the same id (a drag's moveFacility), one item inserted (addFacility) or one removed
 * (removeFacility), every other item the same object: found by comparing items by identity,
 * without the two maps of 300,000 ids below (0.6–0.9 s of CPU in one task, measured in Node; 0.4 s
 * of a drop's profile in the browser at load 15). Null when it is not such a pair: the general way
 * below decides.
 */
function inPlaceDiff(prev: readonly Facility[], next: readonly Facility[]): FacilityDiff | null {
  if (Math.abs(prev.length - next.length) > 1 || !(uniqueIds.has(prev) || hasPassed(prev))) return null;
  const min = Math.min(prev.length, next.length);
  let head = 0;
  while (head < min && prev[head] === next[head]) head++;
  let tail = 0;
  while (tail < min - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  if (prev.length === next.length) {
    if (head === prev.length) {
      uniqueIds.add(next);
      return { kind: 'same' };
    }
    if (head + tail !== prev.length - 1 || prev[head].id !== next[head].id) return null;
    // The same ids at the same places: unique still.
    uniqueIds.add(next);
    const [was, f] = [prev[head], next[head]];
    if (sameFacility(was, f)) return { kind: 'same' };
    return f.category === was.category ? { kind: 'move', id: f.id, lonLat: f.lonLat } : { kind: 'reset' };
  }
  if (head + tail !== min) return null;
  if (next.length < prev.length) {
    uniqueIds.add(next);
    return { kind: 'remove', id: prev[head].id };
  }
  const added = next[head];
  for (let i = 0; i < prev.length; i++) if (prev[i].id === added.id) return null;
  uniqueIds.add(next);
  return { kind: 'add', facility: added };
}

/** The single edit turning `prev` into `next`, or `reset` when it is not a single add, remove or move. */
export function facilityDiff(prev: readonly Facility[], next: readonly Facility[]): FacilityDiff {
  if (prev === next) return { kind: 'same' };
  // One add or remove changes the length by one: anything more is a reset, known without
  // looking at 300,000 facilities (a replaced layer).
  if (Math.abs(next.length - prev.length) > 1) return { kind: 'reset' };
  const inPlace = inPlaceDiff(prev, next);
  if (inPlace) return inPlace;
  const before = new Map(prev.map((f) => [f.id, f]));
  const after = new Map(next.map((f) => [f.id, f]));
  if (before.size !== prev.length || after.size !== next.length) return { kind: 'reset' };
  uniqueIds.add(prev);
  uniqueIds.add(next);
  const added = next.filter((f) => !before.has(f.id));
  const removed = prev.filter((f) => !after.has(f.id));
  const changed = next.filter((f) => before.has(f.id) && !sameFacility(before.get(f.id)!, f));
  if (added.length === 0 && removed.length === 0 && changed.length === 0) return { kind: 'same' };
  if (added.length === 1 && removed.length === 0 && changed.length === 0) return { kind: 'add', facility: added[0] };
  if (removed.length === 1 && added.length === 0 && changed.length === 0) return { kind: 'remove', id: removed[0].id };
  if (changed.length === 1 && added.length === 0 && removed.length === 0) {
    const [f] = changed;
    if (f.category === before.get(f.id)!.category) return { kind: 'move', id: f.id, lonLat: f.lonLat };
  }
  return { kind: 'reset' };
}
