/**
 * The whole project in IndexedDB (via `idb`): one record per scenario, so an edit writes only
 * the scenario it touched, the scenario order in `meta`, and one record per other slice of
 * ProjectState in `slices` (boards, nodes, facilities, population, streets, employment,
 * dwellings, renovationDone …), put one after another so that each value's structured clone is a task
 * of its own (all at once while the page is being hidden). Every write is one transaction: after a crash storage holds
 * either the old or the new state, never a mix. Stored data that fails the project checks is
 * never overwritten silently: `replaceAll` can first set it aside in `quarantine` in the same
 * transaction (the last three are kept). A connection the browser closed (site data cleared,
 * storage evicted) is reopened and the whole project written again. Every write also raises a
 * revision counter, and the app's writes are conditional on it (writeIfAt), so two tabs never
 * overwrite each other unseen (see sync/replica.ts). Tested against real IndexedDB in Chromium
 * (test/browser/persistence.test.ts, tabs.test.ts); the pure parts in Node.
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
import type { SharedProjectStore, StoreSnapshot } from '../sync/replica.ts';
import { fromStoredPopulation, toStoredPopulation } from './stored-population.ts';
import { changedFacilityRecords, isFacilitiesPartKey, knownStoredForm, PART_KEY_PREFIX, readStoredFacilities, storedFacilityRecords, toStoredFacilities } from './stored-facilities.ts';

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
  /**
   * `order`: scenario ids; `revision`: a counter every write raises by one; `['built-on', n]`:
   * revision n has been written over (a second write on top of n fails: see writeIfAt);
   * `plan`: the plan package (id, version) the project was last saved under;
   * `boards`: where version 1 of the database kept official boards.
   */
  meta: { key: 'order' | 'revision' | 'plan' | 'boards' | ['built-on', number]; value: unknown };
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
  /** The stored revision alone (0 when never written by a revision-aware version of the app). */
  revision(): Promise<number>;
  /** loadRaw with the stored revision, read in one transaction. */
  readRaw(): Promise<{ revision: number; raw: Record<string, unknown> | null }>;
  /** readRaw, checked like loadAll (`raw` is kept, to set data that fails the checks aside). */
  read(defaults: ProjectState): Promise<{ revision: number; state: Checked<ProjectState> | null; raw: Record<string, unknown> | null }>;
  /**
   * Write `next` only if storage is still at `base.revision` (then holding `base.state`; null =
   * unknown, everything is replaced), as the difference, raising the revision, in one
   * transaction; `stale` when another tab wrote first. Rejects on failure (QuotaExceededError included).
   */
  writeIfAt(base: StoreSnapshot<number>, next: ProjectState): Promise<{ ok: true; revision: number } | { ok: false; stale: true }>;
  /** Write the difference between `prev` (what storage holds; null = unknown: write all) and `next`, raising the revision. Rejects on failure. */
  write(prev: ProjectState | null, next: ProjectState): Promise<void>;
  /** Replace everything stored with `state`; with `quarantine`, first set the old data aside (one transaction). Resolves with the new revision. */
  replaceAll(state: ProjectState, quarantine?: QuarantineEntry): Promise<number>;
  /** replaceAll, only if storage is still at `revision` (what the quarantined data was read at); `stale` when another tab wrote since. */
  replaceIfAt(revision: number, state: ProjectState, quarantine: QuarantineEntry): Promise<{ ok: true; revision: number } | { ok: false; stale: true }>;
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

/**
 * Revisions remembered as written over: a tab more than this many saves behind could write
 * without merging (it pulls and merges long before: on every announced save and on becoming visible).
 */
const BUILT_ON_KEPT = 10_000;

/**
 * Queue `steps` (each places one request) one after another: step i+1 from the success of step i's
 * request, so that each request's structured clone of its value is a task of its own rather than
 * all of them one long task; the transaction stays active, as each step runs in the previous
 * request's success event. `then` runs once the last is queued. A step that throws (a value that
 * cannot be cloned) aborts the transaction: nothing of the write commits.
 */
function queueInTurn(tx: { abort(): void }, steps: (() => Promise<unknown>)[], then: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = (i: number) => {
      if (i === steps.length) {
        then();
        resolve();
        return;
      }
      let request: Promise<unknown>;
      try {
        request = steps[i]();
      } catch (e) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        reject(e);
        return;
      }
      request.then(() => next(i + 1), reject);
    };
    next(0);
  });
}

