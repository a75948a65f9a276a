/**
 * Never lose work: load the project saved in this browser before the app renders, then save
 * every change (≤ 1 s later; on pagehide / hidden at once). What the status says is what
 * storage holds: "saved" only once the write of the latest state has committed.
 *
 * Stored data that fails the project checks is quarantined, never overwritten: the app starts
 * from the initial project with autosave off, and the planner chooses to download the stored
 * data as it is, to recover what is readable, or to discard it; the last two first set the
 * damaged data aside inside IndexedDB (scenario-store.ts), in the same transaction.
 *
 * Changes reach autosave through AppStore.subscribe (plain callbacks), not a Svelte effect: an
 * error while rendering some view does not stop saving. Other tabs' saves are merged, never
 * overwritten (tab-sync.svelte.ts); data another tab saved that fails the checks is quarantined
 * the same way (this tab keeps showing its own project, and writes nothing until the choice).
 * Setting damaged data aside is conditional on the revision it was read at: should another tab
 * write meanwhile, what it wrote is looked at again rather than overwritten.
 */
import type { Problem } from '../../domain/problem.ts';
import { problem } from '../../domain/problem.ts';
import type { ProjectState } from '../project.ts';
import type { AppStore } from '../app-store.svelte.ts';
import { replaceProject } from '../project-file.ts';
import { recoverProject, type RecoveredPart } from '../project-recover.ts';
import { connectAutosave, openScenarioStore, DEFAULT_DB_NAME, type AutosaveConnection, type ScenarioStore } from './scenario-store.ts';
import { checkWholeProject } from '../project-file.ts';
import { storageProblem } from './quota.ts';
import { markPassed, needsPreparation, prepareDeps, UnsavableProject, unsavableProblems } from './check-before-write.ts';
import { trustShippedData } from './shipped-data.ts';
import { ensurePolygonClip } from '../polygon-sites.ts';
import { startTabSync, tabSync, type TabSyncHandle } from './tab-sync.svelte.ts';
import { patchChange } from '../sync/patch-change.ts';
import type { StoreSnapshot, Unreadable } from '../sync/replica.ts';

export type SaveState = 'loading' | 'saved' | 'pending' | 'error' | 'off' | 'quarantined';

/** Damaged stored data awaiting the planner's choice. */
export interface Quarantine {
  /** What was stored, as it was; undefined when it could not even be read. */
  stored: unknown;
  problems: Problem[];
  /** The revision it was read at (setting it aside is conditional on it); undefined when unknown. */
  revision?: number;
  /** `load`: found at start (the app shows the initial project); `tab`: another tab saved it (this tab shows its own project). */
  found: 'load' | 'tab';
}

/** A write refused because the stored data is being quarantined (not a storage failure). */
class Quarantined extends Error {}

class Persistence {
  state = $state<SaveState>('loading');
  /** Problems met while loading, and warnings about the restored project (another plan package). */
  problems = $state.raw<Problem[]>([]);
  /** The last failed write, until a write succeeds; `saveDetails` lists what failed the checks. */
  saveProblem = $state.raw<Problem | null>(null);
  saveDetails = $state.raw<Problem[]>([]);
  quarantine = $state.raw<Quarantine | null>(null);
  /** After "recover what is readable": what was left out. */
  recovered = $state.raw<RecoveredPart[] | null>(null);
  /** A quarantine choice is being carried out. */
  busy = $state(false);
  connection: AutosaveConnection | null = null;
  db: ScenarioStore | null = null;
}

export const persistence = new Persistence();

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

/** The page is being unloaded or hidden: a write then starts at once, without preparing its checks in slices of time. */
let pageHidden = false;
const leaving = () => pageHidden || globalThis.document?.visibilityState === 'hidden';

let appStore: AppStore | null = null;
let initialProject: ProjectState | null = null;
let databaseName = DEFAULT_DB_NAME;
/** Keeps this tab in step with the others (one per page, resumed after a quarantine). */
let tabs: TabSyncHandle | null = null;

