/** Source and layer ids, in one place so the map component and tests agree. */
import type { LayerGroup } from '../state/map-view.ts';

export const SOURCES = {
  /** The shipped basemap in one source: land, its inland water, county outlines and county label points (BASEMAP_KIND); not the basemap controller's source ('basemap'). */
  basemap: 'shipped-basemap',
  structure: 'structure',
  boards: 'boards',
  boardLabels: 'board-labels',
  nodes: 'nodes',
} as const;

/** The `kind` property of each feature of the basemap source, which its layers filter on. */
export const BASEMAP_KIND = { land: 'land', inlandWater: 'inland-water', county: 'county', countyLabel: 'county-label' } as const;

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
