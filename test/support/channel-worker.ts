/**
 * A worker API served over a real MessageChannel (structured clone, asynchronous delivery), in the
 * shape of a browser Worker: what the app's worker client sees, without a browser. `crash` fires
 * the 'error' event a browser fires when a worker dies.
 */
import { serve } from '../../src/workers/serve.ts';
import type { WorkerApi } from '../../src/workers/rpc-protocol.ts';
import type { WorkerLike } from '../../src/workers/worker-client.ts';

export interface ChannelWorker extends WorkerLike {
  crash(message: string): void;
  readonly terminated: boolean;
}

export function channelWorker(api: WorkerApi): ChannelWorker {
  const { port1, port2 } = new MessageChannel();
  serve(api, port2 as never);
  port2.start();
  const events = new EventTarget();
  port1.onmessage = (e) => events.dispatchEvent(new MessageEvent('message', { data: e.data }));
  let terminated = false;
  return {
    postMessage: (m, transfer) => port1.postMessage(m, transfer ?? []),
    addEventListener: (type: string, listener: (e: never) => void) => events.addEventListener(type, listener as EventListener),
    terminate: () => {
      terminated = true;
      port1.close();
      port2.close();
    },
    crash: (message) => events.dispatchEvent(Object.assign(new Event('error'), { message })),
    get terminated() {
      return terminated;
    },
  };
}
