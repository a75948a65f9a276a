/**
 * Save-as-you-go: after each edit, write the state once edits pause for `delayMs`, and at the
 * latest `maxWaitMs` after the first unsaved edit (so a long run of edits — dragging a
 * slider — is still saved at least once a second). Writes never overlap; a failed write keeps
 * the edits pending and is reported through `onError` (never swallowed), and the next edit
 * or flush retries it.
 */
export interface AutosaveOptions<S> {
  /** Write the changes from `prev` (last saved, null if nothing saved yet) to `next`. */
  write(prev: S | null, next: S): Promise<void>;
  /** Called with the error of every failed write. */
  onError(error: unknown): void;
  /** Called after each successful write (e.g. to show "saved"). */
  onSaved?(state: S): void;
  /** Quiet time before writing, in milliseconds (default 250). */
  delayMs?: number;
  /** Longest wait after the first unsaved edit, in milliseconds (default 1000). */
  maxWaitMs?: number;
}

export interface Autosave<S> {
  /** Record that the state is now `state`; it will be written soon. */
  schedule(state: S): void;
  /** Write any pending state now; resolves when storage holds it (or the write failed). */
  flush(): Promise<void>;
  /** True while an edit is not yet stored. */
  readonly dirty: boolean;
  /** Stop the timer (pending edits are not written; call flush first to keep them). */
  dispose(): void;
}

/** `saved` is what storage holds at the start (e.g. the state just loaded), or null. */
export function createAutosave<S>(saved: S | null, opts: AutosaveOptions<S>): Autosave<S> {
  const delayMs = opts.delayMs ?? 250;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  let lastSaved = saved;
  let pending: S | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsavedAt: number | null = null;
  let chain: Promise<void> = Promise.resolve();

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const writeNow = (): Promise<void> => {
    clear();
    firstUnsavedAt = null;
    chain = chain.then(async () => {
      if (pending === null) return;
      const next = pending;
      try {
        await opts.write(lastSaved, next);
        lastSaved = next;
        if (pending === next) pending = null;
        opts.onSaved?.(next);
      } catch (e) {
        opts.onError(e);
      }
    });
    return chain;
  };

  return {
    schedule(state) {
      pending = state;
      const now = Date.now();
      firstUnsavedAt ??= now;
      clear();
      const wait = Math.max(0, Math.min(delayMs, firstUnsavedAt + maxWaitMs - now));
      timer = setTimeout(() => void writeNow(), wait);
    },
    flush: writeNow,
    get dirty() {
      return pending !== null;
    },
    dispose: clear,
  };
}

/** Minimal event targets, so the lifecycle hook is testable without a DOM. */
export interface LifecycleTargets {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: string };
}

/**
 * Flush when the page is hidden (tab switch, close, mobile app switch) or unloaded
 * (`pagehide`). Returns a function that removes the listeners.
 */
export function flushOnPageHide(autosave: Pick<Autosave<unknown>, 'flush'>, targets: LifecycleTargets): () => void {
  const onVisibility = () => {
    if (targets.document.visibilityState === 'hidden') void autosave.flush();
  };
  const onPageHide = () => void autosave.flush();
  targets.document.addEventListener('visibilitychange', onVisibility);
  targets.window.addEventListener('pagehide', onPageHide);
  return () => {
    targets.document.removeEventListener('visibilitychange', onVisibility);
    targets.window.removeEventListener('pagehide', onPageHide);
  };
}
