/**
 * Long checks on the main thread in slices: work until `due()` says the slice has run its time,
 * then `await pause()` lets the page handle input and draw before going on. The pause is
 * `scheduler.yield()` where the browser has it (it resumes ahead of other queued tasks), else a
 * MessageChannel message (not clamped to 4 ms as a nested setTimeout is).
 */
export interface Slicer {
  /** True once the current slice has run `sliceMs`. */
  due(): boolean;
  /** Yield to the page; the next slice starts when it resumes. */
  pause(): Promise<void>;
}

type Scheduler = { yield?: () => Promise<void> };

/** Resolve after the page has had a turn (input, rendering, other tasks). */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Slices of `sliceMs` of work (default 25 ms: well under the 100 ms that counts as a long task). */
export function timeSlicer(sliceMs = 25, yieldFn: () => Promise<void> = yieldToPage): Slicer {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= sliceMs,
    async pause() {
      await yieldFn();
      start = performance.now();
    },
  };
}

/**
 * The pieces of `JSON.stringify(list)` for an array, `chunk` items each: joined in order they are
 * exactly that text. Each piece is a function, to be called between other work.
 */
export function jsonArrayPieces(list: readonly unknown[], chunk = 4096): (() => string)[] {
  const parts: (() => string)[] = [() => '['];
  for (let i = 0; i < list.length; i += chunk) parts.push(() => (i ? ',' : '') + JSON.stringify(list.slice(i, i + chunk)).slice(1, -1));
  parts.push(() => ']');
  return parts;
}
