/** Recognising a full storage quota across browsers, and turning storage errors into Problems. */
import { problem, type Problem } from '../../domain/problem.ts';

/**
 * True for QuotaExceededError (Chromium, WebKit, Firefox), legacy code 22 and Firefox's
 * NS_ERROR_DOM_QUOTA_REACHED, also when wrapped as the `error`/`cause` of an aborted transaction.
 */
export function isQuotaExceeded(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && typeof x === 'object' && depth < 3; depth++) {
    const o = x as { name?: unknown; code?: unknown; error?: unknown; cause?: unknown };
    if (o.name === 'QuotaExceededError' || o.name === 'NS_ERROR_DOM_QUOTA_REACHED' || o.code === 22) return true;
    x = o.error ?? o.cause;
  }
  return false;
}

/**
 * A storage failure as a Problem a planner can act on: `storage-quota-exceeded` or
 * `storage-failed`, each a complete sentence. The browser's own error (a TypeError, an
 * InvalidStateError …) is for the console, not the banner.
 */
export function storageProblem(e: unknown): Problem {
  return problem(isQuotaExceeded(e) ? 'storage-quota-exceeded' : 'storage-failed');
}
