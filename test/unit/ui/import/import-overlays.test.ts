import { beforeAll, describe, expect, it } from 'vitest';
import { FACILITIES_MAP_MAX_POINTS, facilitiesOverlay } from '../../../../src/ui/import/import-overlays.ts';
import { loadEnglish } from '../../../../src/i18n/messages/index.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import type { FeatureCollection } from 'geojson';

beforeAll(() => loadEnglish());

const facilities = (n: number, illustrative = false): Facility[] =>
  Array.from({ length: n }, (_, i) => ({ id: `f${i}`, category: 'nursing-home', lonLat: [120.5 + i * 1e-6, 28] as [number, number], ...(illustrative ? { illustrative: true } : {}) }));

describe('facilitiesOverlay', () => {
  it('draws every facility up to the cap, and says how many', () => {
    const o = facilitiesOverlay(facilities(FACILITIES_MAP_MAX_POINTS))!;
    expect((o.data as FeatureCollection).features).toHaveLength(FACILITIES_MAP_MAX_POINTS);
    expect(o.info?.legend[0].label.zh).toBe(`设施（${FACILITIES_MAP_MAX_POINTS.toLocaleString('en-US')} 个）`);
  });

  it('draws an even sample of a larger layer (a million facilities cloned to the map worker froze the page), and the legend says so', () => {
    const fs = facilities(50_001);
    const o = facilitiesOverlay(fs)!;
    const drawn = (o.data as FeatureCollection).features;
    // Every 3rd facility from the first: 16,667 of 50,001.
    expect(drawn).toHaveLength(16_667);
    expect(drawn.map((f) => f.properties?.id).slice(0, 3)).toEqual(['f0', 'f3', 'f6']);
    expect(drawn.at(-1)?.properties?.id).toBe('f49998');
    expect(o.info?.legend[0].label.zh).toBe('设施（50,001 个，导入；此处地图均匀抽取 16,667 个显示，“生活圈覆盖”页显示全部）');
    expect(o.info?.legend[0].label.en).toBe('facilities (50,001, imported; this map draws an even sample of 16,667, the Life-circle coverage tab all of them)');
    const made = facilitiesOverlay(facilities(50_001, true))!;
    expect(made.info?.status).toBe('illustrative');
    expect(made.info?.legend[0].label.zh).toContain('示意数据，非真实设施；此处地图均匀抽取 16,667 个显示');
  });
});
