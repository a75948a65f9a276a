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
