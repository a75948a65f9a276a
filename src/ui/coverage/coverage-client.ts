/**
 * The app's side of the coverage worker, over the one worker client (src/workers/worker-client.ts):
 * typed calls, every result-bearing reply passed to `onResult`, errors (and a crashed worker) to
 * `onError`; drag moves coalesced to at most one per animation frame and one in flight (only the
 * latest position matters). Results arrive in call order, so the newest reply is the newest state.
 */
import { WorkerClient, WorkerCrashError, isSuperseded, type CallInput, type CallOutput, type WorkerLike } from '../../workers/worker-client.ts';
import type { CoverageApi } from '../../workers/coverage-api.ts';
import type { CoverageUpdate } from '../../analysis/coverage/coverage-session.ts';
import type { LonLat } from '../../domain/facility.ts';

type Api = CoverageApi;

/**
 * Where a drag move's time went, in ms: from the pointer move to the frame that sent it
 * (`frameWaitMs`: moves are coalesced to one per animation frame), from sending to the reply being
 * handled on the page (`roundTripMs`, of which `computeMs` in the worker), and in all (`latencyMs`).
 */
export interface MoveTiming {
  latencyMs: number;
  frameWaitMs: number;
  roundTripMs: number;
  computeMs: number;
  /** Of the round trip: from sending to the worker starting the move, and from the worker's reply to the page handling it. */
  toWorkerMs: number;
  backMs: number;
}

export class CoverageClient {
  readonly #client: WorkerClient<Api>;
  #pendingMove: { facilityId: string; lonLat: LonLat; queuedAt: number } | null = null;
  #moveInFlight = false;
  #frame: number | null = null;
  /** Calls sent and not yet answered, and who waits for there to be none (whenIdle). */
  #inFlight = 0;
  #idle: (() => void)[] = [];

  /** Every update (init, add, remove, move), in order, with where a drag move's time went (null for other calls). */
  onResult: (update: CoverageUpdate, move: MoveTiming | null) => void = () => {};
  /** A call failed; `crashed` when the worker died (its session is gone: init again). */
  onError: (message: string, crashed: boolean) => void = () => {};

  constructor(create: () => WorkerLike) {
    this.#client = new WorkerClient<Api>(create);
  }

  /**
   * Call a worker method; updates also go to onResult. Resolves to null when the call failed (the
   * failure goes to onError), to undefined when a newer call with the same `latest` key superseded it.
   */
  async call<M extends keyof Api & string>(method: M, input: CallInput<Api[M]>, latest?: string, transfer?: Transferable[]): Promise<CallOutput<Api[M]> | null | undefined> {
    this.#inFlight++;
    try {
      const value = await this.#client.call(method, input, { ...(latest ? { latest } : {}), ...(transfer ? { transfer } : {}) });
      if (method === 'init' || method === 'add' || method === 'remove' || method === 'move') this.onResult(value as CoverageUpdate, null);
      return value;
    } catch (e) {
      if (isSuperseded(e)) return undefined;
      this.#fail(e);
      return null;
    } finally {
      this.#settled();
    }
  }

  /** Resolves once no call (drag moves included) waits for its answer: exports wait for the figures they write. */
  whenIdle(): Promise<void> {
    if (this.#inFlight === 0 && !this.moveBusy) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #settled(): void {
    this.#inFlight--;
    if (this.#inFlight === 0 && !this.moveBusy) for (const done of this.#idle.splice(0)) done();
  }

  /** Queue a drag move; sent on the next animation frame unless a move is still being computed. */
  queueMove(facilityId: string, lonLat: LonLat): void {
    this.#pendingMove = { facilityId, lonLat, queuedAt: performance.now() };
    this.#schedule();
  }

  /** Drop a queued move (the drop itself is sent as a regular call, after any move in flight). */
  cancelQueuedMove(): void {
    this.#pendingMove = null;
  }

  /** True while a move waits or is being computed. */
  get moveBusy(): boolean {
    return this.#moveInFlight || this.#pendingMove !== null;
  }

  #schedule(): void {
    if (this.#frame !== null || this.#moveInFlight || !this.#pendingMove) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null;
      const move = this.#pendingMove;
      if (!move || this.#moveInFlight) return;
      this.#pendingMove = null;
      this.#moveInFlight = true;
      this.#inFlight++;
      const sentAt = performance.now();
      this.#client
        .call('move', { facilityId: move.facilityId, lonLat: move.lonLat })
        .then(
          (update) => {
            const now = performance.now();
            const doneAt = update.doneAtMs - performance.timeOrigin;
            this.onResult(update, { latencyMs: now - move.queuedAt, frameWaitMs: sentAt - move.queuedAt, roundTripMs: now - sentAt, computeMs: update.computeMs, toWorkerMs: doneAt - update.computeMs - sentAt, backMs: now - doneAt });
          },
          (e: unknown) => this.#fail(e),
        )
        .finally(() => {
          this.#moveInFlight = false;
          this.#settled();
          this.#schedule();
        });
    });
  }

  #fail(e: unknown): void {
    this.onError(e instanceof Error ? e.message : String(e), e instanceof WorkerCrashError);
  }

  dispose(): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#client.terminate();
  }
}
