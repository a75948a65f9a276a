/**
 * A change to the project state. Applying it returns the new state and the change that
 * undoes it (Placemark's "moment" pattern): undo is just applying the inverse.
 * State is immutable: a change returns a new object and never mutates its input.
 */
export interface Change<S> {
  /** What the change does, for the undo button's tooltip, in Chinese and English. */
  readonly label: { zh: string; en: string };
  apply(state: S): Applied<S>;
}

export interface Applied<S> {
  state: S;
  inverse: Change<S>;
}

/** A change that replaces one slice of the state with a given value (its inverse restores the old value). */
export function setSlice<S, K extends keyof S>(key: K, value: S[K], label: Change<S>['label']): Change<S> {
  return {
    label,
    apply(state) {
      const old = state[key];
      return { state: { ...state, [key]: value }, inverse: setSlice(key, old, label) };
    },
  };
}

/**
 * Lift a change of one slice to a change of the whole state, so features can write changes
 * against their own slice (facilities, scenarios …) and still share one undo history.
 */
export function liftChange<S, K extends keyof S>(key: K, change: Change<S[K]>): Change<S> {
  return {
    label: change.label,
    apply(state) {
      const { state: slice, inverse } = change.apply(state[key]);
      return { state: { ...state, [key]: slice }, inverse: liftChange(key, inverse) };
    },
  };
}
