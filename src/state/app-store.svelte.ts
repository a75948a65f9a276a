/**
 * The app's reactive store: the project state behind an undo/redo history, plus view state
 * (selection, hover, layers; the basemap is in basemap.svelte.ts). Components read it and call its methods; the map
 * gets data from it through props. Only this file (and other *.svelte.ts) uses runes.
 */
import { History } from './history.ts';
import type { Change } from './change.ts';
import type { ProjectState } from './project.ts';
import { addNode, deleteNode, renameNode } from './project.ts';
import type { Camera, DrawRequest, LayerGroup, Padding } from './map-view.ts';
import { bboxOf } from '../geo/measure.ts';
import { defaultBoards } from '../data/default-boards.ts';
import { defaultEmploymentAreas } from '../data/jobs-housing-defaults.ts';
import { initialProject } from './initial-project.ts';
import { planRuleSettings } from '../data/active-plan.ts';
import { planBoardCollection } from '../data/plan-boards.ts';
import { planStore } from './plan-store.svelte.ts';

export type Selection =
  | { kind: 'board'; id: string }
  | { kind: 'structure'; id: string }
  | { kind: 'node'; id: string }
  | null;

export class AppStore {
  // planStore first: a package kept from the last session is active before the first project is made.
  #history = new History<ProjectState>(initialProject(planBoardCollection(planStore.plan, defaultBoards), defaultEmploymentAreas, planRuleSettings(), new Date().toISOString()));
  project = $state.raw<ProjectState>(this.#history.state);
  canUndo = $state(false);
  canRedo = $state(false);
  undoLabel = $state<Change<ProjectState>['label'] | null>(null);
  redoLabel = $state<Change<ProjectState>['label'] | null>(null);

  /**
   * Why the project cannot be changed now (an old revision is open, the account may only
   * read), or null. While set, apply/undo/redo change nothing and count a refused edit.
   */
  readOnly = $state<{ zh: string; en: string } | null>(null);
  /** Edits refused while read-only (the UI says why when it grows). */
  refusedEdits = $state(0);

  /** The supply scenario the app shows (null: the first); see active-scenario.svelte.ts. */
  activeScenarioId = $state<string | null>(null);
  /** The active feature tab (see src/ui/features.ts). */
  tab = $state('plan');
  selection = $state<Selection>(null);
  hoveredBoardId = $state<string | null>(null);
  visible = $state<Record<LayerGroup, boolean>>({ boards: true, structure: true, nodes: true, counties: true, labels: true });
  /** Ids of feature overlays the user hid in the layer list (src/ui/LayerPanel.svelte). */
  hiddenOverlays = $state<string[]>([]);
  picking = $state<'node' | null>(null);
  /** A geometry being drawn on the map (a feature asks; MapView draws and reports back), or null. */
  drawing = $state.raw<DrawRequest | null>(null);
  fitRequest = $state<{ bbox: [number, number, number, number]; seq: number; padding?: Padding } | null>(null);
  /** The map's view after its last move (reported by MapView), for links and exports. */
  camera = $state<Camera | null>(null);
  /** Jump to this view whenever `seq` changes (e.g. when a link is opened). */
  cameraRequest = $state<(Camera & { seq: number }) | null>(null);
  /** The map fills the window, the panels hide (presentation mode). */
  mapOnly = $state(false);

  /**
   * What the map actually shows: the user's layer choices, except that the city-wide structure
   * fill belongs to the plan tab (elsewhere it would muddy the feature choropleths).
   */
  get mapVisible(): Record<LayerGroup, boolean> {
    return { ...this.visible, structure: this.visible.structure && this.tab === 'plan' };
  }

  get selectedBoardId(): string | null {
    return this.selection?.kind === 'board' ? this.selection.id : null;
  }
  get selectedStructureId(): string | null {
    return this.selection?.kind === 'structure' ? this.selection.id : null;
  }

  /** Start from a stored project (before the first render), without undo history. */
  load(state: ProjectState): void {
    this.#history.reset(state);
    this.project = state;
    this.#sync();
  }

  /**
   * Content merged in from elsewhere (a colleague's save, another tab) becomes the present
   * state; the undo history stays, so undo still reverts this session's own changes.
   */
  rebase(state: ProjectState): void {
    this.#history.replacePresent(state);
    this.project = state;
    this.#sync();
  }

  #refused(): boolean {
    if (this.readOnly) this.refusedEdits++;
    return this.readOnly !== null;
  }

  apply(change: Change<ProjectState>): void {
    if (this.#refused()) return;
    this.project = this.#history.apply(change);
    this.#sync();
  }
  undo(): void {
    if (this.#refused()) return;
    this.project = this.#history.undo();
    this.#sync();
  }
  redo(): void {
    if (this.#refused()) return;
    this.project = this.#history.redo();
    this.#sync();
  }
  #listeners = new Set<(project: ProjectState) => void>();

  /**
   * Call `fn` after every change of the project (apply, undo, redo, load). Plain callbacks, not
   * a Svelte effect: an error while rendering some view cannot stop them (autosave relies on
   * it). Returns a function that unsubscribes.
   */
  subscribe(fn: (project: ProjectState) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #sync(): void {
    for (const fn of this.#listeners) {
      try {
        fn(this.project);
      } catch (e) {
        console.error('[anju] a project listener failed', e);
      }
    }
    this.canUndo = this.#history.canUndo;
    this.canRedo = this.#history.canRedo;
    this.undoLabel = this.#history.undoLabel;
    this.redoLabel = this.#history.redoLabel;
    const sel = this.selection;
    if (sel?.kind === 'node' && !this.project.nodes.some((n) => n.properties.id === sel.id)) this.selection = null;
  }

  selectBoard(id: string | null, zoom = false): void {
    this.selection = id ? { kind: 'board', id } : null;
    if (id && zoom) this.zoomToBoard(id);
  }
  zoomToBoard(id: string): void {
    const b = this.project.boards.features.find((f) => f.properties.id === id);
    if (b) this.fitTo(bboxOf(b.geometry));
  }
  /** Fly the map to these bounds [w, s, e, n] (degrees), with optional padding in CSS px. */
  fitTo(bbox: [number, number, number, number], padding?: Padding): void {
    this.fitRequest = { bbox, seq: (this.fitRequest?.seq ?? 0) + 1, ...(padding ? { padding } : {}) };
  }
  /** Jump the map to a view (no animation). */
  jumpTo(camera: Camera): void {
    this.cameraRequest = { ...camera, seq: (this.cameraRequest?.seq ?? 0) + 1 };
  }

  addNodeAt(lonLat: [number, number], name: string): string {
    const id = `node-${Date.now().toString(36)}-${this.project.nodes.length}`;
    this.apply(addNode({ type: 'Feature', properties: { id, name, note: '非规划内容' }, geometry: { type: 'Point', coordinates: lonLat } }));
    this.selection = { kind: 'node', id };
    return id;
  }
  renameNode(id: string, name: string): void {
    this.apply(renameNode(id, name));
  }
  deleteNode(id: string): void {
    this.apply(deleteNode(id));
  }
}

export const store = new AppStore();
