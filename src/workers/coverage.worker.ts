/// <reference lib="webworker" />
/** Thin Web Worker wrapper around the coverage engine: one session, one reply per request. */
import { CoverageSession } from '../analysis/coverage/coverage-session.ts';
import type { CoverageRequest } from '../analysis/coverage/coverage-protocol.ts';

const session = new CoverageSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<CoverageRequest>) => {
  scope.postMessage(session.handle(e.data, () => performance.now()));
};
