/**
 * The one message protocol between the app and its Web Workers (coverage, job–housing, import):
 * a typed call of a named method with one input, answered by its result or an error; progress on
 * the way; cancel by id. The worker side is src/workers/serve.ts, the app side
 * src/workers/worker-client.ts. An API is an object of methods `(input, ctx) => output`.
 */

/** What a worker method gets besides its input. */
export interface CallContext {
  /** Aborted when the caller cancels the call (or supersedes it; see WorkerClient `latest`). */
  signal: AbortSignal;
  /** Report progress to the caller (e.g. a fraction and a stage). */
  progress(value: unknown): void;
}

/** A worker API: methods taking one structured-cloneable input (and the call context). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a method's input type is the API's own
export type WorkerApi = Record<string, (input: any, ctx: CallContext) => unknown>;

export type CallMessage = { type: 'call'; id: number; method: string; input: unknown } | { type: 'cancel'; id: number };

export type ReplyMessage =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'progress'; id: number; value: unknown };

/** A method's result with the buffers to transfer (not copy) with it; see `withTransfer`. */
export class Transferring {
  constructor(
    readonly value: unknown,
    readonly transfer: Transferable[],
  ) {}
}

/**
 * Return `value` from a worker method with `transfer` moved to the caller instead of copied (the
 * worker loses them): typed as `value`, which is what the caller receives.
 */
export function withTransfer<T>(value: T, transfer: Transferable[]): T {
  return new Transferring(value, transfer) as unknown as T;
}
