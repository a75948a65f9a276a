/**
 * A feature's hooks into the app shell, so features live in their own folders and the shell
 * never grows a special case per feature:
 * - a sidebar tab (its own component),
 * - sections in the board panel,
 * - map overlays and a board choropleth (read reactively from the feature's store),
 * - figures per board for comparison cards, the board table and exports,
 * - chapters for the presentation mode,
 * - a top-bar item and a component over the map (e.g. the import button, drop zone and dialog).
 * Only features with a `Sidebar` get a tab.
 */
import type { Component } from 'svelte';
import type { BoardFeature } from '../domain/board.ts';
import type { BoardFigure } from '../domain/board-figure.ts';
import type { ChapterStop } from '../domain/chapter.ts';
import type { DragGhostRing, FeatureDragEvent, Overlay } from '../map/overlay.ts';
import type { EditTarget } from '../map/geometry-editor.ts';
import type { EditableGeometry } from '../map/edit-geometry.ts';

/** A presentation chapter: a stop of the map (src/domain/chapter.ts) and its caption. */
export interface Chapter extends ChapterStop {
  /** Caption component (quotes from the plan with citations, live figures). */
  Caption: Component;
}

/**
 * How the map responds to the pointer while a feature's tab is active (read reactively):
 * point features of `draggableLayers` (with an `id` property) can be clicked and dragged;
 * while `picking` is true a map click reports its position to `onPick`.
 */
export interface MapInteraction {
  draggableLayers: string[];
  /** Drag steps; on `start` it may give a reach ring to draw around the dragged point. */
  onFeatureDrag?: (e: FeatureDragEvent) => DragGhostRing | void;
  onFeatureClick?: (layerId: string, featureId: string) => void;
  picking?: boolean;
  onPick?: (lonLat: [number, number]) => void;
}

/** One colour of a map legend. */
export interface LegendEntry {
  color: string;
  label: { zh: string; en: string };
}

/** A line an export or print states about what it shows, e.g. `方案` → `方案一`. */
export interface ExportNote {
  label: string;
  value: string;
}

/** What a feature adds to every export and print (in the current language). */
export interface ExportContext {
  /** What its figures and map depend on: scenario, housing type and year shown, assumptions … */
  notes: ExportNote[];
  /** Warnings the figures raise (rule warnings …), each a full sentence with its citation; null: none apply. */
  warnings: { title: string; items: string[] } | null;
}

export interface Feature {
  id: string;
  label: { zh: string; en: string };
  /** The sidebar content when this feature's tab is active; features without one get no tab. */
  Sidebar?: Component;
  /** Width of the sidebar while this tab is active, in CSS px (default 290): wider for a tab whose table needs it. */
  sidebarWidthPx?: number;
  /** Shown in the top bar (any tab), e.g. a button. */
  TopBarItem?: Component;
  /** Rendered over the map (any tab), positioned absolutely within the map area: drop zones, floating dialogs. */
  MapItem?: Component;
  /** Sections shown in the board panel (any tab), in order. */
  BoardSection?: Component<{ board: BoardFeature }>;
  /** Overlays to draw while this tab is active (evaluated reactively). */
  overlays?: () => Overlay[];
  /** Overlays drawn whatever the active tab. */
  globalOverlays?: () => Overlay[];
  /** Board colours while this tab is active; null → colour by category. */
  boardColors?: () => Record<string, string> | null;
  /**
   * Legend entries for `boardColors` (colour → meaning), so exported maps and the presentation
   * can say what the colours mean. Without it they name the feature instead.
   */
  boardLegend?: () => LegendEntry[];
  /** The heading of `boardLegend` when the colours need more than the feature's name (e.g. which housing type and year). */
  boardLegendTitle?: () => string;
  /** Figures per board for comparison, the board table and exports. */
  boardFigures?: () => BoardFigure[];
  /**
   * Resolves once `boardFigures` are computed (e.g. after starting the feature's worker), so
   * exports, print and the presentation wait for them instead of writing empty columns.
   */
  prepareFigures?: () => Promise<void>;
  /** What exports and print must say about this feature's figures and map, and its warnings. */
  exportContext?: () => ExportContext;
  /**
   * This feature's part of the view in a link (src/state/url-state.ts `params`): `read` returns
   * short keys and id-like values (only those that differ from the defaults), `apply` restores
   * them from a link, ignoring what it does not recognise. Read reactively.
   */
  viewParams?: { read(): Record<string, string>; apply(params: Readonly<Record<string, string>>): void };
  /** Dragging, clicking and placing things on the map while this tab is active. */
  mapInteraction?: () => MapInteraction;
  /** A board clicked on the map with shift held: return true when the feature handled it. */
  onBoardShiftClick?: (boardId: string) => boolean;
  /** Chapters this feature adds to the presentation, in order. */
  chapters?: () => Chapter[];
  /** While this tab is active: a polygon the user may reshape or move on the map (null = none). */
  editTarget?: () => EditTarget | null;
  /** Called when the user finishes dragging `editTarget` (apply it as one undoable change). */
  onEditEnd?: (id: string, geometry: EditableGeometry) => void;
}
