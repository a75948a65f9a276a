/**
 * An overlay's sources and layers as MapLibre takes them, for the live map and the export's
 * offscreen one. Loaded with the first tiled overlay (MapView) or export, not in the first load.
 *
 * A circle layer of tiled plain points with `rasterBelowZoom` (drawsAsRaster) becomes three: below
 * that zoom a raster layer of images the tile worker draws (`<layer id>~raster`, from the source
 * `<overlay id>~<layer id>`); the layer itself at every zoom with nothing drawn (opacity 0: MapLibre
 * skips it when drawing, and queryRenderedFeatures still finds its points for hover, click and drag; when
 * every layer of the overlay is drawn so, its vector tiles there hold one point per 3 px, the one on top);
 * and from that zoom its drawn copy (`<layer id>~drawn`).
 */
import type { CircleLayerSpecification, DataDrivenPropertyValueSpecification, LayerSpecification, Map as MlMap, RasterSourceSpecification, SourceSpecification, VectorTileSource, RasterTileSource } from 'maplibre-gl';
import { drawnLayerId, isTiled, type Overlay } from './overlay.ts';
import { POINT_TILE_LAYER } from '../geo/packed-points.ts';
import { drawsAsRaster, pointRasterSource, pointRasterUrl, pointTilesSource, pointTilesUrl, releasePoints, type PointsHold } from './point-tiles.ts';

const rasterSourceId = (o: Overlay, layerId: string) => `${o.id}~${layerId}`;

/** The overlay's circle layers drawn from images below a zoom (none for GeoJSON data). */
function rasterLayers(o: Overlay): CircleLayerSpecification[] {
  const d = o.data;
  return isTiled(d) ? (o.layers.filter((l) => drawsAsRaster(d, l)) as CircleLayerSpecification[]) : [];
}

/**
 * The undrawn layer's radius, √2 × the drawn one: a raster tile is drawn for one zoom and scaled by up
 * to √2 between zooms (MapLibre rounds the zoom of raster tiles), so that a dot's every pixel is in
 * the circle that finds it.
 */
function hitRadius(r: DataDrivenPropertyValueSpecification<number> | undefined): DataDrivenPropertyValueSpecification<number> {
  if (r === undefined) return 5 * Math.SQRT2;
  if (typeof r === 'number') return r * Math.SQRT2;
  // ['interpolate', ['linear'], ['zoom'], z, radius, …]: every radius.
  if (Array.isArray(r) && r[0] === 'interpolate') return (r as unknown[]).map((v, i) => (i > 3 && i % 2 === 0 && typeof v === 'number' ? v * Math.SQRT2 : v)) as typeof r;
  return r;
}

/** The zoom below which every layer of the overlay draws from images (its vector tiles are then for picking only). */
function pickBelow(o: Overlay): number | undefined {
  const d = o.data;
  return isTiled(d) && o.layers.length > 0 && o.layers.every((l) => drawsAsRaster(d, l)) ? d.rasterBelowZoom : undefined;
}

/**
 * Every source of the overlay by id: its own (the overlay's id) and one per raster-drawn layer.
 * `hold`: an export's (point-tiles.ts holdPoints), which keeps the tiled points it draws until it ends.
 */
export function overlaySources(o: Overlay, hold?: PointsHold): Record<string, SourceSpecification> {
  const d = o.data;
  const own: SourceSpecification = isTiled(d)
    ? { ...pointTilesSource(o.id, d, pickBelow(o), hold), ...(o.promoteId ? { promoteId: o.promoteId } : {}) }
    : { type: 'geojson', data: d, ...(o.promoteId ? { promoteId: o.promoteId } : {}) };
  const out: Record<string, SourceSpecification> = { [o.id]: own };
  if (isTiled(d)) for (const l of rasterLayers(o)) out[rasterSourceId(o, l.id)] = pointRasterSource(o.id, d, l, hold) satisfies RasterSourceSpecification;
  return out;
}

export function overlayLayers(o: Overlay): LayerSpecification[] {
  const d = o.data;
  const tiled = isTiled(d);
  return o.layers.flatMap((l) => {
    const layer = { ...l, source: o.id, ...(tiled ? { 'source-layer': POINT_TILE_LAYER } : {}) } as LayerSpecification;
    if (!tiled || !drawsAsRaster(d, l)) return [layer];
    const below = d.rasterBelowZoom!;
    const circle = layer as CircleLayerSpecification;
    return [
      { id: `${l.id}~raster`, type: 'raster', source: rasterSourceId(o, l.id), maxzoom: below, paint: { 'raster-fade-duration': 0 } },
      // One colour: a colour by property would add a vertex attribute per circle to upload for nothing.
      { ...circle, paint: { ...circle.paint, 'circle-radius': hitRadius(circle.paint?.['circle-radius']), 'circle-color': '#000000', 'circle-opacity': 0, 'circle-stroke-opacity': 0 } },
      { ...circle, id: drawnLayerId(l.id), minzoom: below },
    ] satisfies LayerSpecification[];
  });
}

/** Adds the overlay's sources and layers to a live map, below `beforeId`. */
export function addOverlay(m: MlMap, o: Overlay, beforeId: string): void {
  for (const [id, s] of Object.entries(overlaySources(o))) m.addSource(id, s);
  for (const l of overlayLayers(o)) m.addLayer(l, beforeId);
}

/** Points the overlay's tiled sources at its new data (the tile worker gets it first). */
export function setOverlayTiles(m: MlMap, o: Overlay): void {
  const d = o.data;
  if (!isTiled(d)) return;
  (m.getSource(o.id) as VectorTileSource | undefined)?.setTiles([pointTilesUrl(o.id, d, pickBelow(o))]);
  for (const l of rasterLayers(o)) (m.getSource(rasterSourceId(o, l.id)) as RasterTileSource | undefined)?.setTiles([pointRasterUrl(o.id, d, l)]);
}

/** The overlay's sources are gone from the live map: the tile worker frees its points unless another overlay draws them. */
export const releaseOverlay = (id: string): void => releasePoints(id);
