/**
 * How to draw a vector basemap file (PMTiles or MBTiles), from the source layers it declares
 * (`vector_layers`): files in the Protomaps schema (earth, water, roads, places …) get the
 * maintained Protomaps style (protomaps-layers.ts); any other schema — OpenMapTiles
 * (transportation, water, place …), a bureau's own — gets a plain generic style: polygons filled,
 * lines drawn and points labelled, coloured by a guess from each layer's name. The status line
 * says which style is used, so a generic one is never taken for a cartographer's.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { MAP_FONT_STACK } from './colors.ts';
import { protomapsLayers } from './protomaps-layers.ts';

export type VectorSchema = 'protomaps' | 'generic';

/** Source-layer name → colour, by the first pattern that matches (OpenMapTiles and common names). */
const GUESSES: [RegExp, { fill: string; line: string }][] = [
  [/water|ocean|sea|lake|river|reservoir|水/i, { fill: '#a9cbe6', line: '#6fa3cf' }],
  [/park|green|forest|wood|grass|landcover|绿/i, { fill: '#d5e8c4', line: '#9cc27f' }],
  [/building|建筑/i, { fill: '#ddd3ca', line: '#c2b3a5' }],
  [/transport|road|street|highway|rail|道路|交通/i, { fill: '#eadfce', line: '#c98a3c' }],
  [/boundar|admin|边界|行政/i, { fill: '#ece6f2', line: '#8c6bb1' }],
  [/landuse|用地/i, { fill: '#ebe5d6', line: '#c8bfa8' }],
];
const OTHER = { fill: '#e6e1d6', line: '#8f8a80' };

const NAME: unknown = ['coalesce', ['get', 'name:zh'], ['get', 'name_zh'], ['get', 'name:zh-Hans'], ['get', 'name:zh-Hant'], ['get', 'name'], ['get', 'NAME'], ['get', '名称']];

function colourOf(id: string) {
  return GUESSES.find(([re]) => re.test(id))?.[1] ?? OTHER;
}

/** The generic style: for each source layer a fill (polygons), a line (lines and outlines) and labels (points). */
export function genericVectorLayers(sourceLayers: string[], sourceId: string, prefix: string): LayerSpecification[] {
  const fills: LayerSpecification[] = [];
  const lines: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  for (const id of sourceLayers) {
    const c = colourOf(id);
    const base = { source: sourceId, 'source-layer': id };
    fills.push({ ...base, id: `${prefix}generic-fill-${id}`, type: 'fill', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': c.fill, 'fill-opacity': 0.8 } } as LayerSpecification);
    lines.push({ ...base, id: `${prefix}generic-line-${id}`, type: 'line', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': c.line, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 14, 2.5] } } as LayerSpecification);
    labels.push({
      ...base,
      id: `${prefix}generic-label-${id}`,
      type: 'symbol',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { 'text-field': NAME, 'text-font': MAP_FONT_STACK, 'text-size': 12 },
      paint: { 'text-color': '#3a3a3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    } as LayerSpecification);
  }
  return [...fills, ...lines, ...labels];
}

/**
 * The layers for a vector basemap whose source layers are `sourceLayers` (empty: not declared,
 * taken as the Protomaps schema, as the `pmtiles` tool's extracts are).
 */
export function vectorBasemapLayers(sourceLayers: string[], sourceId: string, prefix: string): { layers: LayerSpecification[]; schema: VectorSchema } {
  const has = new Set(sourceLayers);
  const pm = protomapsLayers(sourceId).filter((l) => !has.size || has.has((l as { 'source-layer'?: string })['source-layer'] ?? ''));
  // Protomaps files always have `earth`; a file sharing only a name like `water` is another schema.
  if (pm.length && (!has.size || has.has('earth'))) return { layers: pm, schema: 'protomaps' };
  return { layers: genericVectorLayers(sourceLayers, sourceId, prefix), schema: 'generic' };
}
