/**
 * The one worker protocol (src/workers/serve.ts + worker-client.ts) over a real MessageChannel:
 * results, errors, progress, cancel, latest-wins, and a worker that dies — every pending call
 * must end with an error, never wait for ever.
 */
import { describe, expect, it } from 'vitest';
import { Worker as NodeWorker } from 'node:worker_threads';
import { WorkerCallError, WorkerClient, WorkerCrashError, isSuperseded, type WorkerLike } from '../../../src/workers/worker-client.ts';
import type { CallContext } from '../../../src/workers/rpc-protocol.ts';
import { channelWorker, type ChannelWorker } from '../../support/channel-worker.ts';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function api() {
  let count = 0;
  return {
    double: (n: number) => n * 2,
    later: async (i: { n: number; ms: number }) => {
      await tick(i.ms);
      return i.n;
    },
    fail: (why: string) => {
      throw new Error(why);
    },
    count: () => ++count,
    steps: async (n: number, ctx: CallContext) => {
      for (let i = 1; i <= n; i++) {
        if (ctx.signal.aborted) return -1;
        ctx.progress(i / n);
        await tick(1);
      }
      return n;
    },
    hang: () => new Promise<never>(() => {}),
  };
}
type Api = ReturnType<typeof api>;

function setup() {
  const workers: ChannelWorker[] = [];
  const client = new WorkerClient<Api>(() => {
    const w = channelWorker(api());
    workers.push(w);
    return w;
  });
  return { client, workers };
}

describe('WorkerClient', () => {
  it('resolves a call with the method’s result, typed by the API', async () => {
    const { client } = setup();
    expect(await client.call('double', 21)).toBe(42);
    expect(await client.call('later', { n: 7, ms: 5 })).toBe(7);
  });

  it('rejects with the worker’s error message when the method throws', async () => {
    const { client } = setup();
    await expect(client.call('fail', 'bad input')).rejects.toThrow(WorkerCallError);
    await expect(client.call('fail', 'bad input')).rejects.toThrow('bad input');
    expect(await client.call('double', 1)).toBe(2); // the worker goes on
  });

  it('reports progress, and a cancelled call rejects at once and tells the worker', async () => {
    const { client } = setup();
    const seen: unknown[] = [];
    expect(await client.call('steps', 4, { onProgress: (p) => seen.push(p) })).toBe(4);
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    const controller = new AbortController();
    const call = client.call('steps', 1000, { signal: controller.signal });
    await tick(5);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.pendingCount).toBe(0);
  });

  it('latest wins: an older call with the same key rejects as superseded, the newest resolves', async () => {
    const { client } = setup();
    const older = client.call('later', { n: 1, ms: 30 }, { latest: 'k' }).catch((e: unknown) => e);
    const newer = client.call('later', { n: 2, ms: 1 }, { latest: 'k' });
    expect(await newer).toBe(2);
    expect(isSuperseded(await older)).toBe(true);
    // Other keys are independent.
    const a = client.call('later', { n: 3, ms: 1 }, { latest: 'a' });
    const b = client.call('later', { n: 4, ms: 1 }, { latest: 'b' });
    expect(await Promise.all([a, b])).toEqual([3, 4]);
  });

  it('a worker that dies rejects every pending call; the next call starts a fresh worker', async () => {
    const { client, workers } = setup();
    let restarts = 0;
    client.onRestart = () => restarts++;
    expect(await client.call('count', undefined)).toBe(1);
    const pending = [client.call('hang', undefined), client.call('hang', undefined)];
    workers[0].crash('out of memory');
    for (const p of pending) await expect(p).rejects.toThrow(new WorkerCrashError('the worker stopped: out of memory'));
    expect(workers[0].terminated).toBe(true);
    expect(client.pendingCount).toBe(0);
    expect(await client.call('count', undefined)).toBe(1); // a new worker: its state starts afresh
    expect(workers).toHaveLength(2);
    expect(restarts).toBe(1);
  });

  it('terminateOnAbort stops the worker; the next call gets a new one', async () => {
    const { client, workers } = setup();
    const controller = new AbortController();
    const call = client.call('hang', undefined, { signal: controller.signal, terminateOnAbort: true });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
    expect(await client.call('double', 2)).toBe(4);
    expect(workers).toHaveLength(2);
  });

  it('a real thread that dies with an uncaught error ends the pending call with an error', async () => {
    // A Node worker thread that throws outside any call, as a worker does when it runs out of
    // memory or hits a bug in a library; adapted to the browser Worker's events.
    const thread = new NodeWorker('setTimeout(() => { throw new Error("boom in the worker"); }, 20);', { eval: true });
    const events = new EventTarget();
    thread.on('error', (e) => events.dispatchEvent(Object.assign(new Event('error'), { message: e.message })));
    const like: WorkerLike = {
      postMessage: () => {},
      addEventListener: (type: string, l: (e: never) => void) => events.addEventListener(type, l as EventListener),
      terminate: () => void thread.terminate(),
    };
    const client = new WorkerClient<Api>(() => like);
    await expect(client.call('hang', undefined)).rejects.toThrow('the worker stopped: boom in the worker');
  });
});
