/**
 * Web Worker entry: vector tiles of the big point overlays (src/workers/point-tiles-api.ts),
 * so MapLibre's GeoJSON clone of 20,000–300,000 points never runs on the page.
 */
import { serve } from './serve.ts';
import { pointTilesApi } from './point-tiles-api.ts';

serve(pointTilesApi());
