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
 * overwritten (tab-sync.svelte.ts).
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
import { UnsavableProject, unsavableProblems } from './check-before-write.ts';
import { startTabSync } from './tab-sync.svelte.ts';
import type { StoreSnapshot } from '../sync/replica.ts';

export type SaveState = 'loading' | 'saved' | 'pending' | 'error' | 'off' | 'quarantined';

/** Damaged stored data awaiting the planner's choice. */
export interface Quarantine {
  /** What was stored, as it was; undefined when it could not even be read. */
  stored: unknown;
  problems: Problem[];
}

class Persistence {
  state = $state<SaveState>('loading');
  /** Problems met while loading. */
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

let appStore: AppStore | null = null;
let initialProject: ProjectState | null = null;
let databaseName = DEFAULT_DB_NAME;

/** Start saving every change, `start` being what storage holds now (its revision and state). */
function startAutosave(db: ScenarioStore, start: StoreSnapshot<number>): void {
  const store = appStore!;
  const push = startTabSync(db, store, {
    dbName: databaseName,
    start,
    defaults: initialProject!,
    onUnreadable: (problems) => (persistence.problems = [problem('storage-load-invalid', { params: { count: problems.length } }), ...problems]),
  });
  const connection = connectAutosave(
    {
      async write(prev) {
        const problems = unsavableProblems(prev, store.project);
        if (problems.length) throw new UnsavableProject(problems);
        await push();
      },
    },
    start.state,
    (e) => {
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

/**
 * Load the stored project into `store` (keeping the initial project when nothing is stored,
 * or quarantining stored data that fails the checks), then autosave every later change.
 * Never throws.
 */
export async function startPersistence(store: AppStore, { dbName = DEFAULT_DB_NAME, timeoutMs = 5000 } = {}): Promise<void> {
  appStore = store;
  initialProject = store.project;
  databaseName = dbName;
  store.subscribe((p) => {
    const c = persistence.connection;
    if (!c) return; // storage off, or quarantined: nothing is written
    c.autosave.schedule(p);
    if (persistence.state !== 'error') persistence.state = 'pending';
  });
  let db: ScenarioStore;
  try {
    db = await withTimeout(openScenarioStore(dbName), timeoutMs, 'IndexedDB');
  } catch (e) {
    console.error('[anju] IndexedDB cannot be opened', e);
    persistence.state = 'off';
    persistence.problems = [problem('storage-unavailable')];
    return;
  }
  persistence.db = db;
  let stored: Record<string, unknown> | null;
  let revision = 0;
  try {
    // The revision before the data: should another tab save in between, this tab's first save
    // is refused and merges what that tab saved (nothing is lost either way).
    revision = await withTimeout(db.revision(), timeoutMs, 'IndexedDB');
    stored = await withTimeout(db.loadRaw(), timeoutMs, 'IndexedDB');
  } catch (e) {
    console.error('[anju] reading IndexedDB failed', e);
    persistence.quarantine = { stored: undefined, problems: [problem('storage-load-failed')] };
    persistence.state = 'quarantined';
    return;
  }
  if (stored === null) return startAutosave(db, { revision, state: null });
  const r = checkWholeProject(stored, store.project, 'IndexedDB');
  if (r.ok) {
    store.load(r.value);
    return startAutosave(db, { revision, state: r.value });
  }
  persistence.quarantine = { stored, problems: [problem('storage-load-invalid', { params: { count: r.problems.length } }), ...r.problems] };
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

async function settleQuarantine(next: ProjectState): Promise<void> {
  const q = persistence.quarantine;
  const db = persistence.db;
  if (!q || !db) return;
  persistence.busy = true;
  try {
    const revision = await db.replaceAll(next, { at: new Date().toISOString(), problems: q.problems.slice(0, 20), stored: q.stored ?? null });
    persistence.quarantine = null;
    persistence.saveProblem = null;
    startAutosave(db, { revision, state: next });
    // Edits made since `next` was taken are saved too.
    if (appStore && appStore.project !== next) persistence.connection?.autosave.schedule(appStore.project);
  } catch (e) {
    console.error('[anju] setting the stored data aside failed', e);
    persistence.saveProblem = storageProblem(e);
  } finally {
    persistence.busy = false;
  }
}

/**
 * "Recover what is readable": the readable part of the stored data becomes the project (one
 * undoable change), the damaged original is set aside, and autosave resumes.
 */
export async function recoverReadable(): Promise<void> {
  const q = persistence.quarantine;
  if (!q || !appStore || !initialProject) return;
  const r = recoverProject(q.stored, initialProject);
  appStore.apply(replaceProject(r.project, { zh: '恢复已保存的数据', en: 'Recover stored data' }));
  await settleQuarantine(appStore.project);
  if (!persistence.quarantine) persistence.recovered = r.losses;
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
