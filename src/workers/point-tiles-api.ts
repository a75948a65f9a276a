/**
 * The point-tiles worker's API (src/workers/point-tiles.worker.ts serves it): the big point
 * overlays (facilities from 5,000 points, reach rings, gap cells), each held as a tile index,
 * answering MapLibre's tile requests (src/workers/point-tiles-client.ts) with encoded vector tiles:
 * plain points by src/geo/point-grid-tiles.ts (no object per point: a million facilities), rings
 * and boxes by geojson-vt (src/geo/point-tile-index.ts). Free of worker globals, so it is tested in Node.
 */
import { PointTileIndex } from '../geo/point-tile-index.ts';
import { PointGridTiles } from '../geo/point-grid-tiles.ts';
import type { PackedPoints, PointsChange } from '../geo/packed-points.ts';
import type { PointRasterPaint } from '../geo/point-raster.ts';

/** A tile drawn as an image: `sizePx` × `sizePx` pixels, each point as `paint` says. */
export interface PointRasterRequest {
  overlay: string;
  z: number;
  x: number;
  y: number;
  sizePx: number;
  paint: PointRasterPaint;
}

type TileIndex = Pick<PointTileIndex, 'count' | 'apply' | 'tile'>;

const indexOfPoints = (p: PackedPoints): TileIndex => (p.ringRadiusM === undefined && !p.boxes ? new PointGridTiles(p) : new PointTileIndex(p));

export function pointTilesApi() {
  const overlays = new Map<string, TileIndex>();
  const indexOf = (overlay: string) => {
    const index = overlays.get(overlay);
    if (!index) throw new Error(`no points for overlay "${overlay}"`);
    return index;
  };
  return {
    /** Replace an overlay's points; returns how many it holds. */
    set: (i: { overlay: string; points: PackedPoints }) => {
      overlays.set(i.overlay, indexOfPoints(i.points));
      return overlays.get(i.overlay)!.count;
    },
    /** Apply a small edit to an overlay's points; returns how many it holds. */
    change: (i: { overlay: string; change: PointsChange }) => {
      const index = indexOf(i.overlay);
      index.apply(i.change);
      return index.count;
    },
    /** The encoded tile (empty where there is no point); the reply transfers the buffer. */
    tile: (i: { overlay: string; z: number; x: number; y: number; pickBelow?: number }) => {
      const index = indexOf(i.overlay);
      // Below `pickBelow` a plain point set is drawn from images (raster): its vector tiles are for hit-testing only.
      return index instanceof PointGridTiles ? index.tile(i.z, i.x, i.y, i.pickBelow !== undefined && i.z < i.pickBelow) : index.tile(i.z, i.x, i.y);
    },
    /**
     * Tile z/x/y of a plain point set drawn as straight-alpha RGBA pixels (point-raster.ts), null
     * where no point is; the worker entry turns them into an ImageBitmap for MapLibre's raster source.
     */
    raster: (i: PointRasterRequest): Uint8ClampedArray | null => {
      const index = indexOf(i.overlay);
      if (!(index instanceof PointGridTiles)) throw new Error(`overlay "${i.overlay}" is not a plain point set`);
      return index.raster(i.z, i.x, i.y, i.sizePx, i.paint);
    },
    /** Frees an overlay's points (the page's point-sets.ts: no overlay draws them any more). */
    drop: (i: { overlay: string }) => void overlays.delete(i.overlay),
    /** The overlays held, and how many points each (tests, measurements). */
    held: () => Object.fromEntries([...overlays].map(([name, index]) => [name, index.count])),
  };
}

export type PointTilesApi = ReturnType<typeof pointTilesApi>;
