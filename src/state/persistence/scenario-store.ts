/**
 * The whole project in IndexedDB (via `idb`): one record per scenario, so an edit writes only
 * the scenario it touched, the scenario order in `meta`, and one record per other slice of
 * ProjectState in `slices` (boards, nodes, facilities, population, streets, employment,
 * dwellings, renovationDone …). Every write is one transaction: after a crash storage holds
 * either the old or the new state, never a mix. Stored data that fails the project checks is
 * never overwritten silently: `replaceAll` can first set it aside in `quarantine` in the same
 * transaction (the last three are kept). A connection the browser closed (site data cleared,
 * storage evicted) is reopened and the whole project written again. Tested against real
 * IndexedDB in Chromium (test/browser/persistence.test.ts); the pure parts in Node.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Checked, Problem } from '../../domain/problem.ts';
import { checkWholeProject } from '../project-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../scenario-schema.ts';
import type { ProjectState } from '../project.ts';
import { activePlan } from '../../data/active-plan.ts';
import { planRef } from '../../domain/plan-package.ts';
import type { Scenario } from '../scenario.ts';
import { createAutosave, flushOnPageHide, type Autosave, type LifecycleTargets } from './autosave.ts';
import { isEmptyWrite, stateWrites } from './state-diff.ts';

/** Damaged stored data set aside before it was replaced, with why. */
export interface QuarantineEntry {
  /** ISO 8601, when it was set aside. */
  at: string;
  /** The first problems the checks found in it. */
  problems: Problem[];
  /** Everything that was stored, as it was (see StoredProject). */
  stored: unknown;
}

interface AnjuDB extends DBSchema {
  scenarios: { key: string; value: Scenario };
  /** `order`: scenario ids; `boards`: where version 1 of the database kept official boards. */
  /** `order`: scenario ids; `plan`: the plan package (id, version) the project was last saved under; `boards`: legacy. */
  meta: { key: 'order' | 'boards' | 'plan'; value: unknown };
  slices: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantineEntry };
}

export const DEFAULT_DB_NAME = 'anju';
/** 1: scenarios + meta; 2: adds `slices`; 3: adds `quarantine`. */
const DB_VERSION = 3;
/** Quarantined copies kept: older ones are deleted when a new one is added. */
const KEEP_QUARANTINED = 3;
const STORES = ['scenarios', 'meta', 'slices'] as const;

export interface ScenarioStore {
  /**
   * Everything stored as one project-file-shaped object ({ app, schemaVersion, …slices,
   * scenarios }), unchecked, or null when nothing is stored.
   */
  loadRaw(): Promise<Record<string, unknown> | null>;
  /** loadRaw, checked like a project file against `defaults` (which also fills slices not stored). */
  loadAll(defaults: ProjectState): Promise<Checked<ProjectState> | null>;
  /** Write the difference between `prev` (what storage holds; null = unknown: write all) and `next`. Rejects on failure. */
  write(prev: ProjectState | null, next: ProjectState): Promise<void>;
  /** Replace everything stored with `state`; with `quarantine`, first set the old data aside (one transaction). */
  replaceAll(state: ProjectState, quarantine?: QuarantineEntry): Promise<void>;
  /** The quarantined copies, oldest first. */
  quarantined(): Promise<QuarantineEntry[]>;
  clear(): Promise<void>;
  close(): void;
}

function openDatabase(dbName: string, onTerminated: () => void): Promise<IDBPDatabase<AnjuDB>> {
  return openDB<AnjuDB>(dbName, DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('scenarios', { keyPath: 'id' });
        d.createObjectStore('meta');
      }
      if (oldVersion < 2) d.createObjectStore('slices');
      if (oldVersion < 3) d.createObjectStore('quarantine', { autoIncrement: true });
    },
    // The browser closed the connection (site data cleared, storage evicted): reopen on next use.
    terminated: onTerminated,
  });
}

/** True for the error of a transaction on a connection the browser has closed. */
const isClosedConnection = (e: unknown) => (e as { name?: unknown })?.name === 'InvalidStateError';

