/**
 * The facility layers' circle paint, as the tile worker's rasteriser takes it (src/map/point-raster-paint.ts):
 * the same colours by tier, the radius MapLibre interpolates at the zoom, the white stroke, in
 * image pixels; and a paint it would draw wrongly (opacity, a radius from data) gives null, so
 * that layer stays circles.
 */
import { describe, expect, it } from 'vitest';
import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import { circleRasterPaint } from '../../../src/map/point-raster-paint.ts';
import { COVERAGE_LAYERS, TIER_COLORS, coverageOverlays } from '../../../src/ui/coverage/coverage-overlays.ts';
import { IMPORT_COLORS, facilitiesOverlay } from '../../../src/ui/import/import-overlays.ts';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

describe('circleRasterPaint', () => {
  it("reads the coverage tab's facility layer: tier colours, radius 3.5 → 7 from zoom 9 to 13, white stroke 1.5", () => {
    const o = coverageOverlays({ gaps: EMPTY, overClaim: EMPTY, rings: EMPTY, selected: EMPTY, facilities: EMPTY }, { tier: '10-min', radiusM: 500, illustrative: false });
    const layer = o.flatMap((x) => x.layers).find((l) => l.id === COVERAGE_LAYERS.facilities) as CircleLayerSpecification;
    const p = circleRasterPaint(layer.paint, 11, 2)!;
    expect(p.colorBy).toEqual({ property: 'tier', values: ['15-min', '10-min', '5-min'] });
    expect(p.colors).toEqual([TIER_COLORS['15-min'], TIER_COLORS['10-min'], TIER_COLORS['5-min'], TIER_COLORS.other]);
    expect(p.radius).toBeCloseTo(2 * 5.25);
    expect(p.strokeWidth).toBe(3);
    expect(p.strokeColor).toBe('#ffffff');
    expect(circleRasterPaint(layer.paint, 5, 1)!.radius).toBe(3.5);
    expect(circleRasterPaint(layer.paint, 16, 1)!.radius).toBe(7);
  });

  it("reads the imported facilities' layer of the other tabs: one colour", () => {
    const layer = facilitiesOverlay([{ id: 'a', name: 'a', category: 'kindergarten', lonLat: [120.6, 28] }] as Parameters<typeof facilitiesOverlay>[0])!.layers[0] as CircleLayerSpecification;
    expect(circleRasterPaint(layer.paint, 12, 1)).toEqual({ colors: [IMPORT_COLORS.facilities], radius: 4, strokeColor: '#fff', strokeWidth: 1 });
  });

  it("leaves out the dragged facility's dimming (a feature state an image is not redrawn for), not other opacities", () => {
    const dim: ExpressionSpecification = ['case', ['boolean', ['feature-state', 'dragged'], false], 0.3, 1];
    expect(circleRasterPaint({ 'circle-color': '#123456', 'circle-opacity': dim, 'circle-stroke-opacity': dim }, 10, 1)).toEqual({ colors: ['#123456'], radius: 5, strokeColor: '#000000', strokeWidth: 0 });
    expect(circleRasterPaint({ 'circle-color': '#123456', 'circle-opacity': ['case', ['boolean', ['feature-state', 'dragged'], false], 0.3, 0.8] }, 10, 1)).toBeNull();
    expect(circleRasterPaint({ 'circle-color': '#123456', 'circle-opacity': ['case', ['has', 'x'], 0.3, 1] }, 10, 1)).toBeNull();
  });

  it('gives null for what it does not draw', () => {
    expect(circleRasterPaint({ 'circle-color': '#123456', 'circle-opacity': 0.7 }, 10, 1)).toBeNull();
    expect(circleRasterPaint({ 'circle-radius': ['get', 'r'] }, 10, 1)).toBeNull();
    expect(circleRasterPaint({ 'circle-color': 'red' }, 10, 1)).toBeNull();
    expect(circleRasterPaint({ 'circle-color': ['match', ['get', 'k'], 'a', '#111111', ['get', 'c']] }, 10, 1)).toBeNull();
  });
});
