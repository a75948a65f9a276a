/**
 * A component with some props fixed, e.g. one caption per board from one BoardCaption
 * component, where the shell expects a component without props (Chapter.Caption).
 * Svelte 5 components are functions (internals, props), so this is a plain wrapper.
 */
import type { Component } from 'svelte';

export function withProps<P extends Record<string, unknown>>(component: Component<P>, fixed: P): Component {
  const bound = (internals: unknown, props: Record<string, unknown>) => component(internals as never, { ...props, ...fixed } as P);
  return bound as unknown as Component;
}
