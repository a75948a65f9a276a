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
 * The diff of a list whose ids are known to be unique and the same list with at most one item
 * replaced by one with the same id (a drag's moveFacility): found by comparing items by identity,
 * without the two maps of 300,000 ids below (0.4 s in one task at load 15, by a profile of a drop).
 * Null when it is not such a pair: the general way below decides.
 */
function inPlaceDiff(prev: readonly Facility[], next: readonly Facility[]): FacilityDiff | null {
  if (prev.length !== next.length || !(uniqueIds.has(prev) || hasPassed(prev))) return null;
  let at = -1;
  for (let i = 0; i < next.length; i++) {
    if (prev[i] === next[i]) continue;
    if (at >= 0) return null;
    at = i;
  }
  if (at >= 0 && prev[at].id !== next[at].id) return null;
  // The same ids at the same places: unique still.
  uniqueIds.add(next);
  if (at < 0 || sameFacility(prev[at], next[at])) return { kind: 'same' };
  const f = next[at];
  return f.category === prev[at].category ? { kind: 'move', id: f.id, lonLat: f.lonLat } : { kind: 'reset' };
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