/** Open (creating or upgrading if needed) the IndexedDB database `dbName`. */
export async function openScenarioStore(dbName = DEFAULT_DB_NAME): Promise<ScenarioStore> {
  let closed = false;
  const onTerminated = () => (closed = true);
  let db = await openDatabase(dbName, onTerminated);
  db.addEventListener('close', onTerminated);
  /** The connection, reopened if the browser closed it; `reopened` tells the caller to write everything. */
  async function connection(): Promise<{ db: IDBPDatabase<AnjuDB>; reopened: boolean }> {
    if (!closed) return { db, reopened: false };
    db = await openDatabase(dbName, onTerminated);
    db.addEventListener('close', onTerminated);
    closed = false;
    return { db, reopened: true };
  }

  async function writeOnce(d: IDBPDatabase<AnjuDB>, prev: ProjectState | null, next: ProjectState, quarantine?: QuarantineEntry): Promise<void> {
    const w = stateWrites(prev, next);
    if (isEmptyWrite(w) && !quarantine) return;
    const tx = d.transaction(quarantine ? [...STORES, 'quarantine'] : [...STORES], 'readwrite');
    const scenarios = tx.objectStore('scenarios');
    const meta = tx.objectStore('meta');
    const slices = tx.objectStore('slices');
    // Queue every request before awaiting, so the transaction stays active; await them all
    // together so a failed request (e.g. QuotaExceededError) rejects here, not unhandled.
    const ops: Promise<unknown>[] = [];
    if (quarantine) {
      const q = tx.objectStore('quarantine');
      ops.push(q.add(quarantine));
      ops.push(
        // getAllKeys runs after the add: it sees the new copy too.
        q.getAllKeys().then((keys) => Promise.all(keys.slice(0, Math.max(0, keys.length - KEEP_QUARANTINED)).map((k) => q.delete(k)))),
      );
    }
    if (prev === null) ops.push(scenarios.clear(), slices.clear(), meta.delete('boards'));
    for (const id of w.remove) ops.push(scenarios.delete(id));
    for (const s of w.put) ops.push(scenarios.put(s));
    if (w.order) ops.push(meta.put(w.order, 'order'));
    // The plan the project is saved under, as a project file records it: a start under another
    // package says so (project-plan-match.ts).
    ops.push(meta.put(planRef(activePlan()), 'plan'));
    for (const [name, value] of w.slices) ops.push(slices.put(value, name));
    // Commit now rather than when the event loop idles, so a write started by a page-hide
    // flush is committed before the page goes away (the quarantine trim needs one more turn).
    if (!quarantine) tx.commit();
    await Promise.all([...ops, tx.done]);
  }

  async function write(prev: ProjectState | null, next: ProjectState, quarantine?: QuarantineEntry): Promise<void> {
    const c = await connection();
    try {
      await writeOnce(c.db, c.reopened ? null : prev, next, quarantine);
    } catch (e) {
      if (!isClosedConnection(e) || c.reopened) throw e;
      closed = true;
      const again = await connection();
      await writeOnce(again.db, null, next, quarantine);
    }
  }

  async function loadRaw(): Promise<Record<string, unknown> | null> {
    const { db: d } = await connection();
    const tx = d.transaction([...STORES], 'readonly');
    const sliceStore = tx.objectStore('slices');
    const [all, order, plan, legacyBoards, keys, values] = await Promise.all([
      tx.objectStore('scenarios').getAll(),
      tx.objectStore('meta').get('order'),
      tx.objectStore('meta').get('plan'),
      tx.objectStore('meta').get('boards'),
      sliceStore.getAllKeys(),
      sliceStore.getAll(),
    ]);
    await tx.done;
    if (all.length === 0 && keys.length === 0 && legacyBoards === undefined) return null;
    const stored: Record<string, unknown> = {};
    if (legacyBoards !== undefined) stored.boards = legacyBoards;
    keys.forEach((k, i) => (stored[String(k)] = values[i]));
    const rank = new Map((Array.isArray(order) ? (order as unknown[]) : []).map((id, i) => [id, i]));
    const byRank = (s: unknown) => rank.get((s as { id?: unknown } | null)?.id) ?? Infinity;
    all.sort((a, b) => byRank(a) - byRank(b));
    return { ...stored, app: APP_ID, schemaVersion: SCHEMA_VERSION, ...(plan !== undefined ? { plan } : {}), scenarios: all };
  }

  return {
    loadRaw,
    async loadAll(defaults) {
      const raw = await loadRaw();
      return raw && checkWholeProject(raw, defaults, 'IndexedDB');
    },
    write: (prev, next) => write(prev, next),
    replaceAll: (state, quarantine) => write(null, state, quarantine),
    async quarantined() {
      const { db: d } = await connection();
      return d.getAll('quarantine');
    },
    async clear() {
      const { db: d } = await connection();
      const tx = d.transaction([...STORES, 'quarantine'], 'readwrite');
      await Promise.all([...[...STORES, 'quarantine' as const].map((s) => tx.objectStore(s).clear()), tx.done]);
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
 * `write` defaults to the store's; the app passes one that checks the state first.
 */
export function connectAutosave(
  store: Pick<ScenarioStore, 'write'>,
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
