/**
 * The coverage tab's map layers as data: gap cells (board area out of reach of the map tier),
 * over-claim points (in reach in a straight line, not along streets), reach rings, the selected
 * facility's halo and the facilities coloured by tier. Bottom to top in that order.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Overlay, OverlayData } from '../../map/overlay.ts';
import { COVERAGE_TIERS, type CoverageTier } from '../../analysis/coverage/tier-figures.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import { draggedOpacity } from '../../map/feature-drag.ts';

/** Tier colours (ColorBrewer Dark2, distinct from the board categories' fills). */
export const TIER_COLORS: Readonly<Record<CoverageTier | 'other', string>> = {
  '15-min': '#7b3294',
  '10-min': '#0571b0',
  '5-min': '#008837',
  other: '#666666',
};
export const GAP_COLOR = '#e31a1c';
export const OVERCLAIM_COLOR = '#ff7f00';
/** Boards shaded by area share in reach (0 → 1), light to dark warm grey, under the red gaps. */
export const SHARE_RAMP = ['#f6f3ec', '#e4ded1', '#cfc6b3', '#b5aa92', '#978b70'] as const;

export const COVERAGE_LAYERS = {
  gapFill: 'coverage-gaps-fill',
  overClaim: 'coverage-overclaim-circle',
  rings: 'coverage-rings-line',
  selected: 'coverage-selected-halo',
  facilities: 'coverage-facilities-circle',
} as const;

const tierColor = ['match', ['get', 'tier'], ...COVERAGE_TIERS.flatMap((t) => [t, TIER_COLORS[t]]), TIER_COLORS.other] as unknown as ExpressionSpecification;
const ringColor: ExpressionSpecification = ['coalesce', ['get', 'color'], TIER_COLORS['10-min']] as ExpressionSpecification;

export function shareColor(share: number): string {
  return SHARE_RAMP[Math.min(SHARE_RAMP.length - 1, Math.floor(share * SHARE_RAMP.length))];
}

export interface CoverageLayerData {
  /** Tiles the tile worker draws from the packed gap cells (gap-tiles.ts), or an empty collection. */
  gaps: OverlayData;
  overClaim: FeatureCollection;
  /** Tiles the tile worker draws from the ring centres (reach-ring-tiles.ts), or an empty collection. */
  rings: OverlayData;
  selected: FeatureCollection;
  /** A collection, or from many facilities on tiles made in a worker (facility-tiles.ts). */
  facilities: OverlayData;
}

/** What the legends say: the map tier and its radius, and whether the facilities are made up. */
export interface CoverageLegendContext {
  tier: CoverageTier;
  radiusM: number;
  illustrative: boolean;
}

/** Fill opacity of the gap cells (the legend blends its swatch at the same). */
export const GAP_OPACITY = 0.32;

export function coverageOverlays(d: CoverageLayerData, c: CoverageLegendContext): Overlay[] {
  const tier = bilingual(`coverage.tier.${c.tier}`);
  return [
    {
      id: 'coverage-gaps',
      data: d.gaps,
      info: {
        title: bilingual('coverage.layer.gaps'),
        ...(c.illustrative ? { status: 'illustrative' as const } : {}),
        legend: [{ label: bilingual('coverage.legend.gap', (l) => ({ tier: tier[l], m: c.radiusM })), color: GAP_COLOR, swatch: 'fill', opacity: GAP_OPACITY }],
      },
      layers: [{ id: COVERAGE_LAYERS.gapFill, type: 'fill', paint: { 'fill-color': GAP_COLOR, 'fill-opacity': GAP_OPACITY, 'fill-antialias': false } }],
    },
    {
      id: 'coverage-overclaim',
      data: d.overClaim,
      ...(d.overClaim.features.length ? { info: { title: bilingual('coverage.layer.overclaim'), legend: [{ label: bilingual('coverage.legend.overclaim'), color: OVERCLAIM_COLOR, swatch: 'point' as const }] } } : {}),
      layers: [{ id: COVERAGE_LAYERS.overClaim, type: 'circle', paint: { 'circle-color': OVERCLAIM_COLOR, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 1, 14, 3], 'circle-opacity': 0.8 } }],
    },
    { id: 'coverage-rings', data: d.rings, info: { title: bilingual('coverage.layer.rings'), legend: [{ label: bilingual('coverage.legend.rings'), color: TIER_COLORS[c.tier], swatch: 'ring' }] }, layers: [{ id: COVERAGE_LAYERS.rings, type: 'line', paint: { 'line-color': ringColor, 'line-width': 1.4, 'line-opacity': 0.85 } }] },
    {
      id: 'coverage-selected',
      data: d.selected,
      layers: [{ id: COVERAGE_LAYERS.selected, type: 'circle', paint: { 'circle-radius': 11, 'circle-color': '#ffffff', 'circle-opacity': 0.6, 'circle-stroke-color': '#222222', 'circle-stroke-width': 2 } }],
    },
    {
      id: 'coverage-facilities',
      data: d.facilities,
      // Feature state by the facility's id: the dragged one's original is dimmed (map/feature-drag.ts), no tile reload.
      promoteId: 'id',
      info: {
        title: bilingual('coverage.layer.facilities'),
        ...(c.illustrative ? { status: 'illustrative' as const } : {}),
        legend: [
          ...COVERAGE_TIERS.map((t) => {
            const name = bilingual(`coverage.tier.${t}`);
            return { label: bilingual('coverage.legend.facility', (l) => ({ tier: name[l] })), color: TIER_COLORS[t], swatch: 'point' as const };
          }),
          { label: bilingual('coverage.legend.other'), color: TIER_COLORS.other, swatch: 'point' },
        ],
      },
      layers: [
        {
          id: COVERAGE_LAYERS.facilities,
          type: 'circle',
          paint: {
            'circle-color': tierColor,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 13, 7],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
            'circle-opacity': draggedOpacity(),
            'circle-stroke-opacity': draggedOpacity(),
          },
        },
      ],
    },
  ];
}
