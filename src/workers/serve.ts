/**
 * The worker side of src/workers/rpc-protocol.ts: answer each call with the method's result (sync
 * or async) or its error message, forward progress, abort a call's signal on cancel. A worker
 * entry point is one line: `serve(api)`. Free of worker globals (the port is passed in), so it is
 * tested in Node over a MessageChannel.
 */
import { Transferring, type CallMessage, type ReplyMessage, type WorkerApi } from './rpc-protocol.ts';

/** Where replies go and calls come from: the worker's global scope, or a MessagePort in tests. */
export interface ServePort {
  postMessage(message: ReplyMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<CallMessage>) => void): void;
}

export function serve(api: WorkerApi, port: ServePort = self as unknown as ServePort): void {
  const running = new Map<number, AbortController>();
  port.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'cancel') {
      running.get(m.id)?.abort();
      return;
    }
    void run(m);
  });

  async function run(m: Extract<CallMessage, { type: 'call' }>): Promise<void> {
    const controller = new AbortController();
    running.set(m.id, controller);
    const ctx = { signal: controller.signal, progress: (value: unknown) => controller.signal.aborted || port.postMessage({ type: 'progress', id: m.id, value }) };
    try {
      const method = Object.hasOwn(api, m.method) ? api[m.method] : undefined;
      if (!method) throw new Error(`worker has no method "${m.method}"`);
      const value = await method(m.input, ctx);
      if (controller.signal.aborted) return;
      if (value instanceof Transferring) port.postMessage({ type: 'result', id: m.id, value: value.value }, value.transfer);
      // A method's ArrayBuffer result (a vector tile) moves to the caller instead of being copied.
      else port.postMessage({ type: 'result', id: m.id, value }, value instanceof ArrayBuffer ? [value] : []);
    } catch (e) {
      if (!controller.signal.aborted) port.postMessage({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      running.delete(m.id);
    }
  }
}
