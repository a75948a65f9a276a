import { describe, expect, it } from 'vitest';
import { protomapsLayers, BASEMAP_LAYER_PREFIX } from '../../../src/map/protomaps-layers.ts';
import { MAP_FONT_STACK } from '../../../src/map/colors.ts';

describe('protomapsLayers', () => {
  const ls = protomapsLayers('bm');
  it('draws earth, water, roads, boundaries and places from the Protomaps schema', () => {
    const sourceLayers = new Set(ls.map((l) => (l as { 'source-layer'?: string })['source-layer']));
    for (const s of ['earth', 'water', 'roads', 'boundaries', 'places']) expect(sourceLayers).toContain(s);
    expect(ls.every((l) => l.id.startsWith(BASEMAP_LAYER_PREFIX) && (l as { source?: string }).source === 'bm')).toBe(true);
  });

  it('needs no glyph or sprite server: local fonts, no icons, no background of its own', () => {
    for (const l of ls) {
      const layout = (l as { layout?: Record<string, unknown> }).layout ?? {};
      if (layout['text-font'] !== undefined) expect(layout['text-font']).toEqual(MAP_FONT_STACK);
      expect(Object.keys(layout).some((k) => k.startsWith('icon-'))).toBe(false);
      expect(l.type).not.toBe('background');
    }
  });

  it('labels in Chinese first', () => {
    const place = ls.find((l) => l.id === `${BASEMAP_LAYER_PREFIX}places_locality`)!;
    expect(JSON.stringify((place as { layout: Record<string, unknown> }).layout['text-field'])).toContain('name:zh-Hans');
  });
});
