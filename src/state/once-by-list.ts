/**
 * Work done ahead for a list, handed over once: the import worker makes a layer's tile points and its
 * coverage packing from its columns, and the first send of that same list (by identity) takes them
 * instead of packing the list again on the page. Taken once because the buffers are transferred.
 */
export interface OnceByList<V> {
  remember(list: object, value: V): void;
  /** What was remembered for `list`, forgotten as it is taken. */
  take(list: object): V | undefined;
}

export function onceByList<V>(): OnceByList<V> {
  const held = new WeakMap<object, V>();
  return {
    remember: (list, value) => void held.set(list, value),
    take: (list) => {
      const v = held.get(list);
      held.delete(list);
      return v;
    },
  };
}
