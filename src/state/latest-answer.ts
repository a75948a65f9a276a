/**
 * Answers that may arrive out of order: `latest(list, load)` gives `load`'s answer, or `STALE` when
 * a newer request for the same list was made while it was on its way — so an older answer that
 * arrives last never overwrites a newer one (two refreshes of a list after two live events).
 */
export const STALE: unique symbol = Symbol('stale');

export function latestAnswers(): <T>(list: string, load: () => Promise<T>) => Promise<T | typeof STALE> {
  const asked = new Map<string, number>();
  return async (list, load) => {
    const n = (asked.get(list) ?? 0) + 1;
    asked.set(list, n);
    const value = await load();
    return asked.get(list) === n ? value : STALE;
  };
}
