/**
 * Three-way merge primitives: one value, and a keyed list (items with ids) whose order
 * follows both sides. `undefined` stands for "absent" (deleted or never there).
 */
import { deepEqual } from './deep-equal.ts';
import type { Side } from './merge-types.ts';

export type Pick3<T> = { ok: true; value: T } | { ok: false };

/** The merged value when at most one side changed it (or both made the same change); else not ok. */
export function pick3<T>(base: T, mine: T, theirs: T): Pick3<T> {
  if (deepEqual(mine, theirs)) return { ok: true, value: mine };
  if (deepEqual(mine, base)) return { ok: true, value: theirs };
  if (deepEqual(theirs, base)) return { ok: true, value: mine };
  return { ok: false };
}

/** The value a conflict resolves to for the winning side. */
export function sideValue<T>(side: Side, mine: T, theirs: T): T {
  return side === 'mine' ? mine : theirs;
}

/**
 * Order of the merged keys: `mine`'s order, with each run of keys only `theirs` has inserted
 * after the key of `mine` that precedes the run in `theirs` (or at the start). Keys not in
 * `keep` are left out. Linear in the lists' lengths (facility lists run to 10⁵ items).
 */
export function mergedOrder(mine: readonly string[], theirs: readonly string[], keep: ReadonlySet<string>): string[] {
  const inMine = new Set(mine);
  const after = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const k of theirs) {
    if (!keep.has(k)) continue;
    if (inMine.has(k)) anchor = k;
    else {
      const run = after.get(anchor);
      if (run) run.push(k);
      else after.set(anchor, [k]);
    }
  }
  const out = [...(after.get(null) ?? [])];
  for (const k of mine) {
    if (!keep.has(k)) continue;
    out.push(k);
    const run = after.get(k);
    if (run) out.push(...run);
  }
  // Defensive: every kept key of `theirs` appears once even if the runs above missed it.
  const placed = new Set(out);
  for (const k of theirs) if (keep.has(k) && !placed.has(k)) out.push(k);
  return out;
}

/**
 * Merge three lists of items keyed by `keyOf`. `mergeItem` receives the three versions of one
 * key (any may be undefined) and returns the merged item, or undefined to leave it out.
 */
export function mergeKeyed<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  keyOf: (item: T) => string,
  mergeItem: (key: string, base: T | undefined, mine: T | undefined, theirs: T | undefined) => T | undefined,
): T[] {
  const index = (list: readonly T[]) => new Map(list.map((x) => [keyOf(x), x] as const));
  const b = index(base);
  const m = index(mine);
  const t = index(theirs);
  const merged = new Map<string, T>();
  for (const key of new Set([...b.keys(), ...m.keys(), ...t.keys()])) {
    const v = mergeItem(key, b.get(key), m.get(key), t.get(key));
    if (v !== undefined) merged.set(key, v);
  }
  const order = mergedOrder([...m.keys()], [...t.keys()], new Set(merged.keys()));
  return order.map((k) => merged.get(k)!);
}
