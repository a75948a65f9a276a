/**
 * The whole project in IndexedDB (via `idb`): one record per scenario, so an edit writes only
 * the scenario it touched, the scenario order in `meta`, and one record per other slice of
 * ProjectState in `slices` (boards, nodes, facilities, population, streets, employment,
 * dwellings, renovationDone …). Every write is one transaction: after a crash storage holds
 * either the old or the new state, never a mix. Tested against real IndexedDB in Chromium
 * (test/browser/persistence.test.ts); the pure parts (what to write, when) in Node.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Checked } from '../../domain/problem.ts';
import { checkWholeProject } from '../project-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../scenario-schema.ts';
import type { ProjectState } from '../project.ts';
import type { Scenario } from '../scenario.ts';
import { createAutosave, flushOnPageHide, type Autosave, type LifecycleTargets } from './autosave.ts';
import { isEmptyWrite, stateWrites } from './state-diff.ts';

interface AnjuDB extends DBSchema {
  scenarios: { key: string; value: Scenario };
  /** `order`: scenario ids; `boards`: where version 1 of the database kept official boards. */
  meta: { key: 'order' | 'boards'; value: unknown };
  slices: { key: string; value: unknown };
}

export const DEFAULT_DB_NAME = 'anju';
/** 1: scenarios + meta; 2: adds `slices`. */
const DB_VERSION = 2;

export interface ScenarioStore {
  /**
   * Everything stored, checked like a project file against `defaults` (the initial project,
   * which also fills slices not stored). null when nothing is stored; a damaged store yields
   * problems, not an exception.
   */
  loadAll(defaults: ProjectState): Promise<Checked<ProjectState> | null>;
  /** Write the difference between `prev` (what storage holds; null = unknown) and `next`. Rejects on failure (QuotaExceededError included). */
  write(prev: ProjectState | null, next: ProjectState): Promise<void>;
  /** Replace everything stored with `state`. */
  replaceAll(state: ProjectState): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

/** Open (creating or upgrading if needed) the IndexedDB database `dbName`. */
export async function openScenarioStore(dbName = DEFAULT_DB_NAME): Promise<ScenarioStore> {
  const db: IDBPDatabase<AnjuDB> = await openDB<AnjuDB>(dbName, DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('scenarios', { keyPath: 'id' });
        d.createObjectStore('meta');
      }
      if (oldVersion < 2) d.createObjectStore('slices');
    },
  });

  async function write(prev: ProjectState | null, next: ProjectState): Promise<void> {
    const w = stateWrites(prev, next);
    if (isEmptyWrite(w)) return;
    const tx = db.transaction(['scenarios', 'meta', 'slices'], 'readwrite');
    const scenarios = tx.objectStore('scenarios');
    const meta = tx.objectStore('meta');
    const slices = tx.objectStore('slices');
    // Queue every request before awaiting, so the transaction stays active; await them all
    // together so a failed request (e.g. QuotaExceededError) rejects here, not unhandled.
    const ops: Promise<unknown>[] = [];
    if (prev === null) ops.push(scenarios.clear(), slices.clear(), meta.delete('boards'));
    for (const id of w.remove) ops.push(scenarios.delete(id));
    for (const s of w.put) ops.push(scenarios.put(s));
    if (w.order) ops.push(meta.put(w.order, 'order'));
    for (const [name, value] of w.slices) ops.push(slices.put(value, name));
    // Every request is queued: commit now rather than when the event loop idles, so a write
    // started by a page-hide flush is committed before the page goes away.
    tx.commit();
    await Promise.all([...ops, tx.done]);
  }

  return {
    async loadAll(defaults) {
      const tx = db.transaction(['scenarios', 'meta', 'slices'], 'readonly');
      const sliceStore = tx.objectStore('slices');
      const [all, order, legacyBoards, keys, values] = await Promise.all([
        tx.objectStore('scenarios').getAll(),
        tx.objectStore('meta').get('order'),
        tx.objectStore('meta').get('boards'),
        sliceStore.getAllKeys(),
        sliceStore.getAll(),
      ]);
      await tx.done;
      if (all.length === 0 && keys.length === 0 && legacyBoards === undefined) return null;
      const stored: Record<string, unknown> = {};
      if (legacyBoards !== undefined) stored.boards = legacyBoards;
      keys.forEach((k, i) => (stored[String(k)] = values[i]));
      const rank = new Map(((order as string[] | undefined) ?? []).map((id, i) => [id, i]));
      all.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
      return checkWholeProject({ ...stored, app: APP_ID, schemaVersion: SCHEMA_VERSION, scenarios: all }, defaults, 'IndexedDB');
    },
    write,
    replaceAll: (state) => write(null, state),
    async clear() {
      const tx = db.transaction(['scenarios', 'meta', 'slices'], 'readwrite');
      await Promise.all([tx.objectStore('scenarios').clear(), tx.objectStore('meta').clear(), tx.objectStore('slices').clear(), tx.done]);
    },
    close: () => db.close(),
  };
}

export interface AutosaveConnection {
  autosave: Autosave<ProjectState>;
  /** Remove the page-hide listeners and stop the timer (after a final flush). */
  disconnect(): Promise<void>;
}

/**
 * Save every change to `store` as it happens: call `autosave.schedule(state)` after each
 * apply/undo/redo. Flushes on visibilitychange→hidden and pagehide. `onError` receives every
 * failed write (use isQuotaExceeded / storageProblem to report it); `onSaved` each success.
 */
export function connectAutosave(
  store: ScenarioStore,
  saved: ProjectState | null,
  onError: (e: unknown) => void,
  targets: LifecycleTargets = { window: globalThis as unknown as LifecycleTargets['window'], document: globalThis.document },
  onSaved?: (state: ProjectState) => void,
): AutosaveConnection {
  const autosave = createAutosave<ProjectState>(saved, { write: store.write, onError, onSaved });
  const off = flushOnPageHide(autosave, targets);
  return {
    autosave,
    async disconnect() {
      await autosave.flush();
      off();
      autosave.dispose();
    },
  };
}
