/**
 * withProps (src/ui/with-props.ts) keeps the caller's props live: a lazy component (lazy.ts) must
 * show a banner's new problems, not the ones it was first rendered with (seen in the tabs browser
 * test: a quarantine banner kept its first problem list after another tab saved again).
 */
import { describe, expect, it } from 'vitest';
import type { Component } from 'svelte';
import { liveMerge, withProps } from '../../../src/ui/with-props.ts';

describe('withProps', () => {
  it('reads the caller’s props at each access, so later values reach the wrapped component', () => {
    let problems = ['first'];
    let seen: Record<string, unknown> | null = null;
    const inner = ((_internals: unknown, props: Record<string, unknown>) => {
      seen = props;
    }) as unknown as Component<Record<string, unknown>>;
    const Bound = withProps(inner, { load: 'fixed' }) as unknown as (i: unknown, p: Record<string, unknown>) => void;
    Bound(null, {
      get problems() {
        return problems;
      },
    });
    problems = ['second'];
    expect(seen!.problems).toEqual(['second']);
    expect(seen!.load).toBe('fixed');
  });

  it('behaves as { ...props, ...fixed } for keys, `in` and rest-spreads', () => {
    const m = liveMerge({ a: 1, load: 'caller' }, { load: 'fixed', b: 2 });
    expect(Object.keys(m).sort()).toEqual(['a', 'b', 'load']);
    expect('b' in m && 'a' in m && !('c' in m)).toBe(true);
    expect({ ...m }).toEqual({ a: 1, load: 'fixed', b: 2 });
  });
});
