/**
 * Undo/redo over immutable state: a stack of inverses, capped (terra-draw keeps a capped
 * stack too). Pure TypeScript; the UI store wraps it.
 */
import type { Change } from './change.ts';

export class History<S> {
  #state: S;
  // Each entry keeps the label of the change the user made, so "undo: duplicate scenario" is
  // shown rather than the inverse's label ("delete scenario").
  #past: { change: Change<S>; label: Change<S>['label'] }[] = [];
  #future: { change: Change<S>; label: Change<S>['label'] }[] = [];
  readonly cap: number;

  constructor(initial: S, cap = 500) {
    this.#state = initial;
    this.cap = cap;
  }

  get state(): S {
    return this.#state;
  }
  get canUndo(): boolean {
    return this.#past.length > 0;
  }
  get canRedo(): boolean {
    return this.#future.length > 0;
  }
  /** Label of the change the next undo reverts. */
  get undoLabel(): Change<S>['label'] | null {
    return this.#past.at(-1)?.label ?? null;
  }
  get redoLabel(): Change<S>['label'] | null {
    return this.#future.at(-1)?.label ?? null;
  }

  /** Apply a change; clears the redo stack. Returns the new state. */
  apply(change: Change<S>): S {
    const { state, inverse } = change.apply(this.#state);
    this.#state = state;
    this.#past.push({ change: inverse, label: change.label });
    if (this.#past.length > this.cap) this.#past.shift();
    this.#future = [];
    return state;
  }

  undo(): S {
    const entry = this.#past.pop();
    if (!entry) return this.#state;
    const { state, inverse: redo } = entry.change.apply(this.#state);
    this.#state = state;
    this.#future.push({ change: redo, label: entry.label });
    return state;
  }

  redo(): S {
    const entry = this.#future.pop();
    if (!entry) return this.#state;
    const { state, inverse } = entry.change.apply(this.#state);
    this.#state = state;
    this.#past.push({ change: inverse, label: entry.label });
    return state;
  }

  /**
   * Replace the present state but keep the undo and redo stacks: for content merged in from
   * elsewhere (a colleague's save, another tab). Undo then reverts this session's own changes
   * on top of it, e.g. a cell goes back to the value it had before this session changed it.
   */
  replacePresent(state: S): void {
    this.#state = state;
  }

  /** Replace the state without history (e.g. loading a saved project). */
  reset(state: S): void {
    this.#state = state;
    this.#past = [];
    this.#future = [];
  }
}
