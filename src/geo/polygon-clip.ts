/**
 * Polygon clipping on demand: polyclip-ts (through Turf, polygon-ops.ts) is 80 kB of code that the
 * browser's main thread needs only for polygon sites, so there it is a chunk of its own, loaded
 * the first time a polygon site is assigned to a board (or before, when a project with polygon
 * sites opens: needsPolygonClip in state/polygon-sites.ts).
 */
import type { IntersectAreal } from './polygons-of.ts';

let ready: IntersectAreal | null = null;
let loading: Promise<IntersectAreal> | null = null;

/** The intersection if its module has arrived, else null. */
export function polygonClip(): IntersectAreal | null {
  return ready;
}

/** Loads the clipping module once; a failed load is tried again on the next call. */
export function loadPolygonClip(): Promise<IntersectAreal> {
  loading ??= import('./polygon-ops.ts').then(
    (m) => (ready = m.intersectAreal),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
