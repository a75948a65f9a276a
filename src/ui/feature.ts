/**
 * A feature's hooks into the app shell, so features live in their own folders and the shell
 * never grows a special case per feature:
 * - a sidebar tab (its own component),
 * - sections in the board panel,
 * - map overlays and a board choropleth (read reactively from the feature's store).
 */
import type { Component } from 'svelte';
import type { BoardFeature } from '../domain/board.ts';
import type { Overlay } from '../map/overlay.ts';

export interface Feature {
  id: string;
  label: { zh: string; en: string };
  /** The sidebar content when this feature's tab is active. */
  Sidebar?: Component;
  /** Sections shown in the board panel (any tab), in order. */
  BoardSection?: Component<{ board: BoardFeature }>;
  /** Overlays to draw while this tab is active (evaluated reactively). */
  overlays?: () => Overlay[];
  /** Overlays drawn whatever the active tab. */
  globalOverlays?: () => Overlay[];
  /** Board colours while this tab is active; null → colour by category. */
  boardColors?: () => Record<string, string> | null;
}
