/**
 * What an import target is (src/ui/import/targets.ts keeps the registry of them): it turns the
 * checked WGS-84 FeatureCollection into ONE undoable change of the project state, or the problems
 * that stop it.
 */
import type { FeatureCollection } from 'geojson';
import type { Change } from '../../state/change.ts';
import type { ProjectState } from '../../state/project.ts';
import type { Checked } from '../../domain/problem.ts';
import type { LayerType } from '../../io/validate/layer-spec.ts';
import type { Overlay } from '../../map/overlay.ts';

export interface TargetContext {
  /** The file name, for problem locations and provenance. */
  file: string;
  /** The project as it is now (e.g. the boards to match names against). */
  state: ProjectState;
  /** ISO date (YYYY-MM-DD) recorded as provenance. */
  importedAt: string;
}

/** What applying an import does: the change, and how many items it brings in. */
export interface TargetOutcome {
  change: Change<ProjectState>;
  /** Items imported (facilities, boards replaced, street lines …). */
  count: number;
}

export interface ImportTarget {
  /** Stable id, also the i18n suffix: `importer.target.<id>`, `importer.needs.<id>`, `importer.unit.<id>`. */
  id: string;
  /** The spec importLayer checks features against (src/io/validate/layer-spec.ts). */
  layerType: LayerType;
  /**
   * The features (WGS-84, already checked by importLayer) → one change, or problems. Problem
   * locations are indices into `fc.features` (or CSV rows `index + 2`); the dialog maps them
   * back to the file's feature or row.
   */
  toChange(fc: FeatureCollection, ctx: TargetContext): Checked<TargetOutcome>;
  /** i18n key of the success message ({n}, {file}); default `importer.done`. */
  doneKey?: string;
  /** Draws the imported slice when nothing else does (null = nothing to draw). */
  overlay?: (state: ProjectState) => Overlay | null;
  /** The feature tab that draws this slice itself: the plain overlay is hidden while it is active. */
  drawnByTab?: string;
}
