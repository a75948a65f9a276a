/**
 * The app side of src/workers/rpc-protocol.ts, shared by every worker (coverage, job–housing,
 * import): `call(method, input)` returns a promise of the method's result, typed from the API.
 *
 * - Errors reach the caller: an exception in the worker rejects the call with WorkerCallError;
 *   a worker that dies (an uncaught error, a failed module load, a message that cannot be read)
 *   rejects every pending call with WorkerCrashError, so no caller waits for ever. The next call
 *   starts a fresh worker; `onRestart` lets a stateful user (the coverage session) resend its state.
 * - Cancel: an AbortSignal rejects the call at once with an AbortError and aborts the method's
 *   signal in the worker; `terminateOnAbort` also stops the worker (a parse that cannot look at
 *   its signal, e.g. inside a Shapefile decoder).
 * - Latest wins: calls made with the same `latest` key supersede one another; an older call
 *   still pending rejects with SupersededError (test with `isSuperseded`) and its result is dropped.
 */
import type { CallContext, CallMessage, ReplyMessage, WorkerApi } from './rpc-protocol.ts';

/** The part of a Worker the client uses (a browser Worker, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: CallMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ReplyMessage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: Event) => void): void;
  terminate(): void;
}

export class WorkerCallError extends Error {
  override name = 'WorkerCallError';
}
export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}
export class SupersededError extends Error {
  override name = 'SupersededError';
}
export const isSuperseded = (e: unknown): e is SupersededError => e instanceof SupersededError;

export interface CallOptions {
  signal?: AbortSignal;
  /** Stop the worker when the call is aborted (pending calls on it reject with AbortError too). */
  terminateOnAbort?: boolean;
  onProgress?: (value: unknown) => void;
  /** Objects whose ownership moves to the worker (e.g. a file's ArrayBuffer). */
  transfer?: Transferable[];
  /** Calls with the same key supersede one another (the newest wins). */
  latest?: string;
}

/** The input of a worker method. */
export type CallInput<F> = F extends (input: infer I, ctx: CallContext) => unknown ? I : never;
/** What a worker method's call resolves to. */
export type CallOutput<F> = F extends (...args: never[]) => infer O ? Awaited<O> : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (value: unknown) => void;
  latest?: string;
}

const abortError = () => new DOMException('the call was cancelled', 'AbortError');

export class WorkerClient<Api extends WorkerApi> {
  #worker: WorkerLike | null = null;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #latestIds = new Map<string, number>();
  #started = 0;

  /** Called before the first call on every worker after the first (the old one died or was stopped). */
  onRestart: () => void = () => {};

  constructor(private readonly create: () => WorkerLike) {}

  call<M extends keyof Api & string>(method: M, input: CallInput<Api[M]>, options: CallOptions = {}): Promise<CallOutput<Api[M]>> {
    const { signal, latest } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const worker = this.#ensure();
    const id = this.#nextId++;
    return new Promise<CallOutput<Api[M]>>((resolve, reject) => {
      if (latest !== undefined) {
        const older = this.#latestIds.get(latest);
        if (older !== undefined) this.#settle(older, (p) => p.reject(new SupersededError(`superseded by a newer "${latest}" call`)), true);
        this.#latestIds.set(latest, id);
      }
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress, latest });
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.#pending.has(id)) return;
          if (options.terminateOnAbort) this.terminate(abortError);
          else this.#settle(id, (p) => p.reject(abortError()), true);
        },
        { once: true },
      );
      worker.postMessage({ type: 'call', id, method, input }, options.transfer ?? []);
    });
  }

  /** Stop the worker; pending calls reject (with `reason()`, by default a WorkerCrashError). */
  terminate(reason: () => Error = () => new WorkerCrashError('the worker was stopped')): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const id of [...this.#pending.keys()]) this.#settle(id, (p) => p.reject(reason()), false);
  }

  /** Calls still waiting for an answer. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  #ensure(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.create();
    this.#worker = worker;
    worker.addEventListener('message', (e) => this.#receive(e.data));
    const crashed = (e: Event) => {
      if (this.#worker !== worker) return;
      const detail = 'message' in e && typeof e.message === 'string' && e.message ? e.message : e.type;
      this.terminate(() => new WorkerCrashError(`the worker stopped: ${detail}`));
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    if (this.#started++ > 0) this.onRestart();
    return worker;
  }

  #receive(m: ReplyMessage): void {
    if (m.type === 'progress') {
      this.#pending.get(m.id)?.onProgress?.(m.value);
      return;
    }
    if (m.type === 'result') this.#settle(m.id, (p) => p.resolve(m.value), false);
    else this.#settle(m.id, (p) => p.reject(new WorkerCallError(m.message)), false);
  }

  /** Take call `id` out of the pending set and settle it; `cancel` also tells the worker to stop it. */
  #settle(id: number, how: (p: Pending) => void, cancel: boolean): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    if (p.latest !== undefined && this.#latestIds.get(p.latest) === id) this.#latestIds.delete(p.latest);
    if (cancel) this.#worker?.postMessage({ type: 'cancel', id });
    how(p);
  }
}
