/**
 * A replica of the project: the state this tab shows, kept in step with a store that other
 * writers change too (another tab over the same IndexedDB; the team server for the next step).
 * Every write is conditional on the revision the replica last saw (compare-and-swap); when the
 * store has moved on, the replica reads what is there, merges it three-way into the local state
 * (state/merge/merge-projects.ts: cell by cell, site by site, 附件1 tick by tick) and writes
 * again. Nothing is overwritten unseen: changes that do not touch the same thing combine; each
 * thing both sides changed becomes a Conflict the app shows (local value kept until the person
 * chooses). Data another writer stored that fails the project checks is neither merged nor
 * written over: the replica stops (`blocked`), hands it to `onUnreadable` with its revision for
 * the app to quarantine, and writes again only after `resume`. Pure: no DOM, no clock, no
 * Svelte; the store is an interface.
 *
 * @example
 *   const replica = new Replica({ store: idbStore, start, local: () => app.project, adopt: (m) => app.adopt(m.state) });
 *   await replica.push(); // after each edit (through autosave)
 *   channel.onmessage = () => replica.pull(); // another tab saved
 */
import { diffStates, mergeStates } from '../merge/project-states.ts';
import type { ProjectChange } from '../merge/project-diff.ts';
import type { Conflict } from '../merge/merge-types.ts';
import type { Checked, Problem } from '../../domain/problem.ts';
import type { ProjectState } from '../project.ts';
import { shareUnchanged } from './share-unchanged.ts';

/** What a store holds: its revision and the project (null when nothing is stored). */
export interface StoreSnapshot<R> {
  revision: R;
  state: ProjectState | null;
}

/** A store several writers share: this browser's IndexedDB, or the team server. */
export interface SharedProjectStore<R> {
  /** The revision the store is at (cheaper than read, to skip a pull when nothing changed). */
  revision?(): Promise<R>;
  /**
   * What the store holds now: `state` checked like a project file (invalid data is a problem,
   * not an exception) and `raw`, the data as stored, for setting unreadable data aside.
   */
  read(): Promise<{ revision: R; state: Checked<ProjectState> | null; raw?: unknown }>;
  /**
   * Store `next` if the store still holds `base.revision` (`base.state` is what it then holds,
   * for writing only the difference). `stale` when another writer got there first.
   */
  write(base: StoreSnapshot<R>, next: ProjectState): Promise<{ ok: true; revision: R } | { ok: false; stale: true }>;
}

/** Someone else's saved edits, merged into this replica. */
export interface Merge {
  /** What the other writer changed since this replica last saw the store. */
  theirs: ProjectChange[];
  /** Things both sides changed differently; the local side is kept until the person chooses. */
  conflicts: Conflict[];
  /** The three states of the merge, so a conflict can be resolved the other way later. */
  base: ProjectState;
  mine: ProjectState;
  theirState: ProjectState;
  /** The state the app now shows. */
  state: ProjectState;
}

/** Data another writer stored that fails the project checks, as read at `revision`. */
export interface Unreadable<R> {
  revision: R;
  problems: Problem[];
  /** The data as stored (undefined when the store does not give it). */
  raw: unknown;
}

export interface ReplicaOptions<R> {
  store: SharedProjectStore<R>;
  /** What the store held when the app loaded (state null: nothing stored, or unreadable). */
  start: StoreSnapshot<R>;
  /** The state the app started from when nothing was stored (the common ancestor of every tab's first edits). */
  origin: ProjectState;
  /** The state the app shows now (read right before merging, so no edit is missed). */
  local(): ProjectState;
  /** Show a merged state (not an undo step); called only when it differs from `local()`, or when there are conflicts. */
  adopt(merge: Merge): void;
  /** The stored data fails the checks: the replica keeps its state and writes nothing until `resume`. */
  onUnreadable?(unreadable: Unreadable<R>): void;
  /** Tries to write before giving up (each failed try merged what the other writer saved). Default 8. */
  maxAttempts?: number;
}

/** `blocked`: nothing was written, the store holds unreadable data (see `resume`). */
export type PushResult = 'saved' | 'unchanged' | 'blocked';

