/**
 * The imported slices no feature tab draws itself, drawn over the map by the import feature
 * (import-feature.ts). Kept apart from the import targets (builtin-targets.ts), so the map draws
 * a project's imported data without loading the readers.
 */
import type { Overlay } from '../../map/overlay.ts';
import type { ProjectState } from '../../state/project.ts';
import { store } from '../../state/app-store.svelte.ts';
import { facilitiesOverlay, populationOverlay, streetsOverlay } from './import-overlays.ts';

interface SliceOverlay {
  overlay: (state: ProjectState) => Overlay | null;
  /** The feature tab that draws this slice itself: the plain overlay is hidden while it is active. */
  drawnByTab?: string;
}

// Employment areas and actual supply are drawn by their own features (job–housing, review).
const SLICES: readonly SliceOverlay[] = [
  { overlay: (s) => facilitiesOverlay(s.facilities), drawnByTab: 'coverage' },
  { overlay: (s) => populationOverlay(s.population) },
  { overlay: (s) => streetsOverlay(s.streets) },
];

/** The imported layers drawn on the map (slices no other feature draws on the active tab). */
export function importedOverlays(): Overlay[] {
  return SLICES.flatMap((t) => (t.drawnByTab === store.tab ? [] : t.overlay(store.project) ?? []));
}
