/**
 * The map's edit layer: one small GeoJSON source for what is being drawn (the sketch of a new
 * site). Updating it per mouse move re-uploads a handful of vertices, never a feature's whole
 * overlay. (A dragged feature's preview is drawn over the map in the same colours, without a map
 * frame per move: overlay-drag.ts.)
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LonLat } from './draw.ts';

export const EDIT_SOURCE = 'anju-edit';
export const EDIT_COLOR = '#c2410c';

export const EDIT_LAYERS: LayerSpecification[] = [
  { id: 'anju-edit-fill', type: 'fill', source: EDIT_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': EDIT_COLOR, 'fill-opacity': 0.25 } },
  { id: 'anju-edit-line', type: 'line', source: EDIT_SOURCE, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': EDIT_COLOR, 'line-width': 2, 'line-dasharray': [2, 1] } },
  {
    id: 'anju-edit-vertex',
    type: 'circle',
    source: EDIT_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': ['case', ['boolean', ['get', 'snapped'], false], 7, 4.5],
      'circle-color': ['case', ['boolean', ['get', 'snapped'], false], '#fde047', '#ffffff'],
      'circle-stroke-color': EDIT_COLOR,
      'circle-stroke-width': 2,
    },
  },
];

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The sketch of a polygon being drawn: its vertices, the outline to the cursor, and the area so far. */
export function sketchFeatures(vertices: readonly LonLat[], cursor: LonLat | null, cursorSnapped: boolean): FeatureCollection {
  const features: Feature[] = vertices.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [...p] } }));
  const path = cursor ? [...vertices, cursor] : [...vertices];
  if (path.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path.map((p) => [...p]) } });
  if (path.length >= 3) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...path.map((p) => [...p]), [...path[0]]]] } });
  if (cursor) features.push({ type: 'Feature', properties: { snapped: cursorSnapped }, geometry: { type: 'Point', coordinates: [...cursor] } });
  return { type: 'FeatureCollection', features };
}