export interface ScenarioStoreOptions {
  /**
   * True when a write must queue all its requests at once and commit (the page is being hidden or
   * unloaded): then every value is cloned in the one task. Otherwise slices are put one after
   * another (each clone its own task). Default: the document is hidden.
   */
  atOnce?: () => boolean;
}

/** Open (creating or upgrading if needed) the IndexedDB database `dbName`. */
export async function openScenarioStore(dbName = DEFAULT_DB_NAME, { atOnce = () => globalThis.document?.visibilityState === 'hidden' }: ScenarioStoreOptions = {}): Promise<ScenarioStore> {
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

  /**
   * One transaction writing the difference from `prev` to `next` and raising the revision.
   * With `ifAt`, a compare-and-swap with every request queued before any answer comes:
   * `add(['built-on', ifAt])` fails if another tab already wrote on top of `ifAt` (the store has
   * moved on), which aborts the whole transaction, writes included; nothing waits for a read,
   * so the transaction is committed at once and a write started by a page-hide flush is
   * committed before the page goes away. Without `ifAt` the revision is read and raised in
   * the transaction. Resolves with the new revision, or 'stale'.
   */
  async function writeOnce(d: IDBPDatabase<AnjuDB>, prev: ProjectState | null, next: ProjectState, quarantine?: QuarantineEntry, ifAt?: number): Promise<number | 'stale'> {
    const w = stateWrites(prev, next);
    const urgent = atOnce();
    // Commit now rather than when the event loop idles, so a write started by a page-hide
    // flush is committed before the page goes away (reading the revision and the quarantine trim need more turns).
    const commitEarly = !quarantine && ifAt !== undefined;
    const tx = d.transaction(quarantine ? [...STORES, 'quarantine'] : [...STORES], 'readwrite');
    const scenarios = tx.objectStore('scenarios');
    const meta = tx.objectStore('meta');
    const slices = tx.objectStore('slices');
    // Queue every request before awaiting, so the transaction stays active; await them all
    // together so a failed request (e.g. QuotaExceededError) rejects here, not unhandled.
    const ops: Promise<unknown>[] = [];
    let revision = ifAt === undefined ? 0 : ifAt + 1;
    const raise = (at: number) => {
      revision = at + 1;
      return Promise.all([meta.add(true, ['built-on', at]), meta.put(at + 1, 'revision'), meta.delete(IDBKeyRange.bound(['built-on', -Infinity], ['built-on', at - BUILT_ON_KEPT]))]);
    };
    try {
      ops.push(ifAt === undefined ? meta.get('revision').then((r) => raise(Number(r ?? 0))) : raise(ifAt));
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
      const facilityPuts = (fs: ProjectState['facilities']): (() => Promise<unknown>)[] => {
        const stored = toStoredFacilities(fs);
        // Storage holds the stored form of `prev`'s layer: after a drop only the parts that changed.
        const known = prev && knownStoredForm(prev.facilities);
        const changed = known ? changedFacilityRecords(known, stored) : null;
        if (changed) return changed.map(([key, v]) => () => slices.put(v(), key));
        return [
          // The parts of an earlier layer go first (a layer stored as parts: stored-facilities.ts).
          () => slices.delete(IDBKeyRange.bound(PART_KEY_PREFIX, PART_KEY_PREFIX + '\uffff')),
          ...storedFacilityRecords(stored).map(([key, v]) => () => slices.put(v(), key)),
        ];
      };
      const puts = w.slices.flatMap(([name, value]): (() => Promise<unknown>)[] =>
        name === 'facilities'
          ? facilityPuts(value as ProjectState['facilities'])
          : name === 'population'
            ? [() => slices.put(toStoredPopulation(value), name)]
            : [() => slices.put(value, name)],
      );
      if (urgent) for (const put of puts) ops.push(put());
      // Commit once the last put is queued (see below).
      else ops.push(queueInTurn(tx, puts, () => commitEarly && tx.commit()));
    } catch (e) {
      // A request refused at once (e.g. a value that cannot be cloned): nothing of this write may commit.
      tx.abort();
      void Promise.allSettled([...ops, tx.done]);
      throw e;
    }
    if (commitEarly && urgent) tx.commit();
    try {
      await Promise.all([...ops, tx.done]);
    } catch (e) {
      if (ifAt !== undefined && (isConstraintError(e) || isConstraintError(tx.error))) return 'stale';
      throw e;
    }
    return revision;
  }

  async function write(prev: ProjectState | null, next: ProjectState, quarantine?: QuarantineEntry, ifAt?: number): Promise<number | 'stale'> {
    const c = await connection();
    try {
      return await writeOnce(c.db, c.reopened ? null : prev, next, quarantine, ifAt);
    } catch (e) {
      if (!isClosedConnection(e) || c.reopened) throw e;
      closed = true;
      const again = await connection();
      return await writeOnce(again.db, null, next, quarantine, ifAt);
    }
  }

  async function writeIfAt(base: StoreSnapshot<number>, next: ProjectState): Promise<{ ok: true; revision: number } | { ok: false; stale: true }> {
    const r = await write(base.state, next, undefined, base.revision);
    return r === 'stale' ? { ok: false, stale: true } : { ok: true, revision: r };
  }

  /** Everything stored (unchecked; null when nothing is) and the stored revision, in one transaction. */
  async function loadRawAt(): Promise<{ revision: number; raw: Record<string, unknown> | null }> {
    const { db: d } = await connection();
    const tx = d.transaction([...STORES], 'readonly');
    const sliceStore = tx.objectStore('slices');
    const [all, order, revision, plan, legacyBoards, keys, values] = await Promise.all([
      tx.objectStore('scenarios').getAll(),
      tx.objectStore('meta').get('order'),
      tx.objectStore('meta').get('revision'),
      tx.objectStore('meta').get('plan'),
      tx.objectStore('meta').get('boards'),
      sliceStore.getAllKeys(),
      sliceStore.getAll(),
    ]);
    await tx.done;
    const rev = Number(revision ?? 0);
    if (all.length === 0 && keys.length === 0 && legacyBoards === undefined) return { revision: rev, raw: null };
    const stored: Record<string, unknown> = {};
    if (legacyBoards !== undefined) stored.boards = legacyBoards;
    const parts = new Map<string, unknown>();
    keys.forEach((k, i) => {
      if (isFacilitiesPartKey(k)) parts.set(String(k), values[i]);
      else stored[String(k)] = values[i];
    });
    if ('facilities' in stored) stored.facilities = readStoredFacilities(stored.facilities, parts);
    if ('population' in stored) stored.population = fromStoredPopulation(stored.population);
    const rank = new Map((Array.isArray(order) ? (order as unknown[]) : []).map((id, i) => [id, i]));
    const byRank = (s: unknown) => rank.get((s as { id?: unknown } | null)?.id) ?? Infinity;
    all.sort((a, b) => byRank(a) - byRank(b));
    return { revision: rev, raw: { ...stored, app: APP_ID, schemaVersion: SCHEMA_VERSION, ...(plan !== undefined ? { plan } : {}), scenarios: all } };
  }
  const loadRaw = async () => (await loadRawAt()).raw;

  return {
    loadRaw,
    async loadAll(defaults) {
      const raw = await loadRaw();
      return raw && checkWholeProject(raw, defaults, 'IndexedDB');
    },
    revision: async () => Number((await (await connection()).db.get('meta', 'revision')) ?? 0),
    readRaw: loadRawAt,
    async read(defaults) {
      const { revision, raw } = await loadRawAt();
      return { revision, state: raw && checkWholeProject(raw, defaults, 'IndexedDB'), raw };
    },
    writeIfAt,
    async write(prev, next) {
      if (prev !== null && isEmptyWrite(stateWrites(prev, next))) return;
      await write(prev, next);
    },
    replaceAll: async (state, quarantine) => (await write(null, state, quarantine)) as number,
    async replaceIfAt(revision, state, quarantine) {
      const r = await write(null, state, quarantine, revision);
      return r === 'stale' ? { ok: false, stale: true } : { ok: true, revision: r };
    },
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
  /** Stop at once, writing nothing more (e.g. the stored data must be quarantined first). */
  stop(): void;
}

/**
 * Save every change to `store` as it happens: call `autosave.schedule(state)` after each
 * apply/undo/redo. Flushes on visibilitychange→hidden and pagehide. `onError` receives every
 * failed write (use isQuotaExceeded / storageProblem to report it); `onSaved` each success.
 * The app passes a `write` that checks the state first, then goes through Replica.push (a
 * conditional write that merges other tabs' edits first).
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
    stop() {
      off();
      autosave.dispose();
    },
  };
}

/** The store as tabs share it: reads and conditional writes by revision (see Replica). */
export function sharedStore(store: ScenarioStore, defaults: ProjectState): SharedProjectStore<number> {
  return { revision: () => store.revision(), read: () => store.read(defaults), write: (base, next) => store.writeIfAt(base, next) };
}

function isConstraintError(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'ConstraintError';
}
