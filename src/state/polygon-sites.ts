/**
 * Does a project need polygon clipping to be summed (geo/polygon-clip.ts)? Polygon sites in any
 * scenario, or actual-supply projects located by a polygon. What opens a project on the main
 * thread loads the clipping first when it does (`ensurePolygonClip`), so no figure is summed
 * without it; should one slip through, active-scenario.svelte.ts loads it and sums again.
 */
import type { ProjectState } from './project.ts';
import { loadPolygonClip, polygonClip } from '../geo/polygon-clip.ts';

export function needsPolygonClip(p: ProjectState): boolean {
  return p.scenarios.some((s) => s.sites.some((site) => site.geometry.type !== 'Point')) || !!p.actuals?.records.some((r) => r.geometry && r.geometry.type !== 'Point');
}

/** Loads polygon clipping if `p` needs it and it is not loaded (a failed load is logged, not thrown). */
export async function ensurePolygonClip(p: ProjectState): Promise<void> {
  if (polygonClip() || !needsPolygonClip(p)) return;
  await loadPolygonClip().catch((err: unknown) => console.error('[anju] polygon clipping could not be loaded', err));
}
