/**
 * Layers for a vector PMTiles basemap in the Protomaps schema (the files the `pmtiles` tool and
 * Protomaps builds make), from the maintained `@protomaps/basemaps` style, light flavour, Chinese
 * labels. Adapted to run offline: labels use the app's local fonts (no glyph server), and layers
 * that need sprite icons (shields, POI icons, one-way arrows) are left out (no sprite server).
 */
import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';
import { MAP_FONT_STACK } from './colors.ts';
import { BASEMAP_LAYER_PREFIX } from './layer-ids.ts';

export { BASEMAP_LAYER_PREFIX };

export function protomapsLayers(sourceId: string): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  for (const l of layers(sourceId, namedFlavor('light'), { lang: 'zh-Hans' }) as LayerSpecification[]) {
    if (l.type === 'background') continue; // the app's own sea colour stays underneath
    const layout = { ...((l as { layout?: Record<string, unknown> }).layout ?? {}) };
    const paint = { ...((l as { paint?: Record<string, unknown> }).paint ?? {}) };
    const iconOnly = layout['icon-image'] !== undefined && layout['text-field'] === undefined;
    if (iconOnly || l.id === 'roads_shields' || paint['fill-pattern'] !== undefined || paint['line-pattern'] !== undefined) continue;
    for (const k of Object.keys(layout)) if (k.startsWith('icon-')) delete layout[k];
    if (layout['text-font'] !== undefined) layout['text-font'] = MAP_FONT_STACK;
    out.push({ ...l, id: BASEMAP_LAYER_PREFIX + l.id, layout, paint } as LayerSpecification);
  }
  return out;
}
