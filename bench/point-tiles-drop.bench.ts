/**
 * What the tile worker holds before and after an import of N facilities (default 1,000,000) and its
 * undo (README Speed, "The tile worker frees what nothing draws"): the worker's module in a worker
 * thread (bench/point-tiles-drop.worker.ts, its own heap), fed by the page's bookkeeping
 * (src/map/point-sets.ts) as MapView drives it: the imported layer draws the shared facilities set,
 * the undo removes the layer's sources (`release`), and the set is dropped after the wait.
 * Heap used and external memory (typed arrays) of the worker thread after a full GC.
 * Run: `NODE_OPTIONS=--expose-gc npm run bench -- point-tiles-drop`.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Facility } from '../src/domain/facility.ts';
import { PointSets } from '../src/map/point-sets.ts';
import type { TiledPoints } from '../src/map/overlay.ts';
import { packFacilityPoints } from '../src/ui/coverage/facility-points.ts';
import { pointTilesClient } from '../src/workers/point-tiles-client.ts';
import { WorkerClient, type WorkerLike } from '../src/workers/worker-client.ts';
import { mulberry32 } from './seeded.ts';

const N = Number(process.env.BENCH_FACILITIES ?? 1_000_000);
const WAIT_MS = 50;
const CATEGORIES = ['kindergarten', 'primary-school', 'fresh-market', 'community-health-station', 'convenience-store'];

/** A Node worker thread, or a port to it, in the shape of a browser Worker (worker-client.ts). */
function like(w: Worker | MessagePort): WorkerLike {
  return {
    postMessage: (m, transfer) => w.postMessage(m, (transfer ?? []) as never),
    addEventListener: (type: string, listener: (e: never) => void) => void w.on(type, (data: unknown) => listener((type === 'message' ? { data } : data) as never)),
    terminate: () => void ('terminate' in w ? w.terminate() : w.close()),
  };
}

export async function run() {
  const { port1, port2 } = new MessageChannel();
  // A TypeScript entry: the thread registers tsx's loader first (Node 20 does not hand it on to workers).
  const entry = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(new URL('./point-tiles-drop.worker.ts', import.meta.url).href)});`;
  const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), { workerData: { memoryPort: port2 }, transferList: [port2] });
  const memory = new WorkerClient<{ memory: () => { heapMB: number; externalMB: number } }>(() => like(port1));
  const client = pointTilesClient(() => like(w));
  const rand = mulberry32(14);
  const fs: Facility[] = Array.from({ length: N }, (_, i) => ({ id: `f${i}`, category: CATEGORIES[i % CATEGORIES.length], lonLat: [119.6 + rand() * 1.6, 27.0 + rand() * 1.3] as [number, number] }));
  const data: TiledPoints = { type: 'TiledPoints', count: N, shared: 'facilities', pack: async () => packFacilityPoints(fs), changeFrom: async () => null, backend: async () => client };
  const sets = new PointSets(WAIT_MS);
  const settled = async () => {
    await sets.settled();
    return memory.call('memory', undefined);
  };
  const rows: { case: string; [k: string]: string }[] = [];
  const row = (c: string, m: { heapMB: number; externalMB: number }) => rows.push({ case: c, 'heap MB': m.heapMB.toFixed(1), 'external MB': m.externalMB.toFixed(1), 'total MB': (m.heapMB + m.externalMB).toFixed(1) });
  row('worker started, no set', await memory.call('memory', undefined));
  sets.use('imported-facilities', data);
  // A tile of the whole city, as MapLibre asks after the import.
  await sets.answer('facilities', (c) => c.tile('facilities', 8, 213, 107, new AbortController().signal));
  row(`imported ${N.toLocaleString('en')} facilities`, await settled());
  sets.release('imported-facilities'); // the undo: MapView removes the layer's sources
  await new Promise((r) => setTimeout(r, WAIT_MS * 4));
  row('undone (set dropped)', await settled());
  await w.terminate();
  port1.close();
  return rows;
}
