/**
 * The project check of a facilities layer (what check-before-write.ts would find in it), done
 * in slices so that a layer of 300,000 imported points does not hold the page for seconds
 * (README, Speed: "Responsive with real-size files"). One pass over the facilities tests exactly what the synchronous check tests of
 * this slice — the count limit and size walk (project-size.ts), the schema (facilities-fast-check.ts),
 * unique ids and positions within ±180° / ±90° (project-integrity.ts) — and packs the layer for
 * IndexedDB on the way (stored-facilities.ts), pausing whenever a slice of time has run.
 *
 * It only says "clean" or "not sure": anything it does not pass is left to the synchronous check,
 * which stays the one source of the problems and of their messages.
 */
import type { Facility } from '../../domain/facility.ts';
import type { PackedStoredFacilities } from './stored-facilities.ts';
import type { PrepareDeps } from './check-before-write.ts';
import { jsonArrayPieces, type Slicer } from './time-slicer.ts';

/** Facilities between two looks at the clock. */
const STRIDE = 256;

type Packer = InstanceType<PrepareDeps['FacilityPacker']>;

/**
 * A packer's texts as JSON in pieces of at most `chunk` items (the same text as one JSON.stringify
 * of its four arrays, as toStoredFacilities writes it): each piece a function, to be called between other work.
 */
export function textsJsonParts(p: Packer, chunk = 4096): (() => string)[] {
  const parts: (() => string)[] = [() => '['];
  [p.ids, p.categories, p.names, p.illustrative].forEach((list: unknown[], a) => {
    if (a) parts.push(() => ',');
    parts.push(...jsonArrayPieces(list, chunk));
  });
  parts.push(() => ']');
  return parts;
}

/** True when `fs` passes every check of the facilities slice; its stored form is then remembered too. */
export async function precheckFacilities(fs: readonly Facility[], slicer: Slicer, deps: PrepareDeps): Promise<boolean> {
  const { MAX_LAYER_FEATURES, PACK_MIN_FACILITIES, FacilityPacker, sizeWalker, facilityPassesSchema, rememberStoredForm } = deps;
  if (!Array.isArray(fs) || fs.length > MAX_LAYER_FEATURES) return false;
  const sizes = sizeWalker();
  const ids = new Set<string>();
  let packer: Packer | null = fs.length >= PACK_MIN_FACILITIES ? new FacilityPacker(fs.length) : null;
  const keys: (string | number)[] = ['facilities', 0];
  for (let i = 0; i < fs.length; i++) {
    if (i % STRIDE === 0 && slicer.due()) await slicer.pause();
    const f = fs[i];
    if (!facilityPassesSchema(f)) return false;
    keys[1] = i;
    sizes.walk(f, keys);
    if (ids.has(f.id)) return false;
    ids.add(f.id);
    if (Math.abs(f.lonLat[0]) > 180 || Math.abs(f.lonLat[1]) > 90) return false;
    if (packer && !packer.add(i, f)) packer = null;
  }
  if (!sizes.clean()) return false;
  let packed: PackedStoredFacilities | null = null;
  if (packer) {
    let json = '';
    for (const part of textsJsonParts(packer)) {
      if (slicer.due()) await slicer.pause();
      json += part();
    }
    packed = packer.packed(json);
  }
  rememberStoredForm(fs, packed);
  return true;
}

/** At most this many facilities moved since the layer that passed: more, and the layer is checked as a whole. */
const MAX_MOVED = 64;

/**
 * The check of a layer made from one that passed by moving a few facilities (a drag: the same
 * array but for new objects at a few places, each the same facility at another position), without
 * walking the whole layer again: what the project check tests of a facility (schema, sizes, range)
 * is tested for the moved ones; the ids are the passed layer's, at the same places, so they are
 * unique still. Its stored form is the passed layer's with the moved coordinates. Before, every
 * drop of a facility in a layer of 300,000 repeated the walk and the packing of the whole layer
 * (seconds of sliced work, ahead of the tiles and replies the map was waiting for).
 *
 * True when `next` passes (it is then marked passed and its stored form remembered); false when
 * it is not such a layer or not sure, for the whole walk (precheckFacilities) to decide.
 */
export function precheckMovedFacilities(prev: readonly Facility[], next: readonly Facility[], deps: PrepareDeps): boolean {
  const { hasPassed, knownStoredForm, rememberStoredForm, markPassed, sizeWalker, facilityPassesSchema } = deps;
  if (prev === next || !Array.isArray(prev) || !Array.isArray(next) || prev.length !== next.length || !hasPassed(prev)) return false;
  const stored = knownStoredForm(prev);
  if (stored === undefined) return false;
  const moved: number[] = [];
  for (let i = 0; i < next.length; i++) {
    if (prev[i] === next[i]) continue;
    if (moved.length === MAX_MOVED) return false;
    moved.push(i);
  }
  const sizes = sizeWalker();
  const keys: (string | number)[] = ['facilities', 0];
  for (const i of moved) {
    const [a, b] = [prev[i], next[i]];
    if (!facilityPassesSchema(b) || !sameButPosition(a, b)) return false;
    if (Math.abs(b.lonLat[0]) > 180 || Math.abs(b.lonLat[1]) > 90) return false;
    keys[1] = i;
    sizes.walk(b, keys);
  }
  if (!sizes.clean()) return false;
  let packed: PackedStoredFacilities | null = null;
  if (stored) {
    const lonLat = stored.lonLat.slice();
    for (const i of moved) {
      lonLat[2 * i] = next[i].lonLat[0];
      lonLat[2 * i + 1] = next[i].lonLat[1];
    }
    packed = { ...stored, lonLat };
  }
  rememberStoredForm(next, packed);
  markPassed(next);
  return true;
}

/** The same keys with the same values but `lonLat` (a two-number array in both). */
function sameButPosition(a: Facility, b: Facility): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let j = 0; j < ka.length; j++) {
    const k = ka[j];
    if (kb[j] !== k) return false;
    if (k === 'lonLat') {
      if (!Array.isArray(a.lonLat) || a.lonLat.length !== 2 || !Array.isArray(b.lonLat) || b.lonLat.length !== 2) return false;
    } else if (!Object.is((a as unknown as Record<string, unknown>)[k], (b as unknown as Record<string, unknown>)[k])) return false;
  }
  return true;
}
