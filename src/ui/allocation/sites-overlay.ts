/** The map overlay of a scenario's sites: polygons and points, the selected one highlighted. */
import type { FeatureCollection } from 'geojson';
import type { Site } from '../../domain/allocation.ts';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { OverlayInfo } from '../../map/overlay.ts';
import { bilingual } from '../../i18n/messages/index.ts';

export const SITES_OVERLAY_ID = 'alloc-sites';
const SITE_COLOR = '#7c2d12';
/** Fill opacity of unselected site polygons (the legend blends its swatch at the same). */
const SITE_OPACITY = 0.35;

/** The sites' entry in the layer list and legends. */
export function siteLegend(scenarioName: string): OverlayInfo {
  return {
    title: bilingual('alloc.legend.sites', { name: scenarioName }),
    legend: [
      { label: bilingual('alloc.legend.sitePolygon'), color: SITE_COLOR, swatch: 'fill', opacity: SITE_OPACITY },
      { label: bilingual('alloc.legend.sitePoint'), color: SITE_COLOR, swatch: 'point' },
    ],
  };
}

/** Sites as GeoJSON features with `id`, `name`, `units` and `selected` properties. */
export function sitesData(sites: readonly Site[], selectedId: string | null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({ type: 'Feature', properties: { id: s.id, name: s.name, units: s.units, selected: s.id === selectedId }, geometry: s.geometry })),
  };
}

/**
 * sitesData that returns the same object while the sites array and the selection are the same,
 * so a grid edit (a new scenario object, the same sites) does not re-upload the sites to the map.
 */
export function memoSitesData(): (sites: readonly Site[], selectedId: string | null) => FeatureCollection {
  let last: { sites: readonly Site[]; selectedId: string | null; data: FeatureCollection } | null = null;
  return (sites, selectedId) => {
    if (last?.sites !== sites || last.selectedId !== selectedId) last = { sites, selectedId, data: sitesData(sites, selectedId) };
    return last.data;
  };
}

const selected: ExpressionSpecification = ['boolean', ['get', 'selected'], false];

/** Layer specs (MapView sets their source to the overlay's id). */
export const SITE_LAYERS: LayerSpecification[] = [
  { id: 'alloc-site-fill', type: 'fill', source: SITES_OVERLAY_ID, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': SITE_COLOR, 'fill-opacity': ['case', selected, 0.55, SITE_OPACITY] } },
  { id: 'alloc-site-line', type: 'line', source: SITES_OVERLAY_ID, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': SITE_COLOR, 'line-width': ['case', selected, 3, 1.5] } },
  {
    id: 'alloc-site-point',
    type: 'circle',
    source: SITES_OVERLAY_ID,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': ['case', selected, 8, 6], 'circle-color': SITE_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': ['case', selected, 3, 1.5] },
  },
];
