/**
 * The module cache behind lazy components (lazy.ts, Lazy.svelte): each dynamic import of a
 * component module runs once, however many places show the component.
 */
import type { Component } from 'svelte';

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
