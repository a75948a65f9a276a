/**
 * Components loaded on first use: `lazy(() => import('./Sidebar.svelte'))` is a component the
 * shell can render like any other (Lazy.svelte), while the module and what only it imports go to
 * a chunk of their own, fetched the first time it is shown.
 */
import type { Component } from 'svelte';
import Lazy from './Lazy.svelte';
import { withProps } from './with-props.ts';

/** A dynamic import of a component module (`never`: a component with any props fits). */
export type ComponentLoader = () => Promise<{ default: Component<never> }>;

const done = new Map<ComponentLoader, Component<Record<string, unknown>>>();
const pending = new Map<ComponentLoader, Promise<Component<Record<string, unknown>>>>();

/** The component if its module has arrived, else null. */
export function loaded(load: ComponentLoader): Component<Record<string, unknown>> | null {
  return done.get(load) ?? null;
}

/** Loads the component's module once, however many places show it. */
export function loadComponent(load: ComponentLoader): Promise<Component<Record<string, unknown>>> {
  let p = pending.get(load);
  if (!p) {
    p = load().then((m) => {
      const c = m.default as unknown as Component<Record<string, unknown>>;
      done.set(load, c);
      return c;
    });
    // A failed load (e.g. the server went away) may be retried the next time it is shown.
    p.catch((err: unknown) => {
      pending.delete(load);
      console.error(err);
    });
    pending.set(load, p);
  }
  return p;
}

/** A component (with the same props) that loads `load`'s module the first time it is rendered. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Svelte's own Component type
export function lazy<P extends Record<string, any>>(load: () => Promise<{ default: Component<P> }>): Component<P> {
  return withProps(Lazy, { load: load as unknown as ComponentLoader }) as unknown as Component<P>;
}
