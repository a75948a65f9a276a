/**
 * Web Worker for the job–housing geometry (catchment buffers and overlaps: 0.1–0.5 s for
 * 21 boards × 6 parks, too long for the main thread while a planner drags a park or a
 * radius slider). Thin wrapper: all logic is in handleJobsHousingRequest.
 * Usage: new Worker(new URL('./workers/jobs-housing.worker.ts', import.meta.url), { type: 'module' }).
 */
import { handleJobsHousingRequest, type JhWorkerRequest, type JhWorkerResponse } from '../analysis/jobs-housing/worker-protocol.ts';
import type { CatchmentGeometry } from '../analysis/jobs-housing/catchment-geometry.ts';

interface WorkerScope {
  postMessage(message: JhWorkerResponse): void;
  onmessage: ((event: MessageEvent<JhWorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let state: CatchmentGeometry | null = null;

scope.onmessage = (event) => {
  const { state: next, response } = handleJobsHousingRequest(state, event.data, () => performance.now());
  state = next;
  scope.postMessage(response);
};
