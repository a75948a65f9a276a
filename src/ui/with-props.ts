/**
 * A component with some props fixed, e.g. one caption per board from one BoardCaption
 * component, where the shell expects a component without props (Chapter.Caption).
 * Svelte 5 components are functions (internals, props), so this is a plain wrapper.
 *
 * The caller's props stay live: Svelte passes props as getters (or a proxy over them), and a
 * spread (`{ ...props }`) would read each once, so a lazy component (lazy.ts) would keep showing
 * the values it was first given. The merged props are a proxy that reads through to the caller's
 * on every access; only the fixed keys are answered from `fixed`.
 */
import type { Component } from 'svelte';

export function withProps<P extends Record<string, unknown>>(component: Component<P>, fixed: P): Component {
  const bound = (internals: unknown, props: Record<string | symbol, unknown>) => component(internals as never, liveMerge(props, fixed) as P);
  return bound as unknown as Component;
}

/** `{ ...props, ...fixed }`, but reading `props` at each access rather than once. */
export function liveMerge(props: Record<string | symbol, unknown>, fixed: Record<string, unknown>): Record<string | symbol, unknown> {
  const own = (k: string | symbol) => typeof k === 'string' && Object.hasOwn(fixed, k);
  return new Proxy(props, {
    get: (target, k) => (own(k) ? fixed[k as string] : Reflect.get(target, k)),
    has: (target, k) => own(k) || Reflect.has(target, k),
    ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...Reflect.ownKeys(fixed)])],
    getOwnPropertyDescriptor: (target, k) =>
      own(k) ? { value: fixed[k as string], enumerable: true, configurable: true, writable: false } : Reflect.getOwnPropertyDescriptor(target, k),
    set: () => false,
  });
}
