/**
 * Scenarios in IndexedDB (via `idb`): one record per scenario, so an edit writes only the
 * scenario it touched, plus the scenario order and the optional official boards in `meta`.
 * Every write is one transaction: after a crash storage holds either the old or the new
 * state, never a mix. Tested against real IndexedDB in Chromium (test/browser); the pure
 * parts (what to write, when) are unit-tested in Node.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Checked } from '../../domain/problem.ts';
import type { BoardCollection } from '../../domain/board.ts';
import { checkProjectObject } from '../scenario-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../scenario-schema.ts';
import type { ProjectState, Scenario } from '../scenario.ts';
import { createAutosave, flushOnPageHide, type Autosave, type LifecycleTargets } from './autosave.ts';
import { isEmptyWrite, stateWrites } from './state-diff.ts';

interface AnjuDB extends DBSchema {
  scenarios: { key: string; value: Scenario };
  meta: { key: 'order' | 'boards'; value: string[] | BoardCollection };
}

export const DEFAULT_DB_NAME = 'anju';
const DB_VERSION = 1;

export interface ScenarioStore {
  /** Everything stored, checked like a project file (a damaged store yields problems, not an exception). */
  loadAll(knownBoardIds: ReadonlySet<string>): Promise<Checked<ProjectState>>;
  /** Write the difference between `prev` (what storage holds; null = unknown) and `next`. Rejects on failure (QuotaExceededError included). */
  write(prev: ProjectState | null, next: ProjectState): Promise<void>;
  /** Replace everything stored with `state` (e.g. after opening a project file). */
  replaceAll(state: ProjectState): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

/** Open (creating if needed) the IndexedDB database `dbName`. */
export async function openScenarioStore(dbName = DEFAULT_DB_NAME): Promise<ScenarioStore> {
  const db: IDBPDatabase<AnjuDB> = await openDB<AnjuDB>(dbName, DB_VERSION, {
    upgrade(d) {
      d.createObjectStore('scenarios', { keyPath: 'id' });
      d.createObjectStore('meta');
    },
  });

  async function write(prev: ProjectState | null, next: ProjectState): Promise<void> {
    const w = stateWrites(prev, next);
    if (isEmptyWrite(w)) return;
    const tx = db.transaction(['scenarios', 'meta'], 'readwrite');
    const scenarios = tx.objectStore('scenarios');
    const meta = tx.objectStore('meta');
    // Queue every request before awaiting, so the transaction stays active; await them all
    // together so a failed request (e.g. QuotaExceededError) rejects here, not unhandled.
    const ops: Promise<unknown>[] = [];
    if (prev === null) ops.push(scenarios.clear());
    for (const id of w.remove) ops.push(scenarios.delete(id));
    for (const s of w.put) ops.push(scenarios.put(s));
    if (w.order) ops.push(meta.put(w.order, 'order'));
    if (w.boards !== 'unchanged') ops.push(w.boards ? meta.put(w.boards, 'boards') : meta.delete('boards'));
    await Promise.all([...ops, tx.done]);
  }

  return {
    async loadAll(knownBoardIds) {
      const tx = db.transaction(['scenarios', 'meta'], 'readonly');
      const [all, order, boards] = await Promise.all([tx.objectStore('scenarios').getAll(), tx.objectStore('meta').get('order'), tx.objectStore('meta').get('boards')]);
      await tx.done;
      const rank = new Map(((order as string[] | undefined) ?? []).map((id, i) => [id, i]));
      all.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
      return checkProjectObject({ app: APP_ID, schemaVersion: SCHEMA_VERSION, scenarios: all, ...(boards ? { boards } : {}) }, knownBoardIds, 'IndexedDB');
    },
    write,
    replaceAll: (state) => write(null, state),
    async deleteScenario(id) {
      await db.delete('scenarios', id);
    },
    async clear() {
      const tx = db.transaction(['scenarios', 'meta'], 'readwrite');
      await Promise.all([tx.objectStore('scenarios').clear(), tx.objectStore('meta').clear(), tx.done]);
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
 * failed write (use isQuotaExceeded / storageProblem to report it).
 */
export function connectAutosave(
  store: ScenarioStore,
  saved: ProjectState | null,
  onError: (e: unknown) => void,
  targets: LifecycleTargets = { window: globalThis as unknown as LifecycleTargets['window'], document: globalThis.document },
): AutosaveConnection {
  const autosave = createAutosave<ProjectState>(saved, { write: store.write, onError });
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
