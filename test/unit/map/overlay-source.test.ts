/**
 * How a tiled overlay's circle layer becomes MapLibre sources and layers (src/map/overlay-source.ts):
 * below the data's rasterBelowZoom a raster layer of images, the layer itself not drawn (opacity 0,
 * one colour, radius √2 ×) but hit-tested at every zoom, and its drawn copy from that zoom; the
 * vector tiles say "picking only" there when every layer of the overlay is drawn from images. A
 * GeoJSON overlay and a paint the rasteriser cannot draw stay as they were. A map export's sources
 * (held with holdPoints) name the live map's set and version, and the hold names the overlays whose set
 * got a new version while it drew.
 */
import { describe, expect, it } from 'vitest';
import type { CircleLayerSpecification, RasterSourceSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { overlayLayers, overlaySources, releaseOverlay } from '../../../src/map/overlay-source.ts';
import { holdPoints } from '../../../src/map/point-tiles.ts';
import type { Overlay, TiledPoints } from '../../../src/map/overlay.ts';

const data = (rasterBelowZoom?: number): TiledPoints => ({
  type: 'TiledPoints',
  count: 10_000,
  ...(rasterBelowZoom === undefined ? {} : { rasterBelowZoom }),
  pack: () => new Promise(() => {}),
  changeFrom: async () => null,
  backend: () => new Promise(() => {}),
});
const circle: Omit<CircleLayerSpecification, 'source'> = {
  id: 'dots',
  type: 'circle',
  paint: { 'circle-color': ['match', ['get', 'tier'], 'a', '#111111', '#222222'], 'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 13, 7], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
};

describe('overlaySources / overlayLayers', () => {
  it('draws a dense circle layer from images below the zoom, keeps it undrawn for picking, and draws its copy from there', () => {
    const o: Overlay = { id: 'facs', data: data(14), layers: [circle] };
    const sources = overlaySources(o);
    expect(Object.keys(sources)).toEqual(['facs', 'facs~dots']);
    const raster = sources['facs~dots'] as RasterSourceSpecification;
    expect(raster).toMatchObject({ type: 'raster', tileSize: 256, maxzoom: 15 });
    expect(raster.tiles![0]).toMatch(/^anju-point-raster:\/\/facs\/\d+\/dots\/\{z\}\/\{x\}\/\{y\}\{ratio\}$/);
    expect((sources.facs as VectorSourceSpecification).tiles![0]).toMatch(/\/\{z\}\/\{x\}\/\{y\}\/pick-below-14$/);
    const layers = overlayLayers(o);
    expect(layers.map((l) => [l.id, l.type, 'source' in l ? l.source : null, l.minzoom ?? null, l.maxzoom ?? null])).toEqual([
      ['dots~raster', 'raster', 'facs~dots', null, 14],
      ['dots', 'circle', 'facs', null, null],
      ['dots~drawn', 'circle', 'facs', 14, null],
    ]);
    const hit = layers[1] as CircleLayerSpecification;
    expect(hit.paint).toMatchObject({ 'circle-opacity': 0, 'circle-stroke-opacity': 0, 'circle-color': '#000000', 'circle-stroke-width': 1.5 });
    expect(hit.paint!['circle-radius']).toEqual(['interpolate', ['linear'], ['zoom'], 9, 3.5 * Math.SQRT2, 13, 7 * Math.SQRT2]);
    expect((layers[2] as CircleLayerSpecification).paint).toEqual(circle.paint);
  });

  it('keeps full vector tiles when a layer of the overlay is not drawn from images, and circles everywhere without rasterBelowZoom', () => {
    const odd: Omit<CircleLayerSpecification, 'source'> = { id: 'faint', type: 'circle', paint: { 'circle-color': '#123456', 'circle-opacity': 0.5 } };
    const mixed: Overlay = { id: 'mixed', data: data(14), layers: [circle, odd] };
    expect((overlaySources(mixed).mixed as VectorSourceSpecification).tiles![0]).toMatch(/\/\{z\}\/\{x\}\/\{y\}$/);
    expect(overlayLayers(mixed).map((l) => l.id)).toEqual(['dots~raster', 'dots', 'dots~drawn', 'faint']);
    const plain: Overlay = { id: 'plain', data: data(), layers: [circle] };
    expect(Object.keys(overlaySources(plain))).toEqual(['plain']);
    expect(overlayLayers(plain)).toEqual([{ ...circle, source: 'plain', 'source-layer': 'points' }]);
  });

  it("a map export's hold draws the live map's set and version, and names the overlays whose set changed while it drew", () => {
    const o: Overlay = { id: 'held', data: data(14), layers: [circle] };
    const other: Overlay = { id: 'other', data: data(14), layers: [circle] };
    const live = overlaySources(o);
    overlaySources(other);
    const hold = holdPoints();
    // The same URLs: the same set and version (nothing sent anew), held under the export's keys.
    expect(overlaySources(o, hold)).toEqual(live);
    overlaySources(other, hold);
    expect(hold.changed()).toEqual([]);
    expect(hold.key('held')).not.toBe('held');
    // The live map gets new data for one overlay (a drag, an undo) while the export draws: that one is named.
    overlaySources({ ...o, data: data(14) });
    expect(hold.changed()).toEqual(['held']);
    hold.release();
    releaseOverlay('held');
    releaseOverlay('other');
  });
});
