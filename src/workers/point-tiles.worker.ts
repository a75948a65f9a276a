/**
 * Web Worker entry: vector tiles of the big point overlays (src/workers/point-tiles-api.ts),
 * so MapLibre's GeoJSON clone of 20,000–300,000 points never runs on the page; and dense tiles
 * drawn as images, handed over as an ImageBitmap (MapLibre's raster source uploads it as it is).
 */
import { serve } from './serve.ts';
import { Transferring } from './rpc-protocol.ts';
import { pointTilesApi, type PointRasterRequest } from './point-tiles-api.ts';

const api = pointTilesApi();
serve({
  ...api,
  raster: async (i: PointRasterRequest) => {
    const pixels = api.raster(i);
    if (!pixels) return null;
    const bitmap = await createImageBitmap(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, i.sizePx, i.sizePx));
    return new Transferring(bitmap, [bitmap]);
  },
});
