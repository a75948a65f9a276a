/**
 * Talks to the point-tiles worker (src/workers/point-tiles.worker.ts), which starts with the first
 * tiled overlay: sends an overlay's packed points (coordinates transferred) or a small change,
 * and asks for tiles on behalf of MapLibre's `anju-points` protocol (src/map/point-tiles.ts, which
 * gets this module from the overlay's data: the map layer does not import workers).
 */
import { WorkerClient } from './worker-client.ts';
import type { PointTilesApi } from './point-tiles-api.ts';
import type { PackedPoints, PointsChange } from '../geo/packed-points.ts';

/** Point data the page holds (src/map/overlay.ts TiledPoints). */
type Held = { pack(): Promise<PackedPoints> };

const worker = new WorkerClient<PointTilesApi>(() => new Worker(new URL('./point-tiles.worker.ts', import.meta.url), { type: 'module' }));
const report = (e: unknown) => console.error('point tiles:', e);

/** What the worker should hold (point-tiles.ts): a worker that stopped lost its points, the new one gets them again. */
let held: () => [string, Held][] = () => [];
worker.onRestart = () => {
  for (const [overlay, data] of held()) void data.pack().then((points) => set(overlay, points));
};

export function connect(heldPoints: () => [string, Held][]): void {
  held = heldPoints;
}

export function set(overlay: string, points: PackedPoints): void {
  worker.call('set', { overlay, points }, { transfer: [points.lonLat.buffer] }).catch(report);
}

export function change(overlay: string, c: PointsChange): void {
  worker.call('change', { overlay, change: c }, { transfer: [c.upsert.lonLat.buffer] }).catch(report);
}

export function tile(overlay: string, z: number, x: number, y: number, signal: AbortSignal): Promise<ArrayBuffer> {
  return worker.call('tile', { overlay, z, x, y }, { signal });
}