/** Start saving every change, `start` being what storage holds now (its revision and state). */
function startAutosave(db: ScenarioStore, start: StoreSnapshot<number>): void {
  const store = appStore!;
  if (tabs) tabs.replica.resume(start);
  else tabs = startTabSync(db, store, { dbName: databaseName, start, defaults: initialProject!, onUnreadable: quarantineTabData });
  const sync = tabs;
  const connection = connectAutosave(
    {
      async write(prev) {
        // The checks of slices not yet known to pass, done in slices of time first (a 300,000-point
        // layer); not when the page is being hidden, where the write must start at once.
        // (prepare-check.ts is loaded on the first write; should it fail to load, the check below does it all.)
        if (!leaving() && needsPreparation(prev, store.project)) {
          const prep = await import('./prepare-check.ts').catch(() => null);
          if (!leaving()) await prep?.prepareCheckOf(prev, () => store.project, prepareDeps, leaving);
        }
        const problems = unsavableProblems(prev, store.project);
        if (problems.length) throw new UnsavableProject(problems);
        if ((await sync.push()) === 'blocked') throw new Quarantined();
      },
    },
    start.state,
    (e) => {
      if (e instanceof Quarantined) return; // the quarantine banner says why nothing is saved
      if (e instanceof UnsavableProject) {
        persistence.saveProblem = problem('storage-refused', { params: { count: e.problems.length } });
        persistence.saveDetails = e.problems;
      } else {
        persistence.saveProblem = storageProblem(e);
        persistence.saveDetails = [];
      }
      persistence.state = 'error';
      console.error('[anju] saving to IndexedDB failed', e);
    },
    undefined,
    () => {
      persistence.saveProblem = null;
      persistence.saveDetails = [];
      persistence.state = connection.autosave.dirty ? 'pending' : 'saved';
    },
  );
  persistence.connection = connection;
  persistence.state = 'saved';
}

/** Another tab saved data that fails the checks: stop saving, and ask (nothing is merged or overwritten). */
function quarantineTabData(u: Unreadable<number>): void {
  persistence.connection?.stop();
  persistence.connection = null;
  persistence.quarantine = { stored: u.raw, problems: [problem('storage-tab-invalid', { params: { count: u.problems.length } }), ...u.problems], revision: u.revision, found: 'tab' };
  persistence.state = 'quarantined';
}

/**
 * Load the stored project into `store` (keeping the initial project when nothing is stored,
 * or quarantining stored data that fails the checks), then autosave every later change.
 * Never throws.
 */
export async function startPersistence(store: AppStore, { dbName = DEFAULT_DB_NAME, timeoutMs = 5000 } = {}): Promise<void> {
  // Before autosave's own page-hide flush is registered, so that its write sees it.
  globalThis.addEventListener?.('pagehide', () => (pageHidden = true));
  globalThis.addEventListener?.('pageshow', () => (pageHidden = false));
  appStore = store;
  initialProject = store.project;
  trustShippedData();
  databaseName = dbName;
  store.subscribe((p) => {
    const c = persistence.connection;
    if (!c) return; // storage off, or quarantined: nothing is written
    c.autosave.schedule(p);
    if (persistence.state !== 'error') persistence.state = 'pending';
  });
  let db: ScenarioStore;
  try {
    db = await withTimeout(openScenarioStore(dbName, { atOnce: leaving }), timeoutMs, 'IndexedDB');
  } catch (e) {
    console.error('[anju] IndexedDB cannot be opened', e);
    persistence.state = 'off';
    persistence.problems = [problem('storage-unavailable')];
    return;
  }
  persistence.db = db;
  let stored: Record<string, unknown> | null;
  let revision: number;
  try {
    // The data and its revision in one transaction: this tab's first save is conditional on it.
    ({ revision, raw: stored } = await withTimeout(db.readRaw(), timeoutMs, 'IndexedDB'));
  } catch (e) {
    console.error('[anju] reading IndexedDB failed', e);
    persistence.quarantine = { stored: undefined, problems: [problem('storage-load-failed')], found: 'load' };
    persistence.state = 'quarantined';
    return;
  }
  if (stored === null) return startAutosave(db, { revision, state: null });
  const r = checkWholeProject(stored, store.project, 'IndexedDB');
  if (r.ok) {
    // The layer passed the project check just now (and its stored form is known: scenario-store.ts),
    // so the first drop after a reload is checked and stored by the moved facility alone.
    markPassed(r.value.facilities);
    store.load(r.value);
    // What does not match the active plan package (the one kept from the last session is gone or
    // another) is said, as when a project file is opened; nothing is dropped.
    persistence.problems = r.warnings;
    return startAutosave(db, { revision, state: r.value });
  }
  persistence.quarantine = { stored, problems: [problem('storage-load-invalid', { params: { count: r.problems.length } }), ...r.problems], revision, found: 'load' };
  persistence.state = 'quarantined';
}

/** The stored data as it was, as JSON text (for "download it as it is"), or null if it could not be read. */
export function storedDataText(): string | null {
  const q = persistence.quarantine;
  if (!q || q.stored === undefined) return null;
  return safeJson(q.stored);
}

/** The data IndexedDB holds now, as JSON text (a view's error offers it), or null. */
export async function currentStoredText(): Promise<string | null> {
  if (persistence.quarantine) return storedDataText();
  const raw = await persistence.db?.loadRaw().catch(() => null);
  return raw ? safeJson(raw) : null;
}

