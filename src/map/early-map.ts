/**
 * The MapLibre map made as the start-up scripts run (main.ts), before the team probe has answered,
 * the project is restored and the shell is mounted: its style's first frame and the requests for
 * the shipped data (MapLibre's worker fetches and parses the basemap and structure files) come while
 * the page still waits on those. It holds only what no project changes (the shipped basemap, the
 * active plan's structure, the edit layer), in a hidden container placed where the shell's map area
 * will be. MapView adopts it (it stays the one component that owns the map) and adds the project's
 * boards, their labels and nodes as it mounts, after the restore: the boards source never holds
 * another project's boards (README "### First load").
 */
import * as maplibregl from 'maplibre-gl';
import type { Map as MlMap, LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';
import './maplibre-worker-start.ts';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { StructureCollection } from '../domain/structure.ts';
import { baseStyle, type PlanMapData } from './base-style.ts';
import { mapDataUrls } from '../data/shipped-map-files.ts';
import { SOURCES } from './layer-ids.ts';
import { MAP_FONT_STACK } from './colors.ts';
import { EDIT_LAYERS, EDIT_SOURCE, EMPTY } from './edit-layer.ts';
import { bboxOf } from '../geo/measure.ts';
import type { Lang } from '../i18n/lang.ts';

type Bounds = [number, number, number, number];
const WENZHOU_BOUNDS: LngLatBoundsLike = [[119.6, 27.05], [121.3, 28.6]];

/** The sources the project fills (MapView); the rest of the first screen's style is the same for every project. */
export const PLAN_SOURCES: readonly string[] = [SOURCES.boards, SOURCES.boardLabels, SOURCES.nodes];

/** West, south, east, north of the boards (the map opens on them), or undefined with none. */
export function boardsBounds(boards: FeatureCollection): Bounds | undefined {
  const boxes = boards.features.map((b) => bboxOf(b.geometry));
  return boxes.length
    ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
    : undefined;
}

/** The whole first screen's style: the shipped basemap and structure, the plan's layers (with `plan`), the edit layer (empty). */
export function firstScreenStyle(structure: string | StructureCollection, lang: Lang, plan?: PlanMapData): StyleSpecification {
  // The shipped basemap layers by URL: MapLibre's worker fetches and parses them (vite-plugin-map-data.ts).
  const style = baseStyle({ ...mapDataUrls, [SOURCES.structure]: structure }, lang, plan);
  // The edit layer too (empty): added after 'load' it cost another round of frames before the first idle.
  style.sources[EDIT_SOURCE] = { type: 'geojson', data: EMPTY };
  style.layers.push(...EDIT_LAYERS);
  return style;
}

/** Everything the map opens with but its container and style. */
export function mapOptions(bounds: Bounds | undefined) {
  return {
    bounds: bounds ? ([[bounds[0], bounds[1]], [bounds[2], bounds[3]]] as LngLatBoundsLike) : WENZHOU_BOUNDS,
    fitBoundsOptions: { padding: 20 },
    localIdeographFontFamily: MAP_FONT_STACK.join(', '),
    attributionControl: false as const, // added by MapView: the boards' credit follows the boards
    // Nothing reads this canvas (the PNG export renders a map of its own, export/render-map.ts), so
    // its drawing buffer is not preserved: no copy of every frame.
    // Labels appear without a 300 ms fade: no run of frames after each move, drag or data change.
    fadeDuration: 0,
    maxZoom: 16,
    minZoom: 6,
    // Shift-click picks boards for comparison; MapLibre's shift-drag box zoom would swallow it.
    boxZoom: false,
  } satisfies Omit<maplibregl.MapOptions, 'container' | 'style'>;
}

/** The map with its controls (the attribution is MapView's). */
export function makeMap(container: HTMLElement, style: StyleSpecification, bounds: Bounds | undefined): MlMap {
  const m = new maplibregl.Map({ container, style, ...mapOptions(bounds) });
  m.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
  m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  return m;
}

export interface EarlyMap {
  map: MlMap;
  container: HTMLDivElement;
  /** What it opened with: the structure it holds, the bounds it was fitted to. */
  structure: string | StructureCollection;
  bounds: Bounds | undefined;
  /** Its style has loaded (sources and layers can be added). */
  styleLoaded: boolean;
  /** MapLibre's `load` has fired. */
  loaded: boolean;
  /** Lets it draw: MapView calls this once it has added the project's layers. */
  release(): void;
}

let early: EarlyMap | null = null;

/**
 * Makes the map now, hidden, where the shell's map area will be: below the 48 px top bar, right of
 * the sidebar (`sidebarPx`), so it opens at the size the shell gives it (MapView fits it again
 * if the shell's area or the project's boards differ).
 */
export function startEarlyMap(structure: string | StructureCollection, lang: Lang, bounds: Bounds | undefined, sidebarPx: number): void {
  const container = document.createElement('div');
  container.dataset.earlyMap = '';
  container.style.cssText = `position: fixed; top: 48px; left: ${sidebarPx}px; right: 0; bottom: 0; visibility: hidden`;
  document.body.append(container);
  const style = firstScreenStyle(structure, lang);
  // Without the project's sources and layers: MapView adds them (not empty ones filled later, which would tile twice).
  for (const id of PLAN_SOURCES) delete style.sources[id];
  style.layers = style.layers.filter((l) => !('source' in l) || !PLAN_SOURCES.includes(l.source));
  const m = makeMap(container, style, bounds);
  // No frame until MapView has adopted it: its style still loads and MapLibre's worker fetches, parses and
  // indexes the shipped data meanwhile (the sources load with the style), but frames of a hidden map
  // without the project's layers, and the tiles they would ask for, would only be a round of frames more.
  const repaint = m.triggerRepaint;
  m.triggerRepaint = () => {};
  const release = () => {
    m.triggerRepaint = repaint;
    m.triggerRepaint();
  };
  const e: EarlyMap = { map: m, container, structure, bounds, styleLoaded: false, loaded: false, release };
  m.once('style.load', () => (e.styleLoaded = true));
  m.once('load', () => (e.loaded = true));
  // The bench's frame counter (bench/first-load/frames.ts) hooks the map here. `map` on the test hook is
  // MapView's to set, once the map has the project's layers (the tests wait on it, then on the map's `load`).
  (window as unknown as { __anju?: { earlyMap: MlMap } }).__anju = { earlyMap: m };
  early = e;
}

/** The early map for MapView to adopt (once), or null when none was made. */
export function takeEarlyMap(): EarlyMap | null {
  const e = early;
  early = null;
  return e;
}

/** No shell will adopt it (the team client or a meeting link starts instead, or the shell failed): gone. */
export function dropEarlyMap(): void {
  const e = takeEarlyMap();
  if (!e) return;
  e.map.remove();
  e.container.remove();
}
