/**
 * A module loaded on first use whose exports shell code reads synchronously, e.g. a feature's
 * store behind its hooks (src/ui/feature.ts): `get()` is null until the module has arrived (and
 * starts loading it), then the module. Reactive: a `$derived` or template that read null runs
 * again when it arrives. Keeps a feature's store and analysis out of the first load.
 */
export interface LazyModule<T> {
  /** The module if it has arrived, else null (and the load starts). */
  get(): T | null;
  /** The module, loaded once; a failed load may be retried by the next call. */
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let mod = $state.raw<T | null>(null);
  let pending: Promise<T> | null = null;
  const load = (): Promise<T> => {
    pending ??= importer().then(
      (m) => (mod = m),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    );
    return pending;
  };
  return {
    get: () => {
      if (!mod) load().catch((e: unknown) => console.error(e));
      return mod;
    },
    load,
  };
}