/**
 * JSON of anything IndexedDB can hold, without failing: values JSON cannot carry (bigint,
 * Map, cycles, nesting too deep for the stack) become a note in their place.
 */
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : v), 1);
  } catch {
    const o = (value && typeof value === 'object' ? value : { value }) as Record<string, unknown>;
    const parts = Object.entries(o).map(([k, v]) => {
      try {
        return `${JSON.stringify(k)}: ${JSON.stringify(v)}`;
      } catch (e) {
        return `${JSON.stringify(k)}: ${JSON.stringify({ unreadable: e instanceof Error ? e.message : String(e) })}`;
      }
    });
    return `{\n${parts.join(',\n')}\n}`;
  }
}

/**
 * Set the quarantined data aside and store `next` in its place; true when done. `onStored`
 * runs once `next` is stored, before saving resumes (a choice shows only once it is carried out).
 */
async function settleQuarantine(next: ProjectState, onStored?: () => void): Promise<boolean> {
  const q = persistence.quarantine;
  const db = persistence.db;
  if (!q || !db) return false;
  persistence.busy = true;
  try {
    const entry = { at: new Date().toISOString(), problems: q.problems.slice(0, 20), stored: q.stored ?? null };
    let revision: number;
    if (q.revision === undefined) revision = await db.replaceAll(next, entry);
    else {
      const r = await db.replaceIfAt(q.revision, next, entry);
      if (!r.ok) {
        await lookAgain(db, q);
        return false;
      }
      revision = r.revision;
    }
    persistence.quarantine = null;
    persistence.saveProblem = null;
    onStored?.();
    startAutosave(db, { revision, state: next });
    // Edits made since `next` was taken are saved too.
    if (appStore && appStore.project !== next) persistence.connection?.autosave.schedule(appStore.project);
    return true;
  } catch (e) {
    console.error('[anju] setting the stored data aside failed', e);
    persistence.saveProblem = storageProblem(e);
    return false;
  } finally {
    persistence.busy = false;
  }
}

/**
 * Another tab wrote after the quarantined data was read: what it wrote is neither set aside
 * unseen nor overwritten. Still failing the checks, it is what the banner now offers; readable,
 * saving resumes and merges it like any other tab's save.
 */
async function lookAgain(db: ScenarioStore, q: Quarantine): Promise<void> {
  const { revision, raw } = await db.readRaw();
  const r = raw && checkWholeProject(raw, initialProject!, 'IndexedDB');
  if (r && !r.ok) {
    const code = q.found === 'tab' ? 'storage-tab-invalid' : 'storage-load-invalid';
    const problems = [problem('storage-changed-meanwhile', {}, 'warning'), problem(code, { params: { count: r.problems.length } }), ...r.problems];
    persistence.quarantine = { stored: raw, problems, revision, found: q.found };
    return;
  }
  persistence.quarantine = null;
  // The snapshot this tab last saw is behind the store, so the next write merges first.
  startAutosave(db, tabs?.replica.seen ?? { revision: q.revision ?? 0, state: null });
  void tabs?.replica.pull().catch((e) => console.error('[anju] reading another tab’s save failed', e));
  if (appStore) persistence.connection?.autosave.schedule(appStore.project);
}

/**
 * "Recover what is readable": the readable part of the stored data becomes the project (one
 * undoable change), the damaged original is set aside, and autosave resumes.
 */
export async function recoverReadable(): Promise<void> {
  const q = persistence.quarantine;
  const app = appStore;
  if (!q || !app || !initialProject) return;
  const label = { zh: '恢复已保存的数据', en: 'Recover stored data' };
  // Another tab's data: this tab's own project stays, and what can be read of the other tab's
  // data is merged in as after any other tab's save; unreadable parts fall back to what was
  // stored before it (so they do not count as its changes).
  const seen = q.found === 'tab' ? (tabs?.replica.seen.state ?? null) : null;
  const r = recoverProject(q.stored, seen ?? initialProject);
  const m = seen && tabs ? tabs.replica.mergeWith(r.project) : null;
  const next = m ? m.state : r.project;
  await ensurePolygonClip(next);
  const before = app.project;
  // Applied once stored: edits made meanwhile stay (the patch applies on top of them).
  const stored = await settleQuarantine(next, () => app.apply(app.project === before ? replaceProject(next, label) : patchChange(before, next, label)));
  if (!stored) return;
  if (m?.conflicts.length) tabSync.report(m);
  persistence.recovered = r.losses;
}

/** Discard the stored data (set aside, not deleted) and save the project as it is now. */
export async function discardStored(): Promise<void> {
  if (appStore) await settleQuarantine(appStore.project);
}

/**
 * Store `project` in place of what IndexedDB holds, setting the old data aside first (one
 * transaction). For when the app itself could not start: the next start loads `project`.
 */
export async function storeInstead(project: ProjectState): Promise<void> {
  const db = persistence.db;
  if (!db) throw new Error('browser storage is unavailable');
  const stored = persistence.quarantine ? persistence.quarantine.stored : await db.loadRaw();
  await db.replaceAll(project, { at: new Date().toISOString(), problems: persistence.quarantine?.problems.slice(0, 20) ?? [], stored: stored ?? null });
}
