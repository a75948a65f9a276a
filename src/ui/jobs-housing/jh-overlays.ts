/**
 * The job–housing map overlays as data: employment areas (hatched-looking dashed outline, since
 * shape and jobs are 示意), their labels (name + jobs), and catchment rings around them.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Overlay } from '../../map/overlay.ts';
import { LAYERS } from '../../map/layer-ids.ts';
import { MAP_FONT_STACK } from '../../map/colors.ts';
import { labelPoint } from '../../geo/measure.ts';
import type { Areal } from '../../geo/polygon-ops.ts';
import type { EmploymentAreaCollection } from '../../domain/employment-area.ts';
import { bilingual } from '../../i18n/messages/index.ts';

export const JH_OVERLAY_IDS = {
  employment: 'jh-employment',
  employmentLabels: 'jh-employment-labels',
  catchments: 'jh-catchments',
} as const;

/** Colour of employment areas and their rings (dark teal: apart from the choropleth's hues). */
export const EMPLOYMENT_COLOR = '#01665e';

/** Layer ids, for tests and for hit-testing. */
export const JH_LAYERS = {
  employmentFill: 'jh-employment-fill',
  employmentLine: 'jh-employment-line',
  employmentLabel: 'jh-employment-label',
  catchmentLine: 'jh-catchment-line',
} as const;

/** Fill opacity of the employment areas (the legend blends its swatch at the same). */
export const EMPLOYMENT_OPACITY = 0.28;

/** Employment-area polygons; `selectedId` is drawn thicker. Made-up areas say so in the layer list and legends. */
export function employmentOverlay(employment: EmploymentAreaCollection, selectedId: string | null): Overlay {
  const illustrative = employment.features.some((f) => f.properties.illustrative);
  return {
    id: JH_OVERLAY_IDS.employment,
    data: employment as FeatureCollection,
    info: {
      title: bilingual('jh.parks'),
      ...(illustrative ? { status: 'illustrative' as const } : {}),
      legend: [{ label: bilingual(illustrative ? 'jh.legend.employment' : 'jh.legend.employmentReal', { n: employment.features.length }), color: EMPLOYMENT_COLOR, swatch: 'fill', opacity: EMPLOYMENT_OPACITY }],
    },
    promoteId: 'id',
    beforeId: LAYERS.countyLabel,
    styleKey: `sel:${selectedId ?? ''}`,
    layers: [
      { id: JH_LAYERS.employmentFill, type: 'fill', paint: { 'fill-color': EMPLOYMENT_COLOR, 'fill-opacity': EMPLOYMENT_OPACITY } },
      {
        id: JH_LAYERS.employmentLine,
        type: 'line',
        paint: {
          'line-color': EMPLOYMENT_COLOR,
          'line-width': ['case', ['==', ['get', 'id'], selectedId ?? ''], 3.5, 1.8],
          'line-dasharray': ['case', ['get', 'illustrative'], ['literal', [2, 1]], ['literal', [1, 0]]],
        },
      },
    ],
  };
}

/** Labels "经开区 / 9.5 万岗位（示意）" at each park's label point; `jobsText` formats the second line. */
export function employmentLabelsOverlay(employment: EmploymentAreaCollection, label: (p: EmploymentAreaCollection['features'][number]['properties']) => string): Overlay {
  const features: Feature<Point>[] = employment.features.map((f) => ({
    type: 'Feature',
    properties: { id: f.properties.id, label: label(f.properties) },
    geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
  }));
  return {
    id: JH_OVERLAY_IDS.employmentLabels,
    toggleWith: JH_OVERLAY_IDS.employment,
    data: { type: 'FeatureCollection', features },
    beforeId: LAYERS.nodeCircle,
    layers: [
      {
        id: JH_LAYERS.employmentLabel,
        type: 'symbol',
        layout: {
          'text-field': ['get', 'label'],
          'text-font': MAP_FONT_STACK,
          'text-size': 12,
          'text-max-width': 16,
          // Neighbouring parks (经开区, 浙南科技城) would overlap at city zoom: let each label move aside.
          'text-variable-anchor': ['center', 'left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.8,
        },
        paint: { 'text-color': EMPLOYMENT_COLOR, 'text-halo-color': '#ffffff', 'text-halo-width': 1.8 },
      },
    ],
  };
}

/** Catchment rings (r km from each park's edge) from the worker. */
export function catchmentOverlay(rings: readonly { parkId: string; geometry: Areal }[], radiusKm: number): Overlay {
  return {
    id: JH_OVERLAY_IDS.catchments,
    info: {
      title: bilingual('jh.layer.catchments'),
      legend: [{ label: bilingual('jh.legend.catchment', { r: radiusKm }), color: EMPLOYMENT_COLOR, swatch: 'dashed-line' }],
    },
    data: { type: 'FeatureCollection', features: rings.map((r) => ({ type: 'Feature', properties: { parkId: r.parkId }, geometry: r.geometry })) },
    beforeId: LAYERS.countyLabel,
    layers: [{ id: JH_LAYERS.catchmentLine, type: 'line', paint: { 'line-color': EMPLOYMENT_COLOR, 'line-width': 1.4, 'line-opacity': 0.75, 'line-dasharray': [4, 3] } }],
  };
}
