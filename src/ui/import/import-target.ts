/**
 * What an import target is (src/ui/import/targets.ts keeps the registry of them): it reads the
 * checked WGS-84 layer with its kind's reader and turns it into ONE undoable change of the project
 * state, or the problems that stop it. What the map draws of an imported slice is
 * imported-overlays.ts, apart from the targets and their readers.
 */
import type { Change } from '../../state/change.ts';
import type { ProjectState } from '../../state/project.ts';
import type { Checked } from '../../domain/problem.ts';
import type { ImportedLayer, InputKind } from '../../io/readers/input-reader.ts';

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
  /** The kind of input, i.e. which reader of src/io/readers/ reads the layer. */
  kind: InputKind;
  /**
   * The layer (WGS-84, already checked by importLayer) → one change, or problems located in the
   * file (the layer's origins). `lenient`: the user agreed to skip items with errors.
   */
  toChange(layer: ImportedLayer, ctx: TargetContext, lenient: boolean): Checked<TargetOutcome>;
  /** The target reads tables without coordinates (CSV/XLSX rows naming their place): importLayer's `allowTable`. */
  allowTable?: boolean;
  /** i18n key of the success message ({n}, {file}); default `importer.done`. */
  doneKey?: string;
}
