/** Source and layer ids, in one place so the map component and tests agree. */
import type { LayerGroup } from '../state/map-view.ts';

export const SOURCES = {
  land: 'land',
  inlandWater: 'inland-water',
  counties: 'counties',
  countyLabels: 'county-labels',
  structure: 'structure',
  boards: 'boards',
  boardLabels: 'board-labels',
  nodes: 'nodes',
} as const;

export const LAYERS = {
  background: 'sea',
  land: 'land-fill',
  inlandWater: 'inland-water-fill',
  structureFill: 'structure-fill',
  structureLine: 'structure-line',
  countyLine: 'county-line',
  boardFill: 'board-fill',
  boardLine: 'board-line',
  boardHighlight: 'board-highlight',
  countyLabel: 'county-label',
  boardLabel: 'board-label',
  nodeCircle: 'node-circle',
  nodeLabel: 'node-label',
} as const;

/** Prefix of every basemap layer id (basemap-controller.ts), so the map can find and remove them. */
export const BASEMAP_LAYER_PREFIX = 'basemap-';

/** The MapLibre layers of each group the user can toggle (src/state/map-view.ts). */
export const LAYER_GROUPS = {
  boards: [LAYERS.boardFill, LAYERS.boardLine, LAYERS.boardHighlight, LAYERS.boardLabel],
  structure: [LAYERS.structureFill, LAYERS.structureLine],
  nodes: [LAYERS.nodeCircle, LAYERS.nodeLabel],
  counties: [LAYERS.countyLine],
  labels: [LAYERS.countyLabel],
} as const satisfies Record<LayerGroup, readonly string[]>;