export class Replica<R> {
  #o: ReplicaOptions<R>;
  /** What the store held when this replica last read or wrote it. */
  #seen: StoreSnapshot<R>;
  /** One operation at a time: a pull never interleaves with a write. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Unreadable data met in the store: no pull, no write until resume. */
  #blocked: Unreadable<R> | null = null;

  constructor(options: ReplicaOptions<R>) {
    this.#o = options;
    this.#seen = options.start;
  }

  /** The revision this replica last saw. */
  get revision(): R {
    return this.#seen.revision;
  }

  /** What the store held when this replica last read or wrote readable data. */
  get seen(): StoreSnapshot<R> {
    return this.#seen;
  }

  /** The unreadable data that stopped this replica, or null. */
  get blocked(): Unreadable<R> | null {
    return this.#blocked;
  }

  /**
   * Write and merge again after unreadable data was dealt with: `snapshot` is what the store
   * holds now (e.g. after the app replaced the data, setting it aside); without it the store is
   * taken to have moved on from what this replica last saw, and the next push merges first.
   */
  resume(snapshot?: StoreSnapshot<R>): void {
    this.#blocked = null;
    if (snapshot) this.#seen = snapshot;
  }

  /**
   * The merge of `theirs` (e.g. what could be recovered of unreadable data) into the local
   * state, with what this replica last saw as the base; nothing is adopted or written.
   */
  mergeWith(theirs: ProjectState): Merge {
    return merge(this.#seen.state ?? this.#o.origin, this.#o.local(), theirs, this.#seen.state);
  }

  /** True when the app shows a state the store does not hold yet. */
  get dirty(): boolean {
    return this.#o.local() !== this.#seen.state;
  }

  /** Write the local state (merging first whatever another writer saved meanwhile). Rejects when the store fails. */
  push(): Promise<PushResult> {
    return this.#serial(() => this.#push());
  }

  /** Read what another writer saved and merge it into the local state. */
  pull(): Promise<void> {
    return this.#serial(() => this.#pull());
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(op, op);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #push(): Promise<PushResult> {
    const attempts = this.#o.maxAttempts ?? 8;
    for (let i = 0; i < attempts; i++) {
      if (this.#blocked) return 'blocked';
      const next = this.#o.local();
      if (next === this.#seen.state) return 'unchanged';
      const r = await this.#o.store.write(this.#seen, next);
      if (r.ok) {
        this.#seen = { revision: r.revision, state: next };
        return 'saved';
      }
      await this.#pull();
    }
    throw new Error(`could not save: the store changed under every one of ${attempts} attempts`);
  }

  async #pull(): Promise<void> {
    if (this.#blocked) return;
    if (this.#o.store.revision && (await this.#o.store.revision()) === this.#seen.revision) return;
    const read = await this.#o.store.read();
    if (read.revision === this.#seen.revision) return;
    if (read.state && !read.state.ok) {
      // Unreadable data from another writer: neither merged nor written over; the app sets it aside first.
      this.#blocked = { revision: read.revision, problems: read.state.problems, raw: read.raw };
      this.#o.onUnreadable?.(this.#blocked);
      return;
    }
    const theirs = read.state?.value ?? null;
    if (!theirs) {
      // The store was emptied (another tab cleared it): keep the local state, write it whole next.
      this.#seen = { revision: read.revision, state: null };
      return;
    }
    const m = merge(this.#seen.state ?? this.#o.origin, this.#o.local(), theirs, this.#seen.state); // local() after the await: every edit made meanwhile is in it
    // What the store holds, sharing objects with the local state, so the next write sends only the difference.
    this.#seen = { revision: read.revision, state: shareUnchanged(m.state, theirs) };
    if (m.state !== m.mine || m.conflicts.length) this.#o.adopt(m);
  }
}

/** `theirs` merged into `mine` from `base`; `saved` is what the store held before (mine === saved: no local edits). */
function merge(base: ProjectState, mine: ProjectState, theirs: ProjectState, saved: ProjectState | null): Merge {
  let state: ProjectState;
  let conflicts: Conflict[] = [];
  if (mine === saved) state = shareUnchanged(mine, theirs); // no local edits: theirs, sharing what did not change
  else {
    const m = mergeStates(base, mine, theirs);
    conflicts = m.conflicts;
    state = shareUnchanged(mine, m.merged);
  }
  return { theirs: diffStates(base, theirs), conflicts, base, mine, theirState: theirs, state };
}
