/** Which style a vector basemap file gets: Protomaps for its schema, a generic one for any other. */
import { describe, expect, it } from 'vitest';
import { genericVectorLayers, vectorBasemapLayers } from '../../../src/map/vector-basemap-layers.ts';

describe('the style of a vector basemap file', () => {
  it('uses the Protomaps style for files in its schema (or that declare no layers)', () => {
    const pm = vectorBasemapLayers(['earth', 'water', 'roads', 'places'], 'b', 'basemap-');
    expect(pm.schema).toBe('protomaps');
    expect(new Set(pm.layers.map((l) => (l as { 'source-layer'?: string })['source-layer']))).toEqual(new Set(['earth', 'water', 'roads', 'places']));
    expect(vectorBasemapLayers([], 'b', 'basemap-').schema).toBe('protomaps');
  });

  it('draws any other schema (OpenMapTiles) with fills, lines and labels per source layer', () => {
    const g = vectorBasemapLayers(['water', 'transportation', 'place'], 'b', 'basemap-');
    expect(g.schema).toBe('generic');
    expect(g.layers.map((l) => l.id)).toEqual(['fill', 'line', 'label'].flatMap((k) => ['water', 'transportation', 'place'].map((id) => `basemap-generic-${k}-${id}`)));
    const line = g.layers.find((l) => l.id === 'basemap-generic-line-transportation') as { paint: Record<string, unknown> };
    const water = g.layers.find((l) => l.id === 'basemap-generic-fill-water') as { paint: Record<string, unknown> };
    expect(line.paint['line-color']).toBe('#c98a3c'); // roads in a road colour
    expect(water.paint['fill-color']).toBe('#a9cbe6'); // water in a water colour
    expect(genericVectorLayers(['x'], 'b', 'p-').every((l) => l.id.startsWith('p-'))).toBe(true);
  });
});
