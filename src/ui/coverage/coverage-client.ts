/**
 * The app's side of the coverage worker: typed requests with ids, replies matched by id, and
 * drag moves coalesced to at most one per animation frame and one in flight (only the latest
 * position matters). Results arrive in request order, so the newest reply is the newest state.
 */
import type { CoverageReply, CoverageRequest } from '../../analysis/coverage/coverage-protocol.ts';
import type { LonLat } from '../../domain/facility.ts';

type Request = CoverageRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class CoverageClient {
  #worker: Worker;
  #nextId = 1;
  #waiting = new Map<number, (reply: CoverageReply) => void>();
  #pendingMove: { facilityId: string; lonLat: LonLat; queuedAt: number } | null = null;
  #moveInFlight = false;
  #frame: number | null = null;

  /** Every `result` reply, in order, with the worker's compute time and (for moves) ms since the move was queued. */
  onResult: (reply: Extract<CoverageReply, { type: 'result' }>, latencyMs: number | null) => void = () => {};
  onError: (message: string) => void = () => {};

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.onmessage = (e: MessageEvent<CoverageReply>) => {
      const reply = e.data;
      const resolve = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (reply.type === 'error') this.onError(reply.message);
      resolve?.(reply);
    };
  }

  /** Post a request; the promise resolves with its reply. `result` replies also go to onResult. */
  request(req: Request): Promise<CoverageReply> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, (reply) => {
        if (reply.type === 'result') this.onResult(reply, null);
        resolve(reply);
      });
      this.#worker.postMessage({ ...req, id } as CoverageRequest);
    });
  }

  /** Queue a drag move; posted on the next animation frame unless a move is still being computed. */
  queueMove(facilityId: string, lonLat: LonLat): void {
    this.#pendingMove = { facilityId, lonLat, queuedAt: performance.now() };
    this.#schedule();
  }

  /** Drop a queued move (the drop itself is sent as a regular request, after any move in flight). */
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
      const id = this.#nextId++;
      this.#waiting.set(id, (reply) => {
        this.#moveInFlight = false;
        if (reply.type === 'result') this.onResult(reply, performance.now() - move.queuedAt);
        this.#schedule();
      });
      this.#worker.postMessage({ type: 'move', id, facilityId: move.facilityId, lonLat: move.lonLat } satisfies CoverageRequest);
    });
  }

  dispose(): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#worker.terminate();
    this.#waiting.clear();
  }
}
