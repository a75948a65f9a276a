/**
 * Never lose work: load the project saved in this browser before the app renders, then save
 * every change (≤ 1 s later; on pagehide / hidden at once). Storage problems are shown, never
 * swallowed: `persistence.problems` (loading) and `persistence.saveProblem` (the last failed
 * write, e.g. a full quota) are rendered by StorageStatus.svelte.
 */
import { untrack } from 'svelte';
import type { Problem } from '../../domain/problem.ts';
import { problem } from '../../domain/problem.ts';
import type { ProjectState } from '../project.ts';
import type { AppStore } from '../app-store.svelte.ts';
import { connectAutosave, openScenarioStore, DEFAULT_DB_NAME, type AutosaveConnection } from './scenario-store.ts';
import { storageProblem } from './quota.ts';

export type SaveState = 'loading' | 'saved' | 'pending' | 'error' | 'off';

class Persistence {
  state = $state<SaveState>('loading');
  /** Problems met while loading (the app then started from the initial project). */
  problems = $state.raw<Problem[]>([]);
  /** The last failed write, until a write succeeds. */
  saveProblem = $state.raw<Problem | null>(null);
  connection: AutosaveConnection | null = null;
}

export const persistence = new Persistence();

function detail(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Reject after `ms` (a blocked or hung IndexedDB open must not keep the app from starting). */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/**
 * Load the stored project into `store` (keeping the initial project when nothing is stored or
 * the stored data is invalid, with a message), then autosave every later change. Never throws.
 */
export async function startPersistence(store: AppStore, { dbName = DEFAULT_DB_NAME, timeoutMs = 5000 } = {}): Promise<void> {
  const defaults = store.project;
  let db;
  try {
    db = await withTimeout(openScenarioStore(dbName), timeoutMs, 'IndexedDB');
  } catch (e) {
    persistence.state = 'off';
    persistence.problems = [problem('storage-unavailable', { params: { detail: detail(e) } })];
    return;
  }
  let saved: ProjectState | null = null;
  try {
    const r = await withTimeout(db.loadAll(defaults), timeoutMs, 'IndexedDB');
    if (r?.ok) {
      store.load(r.value);
      saved = r.value;
    } else if (r) persistence.problems = [problem('storage-load-invalid', { params: { count: r.problems.length } }), ...r.problems];
  } catch (e) {
    persistence.problems = [problem('storage-load-failed', { params: { detail: detail(e) } })];
  }
  const connection = connectAutosave(
    db,
    saved,
    (e) => {
      persistence.saveProblem = storageProblem(e);
      persistence.state = 'error';
      console.error('[anju] saving to IndexedDB failed', e);
    },
    undefined,
    () => {
      persistence.saveProblem = null;
      persistence.state = connection.autosave.dirty ? 'pending' : 'saved';
    },
  );
  persistence.connection = connection;
  persistence.state = 'saved';
  const loaded = store.project;
  let changed = false;
  $effect.root(() => {
    $effect(() => {
      const p = store.project;
      // The state just loaded is what storage holds (or, after a failed load, must not yet
      // overwrite what it holds): save from the first change on.
      if (!changed && p === loaded) return;
      changed = true;
      connection.autosave.schedule(p);
      // untrack: this effect must depend on the project only, not on the status it sets.
      untrack(() => {
        if (persistence.state !== 'error') persistence.state = 'pending';
      });
    });
  });
}
