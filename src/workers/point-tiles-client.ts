/**
 * Talks to the point-tiles worker (src/workers/point-tiles.worker.ts), which starts with the first
 * tiled overlay: sends an overlay's packed points (coordinates and texts transferred) or a small change,
 * and asks for tiles on behalf of MapLibre's `anju-points` protocol (src/map/point-tiles.ts, which
 * gets this module from the overlay's data: the map layer does not import workers).
 *
 * A worker that stopped (crashed or was terminated) lost its points: the next call starts a new one,
 * which gets every held overlay again, and a tile asked of the old one (or of the new one before
 * its points arrived) is asked again once they are there, so MapLibre does not lose that tile.
 */
import { WorkerClient, WorkerCrashError, type WorkerLike } from './worker-client.ts';
import type { PointRasterRequest, PointTilesApi } from './point-tiles-api.ts';
import { packedTransfer, type PackedPoints, type PointsChange } from '../geo/packed-points.ts';
import type { PointRasterPaint } from '../geo/point-raster.ts';

/** The API as the worker entry serves it: a raster tile arrives as an ImageBitmap (point-tiles.worker.ts). */
type ServedApi = Omit<PointTilesApi, 'raster'> & { raster: (i: PointRasterRequest) => Promise<ImageBitmap | null> };

/** Point data the page holds (src/map/overlay.ts TiledPoints). */
type Held = { pack(): Promise<PackedPoints> };

/** Tries of one tile: the first, one on a restarted worker, one more if that worker restarted before its points came. */
const TILE_TRIES = 3;

export interface PointTilesClient {
  connect(heldPoints: () => [string, Held][]): void;
  set(overlay: string, points: PackedPoints): void;
  change(overlay: string, c: PointsChange): void;
  /** Frees the overlay's points (no overlay draws them any more); a tile of it then fails. */
  drop(overlay: string): void;
  /** The vector tile; below `pickBelow` (drawn from images there) one for hit-testing only. */
  tile(overlay: string, z: number, x: number, y: number, signal: AbortSignal, pickBelow?: number): Promise<ArrayBuffer>;
  /** Tile z/x/y of a plain point set drawn as a `sizePx` square image; null where no point is. */
  raster(overlay: string, z: number, x: number, y: number, sizePx: number, paint: PointRasterPaint, signal: AbortSignal): Promise<ImageBitmap | null>;
  /** Stops the worker (tests; the next call starts a new one, as after a crash). */
  terminate(): void;
}

export function pointTilesClient(create: () => WorkerLike): PointTilesClient {
  const worker = new WorkerClient<ServedApi>(create);
  const report = (e: unknown) => console.error('point tiles:', e);
  /** What the worker should hold (point-tiles.ts). */
  let held: () => [string, Held][] = () => [];
  /** Workers started so far, and when the newest one has been sent every held overlay. */
  let generation = 0;
  let restored: Promise<unknown> = Promise.resolve();

  const set = (overlay: string, points: PackedPoints): Promise<unknown> =>
    worker.call('set', { overlay, points }, { transfer: packedTransfer(points) }).catch(report);

  /** A tile asked of the worker, again when it was asked of one that stopped or had not got its points yet. */
  async function retried<T>(ask: () => Promise<T>, signal: AbortSignal): Promise<T> {
    for (let tries = 1; ; tries++) {
      await restored;
      const started = generation;
      try {
        return await ask();
      } catch (e) {
        // Asked of a worker that stopped, or of a new one before its points arrived: ask again.
        const again = e instanceof WorkerCrashError || generation !== started;
        if (signal.aborted || !again || tries >= TILE_TRIES) throw e;
      }
    }
  }

  worker.onRestart = () => {
    generation++;
    restored = Promise.all(held().map(([overlay, data]) => data.pack().then((points) => set(overlay, points)))).catch(report);
  };

  return {
    connect: (heldPoints) => void (held = heldPoints),
    set: (overlay, points) => void set(overlay, points),
    change: (overlay, c) => void worker.call('change', { overlay, change: c }, { transfer: packedTransfer(c.upsert) }).catch(report),
    drop: (overlay) => void worker.call('drop', { overlay }).catch(report),
    tile: (overlay, z, x, y, signal, pickBelow) => retried(() => worker.call('tile', { overlay, z, x, y, ...(pickBelow === undefined ? {} : { pickBelow }) }, { signal }), signal),
    raster: (overlay, z, x, y, sizePx, paint, signal) => retried(() => worker.call('raster', { overlay, z, x, y, sizePx, paint }, { signal }), signal),
    terminate: () => worker.terminate(),
  };
}

const client = pointTilesClient(() => new Worker(new URL('./point-tiles.worker.ts', import.meta.url), { type: 'module' }));
export const { connect, set, change, drop, tile, raster } = client;
