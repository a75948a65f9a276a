import { beforeAll, describe, expect, it } from 'vitest';
import { facilitiesOverlay } from '../../../../src/ui/import/import-overlays.ts';
import { TILED_MIN_FACILITIES, facilityTiles } from '../../../../src/ui/coverage/facility-tiles.ts';
import { coverageOverlays } from '../../../../src/ui/coverage/coverage-overlays.ts';
import { isTiled, overlayCount } from '../../../../src/map/overlay.ts';
import { loadEnglish } from '../../../../src/i18n/messages/index.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import type { FeatureCollection } from 'geojson';

beforeAll(() => loadEnglish());

const facilities = (n: number, illustrative = false): Facility[] =>
  Array.from({ length: n }, (_, i) => ({ id: `f${i}`, category: 'nursing-home', lonLat: [120.5 + i * 1e-6, 28] as [number, number], ...(illustrative ? { illustrative: true } : {}) }));

describe('facilitiesOverlay', () => {
  it('draws a small layer as a collection of every facility, and says how many', () => {
    const fs = facilities(TILED_MIN_FACILITIES - 1);
    const o = facilitiesOverlay(fs)!;
    const drawn = (o.data as FeatureCollection).features;
    expect(drawn).toHaveLength(fs.length);
    expect(drawn.at(-1)?.properties).toEqual({ id: `f${fs.length - 1}`, category: 'nursing-home' });
    expect(o.info?.legend[0].label.zh).toBe('设施（4,999 个）');
    expect(facilitiesOverlay([])).toBeNull();
  });

  it('draws a large layer from the tile worker, the same set the coverage tab draws (no collection of it on the page), and the legend counts every facility', () => {
    const fs = facilities(50_001);
    const o = facilitiesOverlay(fs)!;
    expect(isTiled(o.data)).toBe(true);
    expect(overlayCount(o)).toBe(50_001);
    // The very object the coverage tab's facilities layer shows: the worker holds and indexes it once.
    const coverage = coverageOverlays({ gaps: { type: 'FeatureCollection', features: [] }, overClaim: { type: 'FeatureCollection', features: [] }, rings: { type: 'FeatureCollection', features: [] }, selected: { type: 'FeatureCollection', features: [] }, facilities: facilityTiles(fs) }, { tier: '15-min', radiusM: 1000, illustrative: false });
    expect(o.data).toBe(coverage.find((c) => c.id === 'coverage-facilities')!.data);
    expect(o.data).toMatchObject({ shared: 'facilities' });
    expect(o.info?.legend[0].label).toEqual({ zh: '设施（50,001 个）', en: 'facilities (50,001)' });
    const made = facilitiesOverlay(facilities(50_001, true))!;
    expect(made.info?.status).toBe('illustrative');
    expect(made.info?.legend[0].label).toEqual({ zh: '设施（50,001 个，示意数据，非真实设施）', en: 'facilities (50,001, illustrative data, not real)' });
  });
});
