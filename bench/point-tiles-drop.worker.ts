/**
 * The point-tiles worker's module (src/workers/point-tiles-api.ts) in a Node worker thread of its own
 * (its own heap), for bench/point-tiles-drop.bench.ts; `memory` collects garbage (node --expose-gc)
 * and says what this thread's heap holds.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { serve } from '../src/workers/serve.ts';
import { pointTilesApi } from '../src/workers/point-tiles-api.ts';

/** A Node port in the shape serve() takes. */
const served = (port: MessagePort) => ({
  postMessage: (m: unknown, transfer?: Transferable[]) => port.postMessage(m, transfer as never),
  addEventListener: (_type: string, listener: (e: MessageEvent) => void) => void port.on('message', (data) => listener({ data } as MessageEvent)),
});
const gc = (globalThis as { gc?: () => void }).gc;
serve(pointTilesApi(), served(parentPort!));
// Asked on a port of its own (the tile client numbers its calls on the thread's own port).
serve(
  {
    memory: () => {
      if (!gc) throw new Error('run node with --expose-gc');
      gc();
      gc();
      const h = getHeapStatistics() as ReturnType<typeof getHeapStatistics> & { external_memory?: number };
      return { heapMB: h.used_heap_size / 1e6, externalMB: (h.external_memory ?? NaN) / 1e6 };
    },
  },
  served((workerData as { memoryPort: MessagePort }).memoryPort),
);
