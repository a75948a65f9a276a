/**
 * Components loaded on first use: `lazy(() => import('./Sidebar.svelte'))` is a component the
 * shell can render like any other (Lazy.svelte), while the module and what only it imports go to
 * a chunk of their own, fetched the first time it is shown (lazy-loader.ts).
 */
import type { Component } from 'svelte';
import Lazy from './Lazy.svelte';
import type { ComponentLoader } from './lazy-loader.ts';
import { withProps } from './with-props.ts';

/** A component (with the same props) that loads `load`'s module the first time it is rendered. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Svelte's own Component type
export function lazy<P extends Record<string, any>>(load: () => Promise<{ default: Component<P> }>): Component<P> {
  return withProps(Lazy, { load: load as unknown as ComponentLoader }) as unknown as Component<P>;
}
