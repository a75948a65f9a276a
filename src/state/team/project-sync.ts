/**
 * Keeps one tab's working copy of a team project in step with the server, offline first:
 *
 * - Every edit goes into the tab's draft in this browser at once (≤ 0.5 s), then to the server
 *   within a second (PUT with If-Match: the revision the copy is based on).
 * - A refused save (409: someone saved meanwhile) is a three-way merge (src/state/merge/):
 *   base = the revision the copy started from, mine = the copy, theirs = the server's head.
 *   Changes that touch different things combine automatically (and the planner is told);
 *   differences both sides made to the same thing go to `resolve` (the merge dialog), then
 *   the result is saved on top of the head. The same path serves a live save announced while
 *   the copy has edits, and edits left in the draft of a tab that was closed (adoption).
 * - When the server or network is away, edits stay in the draft ("offline, N pending") and
 *   are sent on reconnect through the same path, with retries backing off to 15 s.
 * - A save by someone else (live event) updates the copy when it has no edits of its own.
 *
 * Tasks that talk to the server run one at a time (a chain), so a push, a pull and a restore
 * never interleave. Pure: the API client, the draft store, the working copy and the dialog
 * are handed in, so Node tests drive it against a real server.
 */
import type { ProjectState } from '../project.ts';
import { diffStates, mergeStates } from '../merge/project-states.ts';
import type { ProjectChange } from '../merge/project-diff.ts';
import type { Conflict, Side } from '../merge/merge-types.ts';
import { deepEqual } from '../merge/deep-equal.ts';
import { ApiError, AuthError, OfflineError, type ApiClient, type RevisionInfo } from './api-client.ts';
import { draftKey, type Draft, type DraftStore } from './draft.ts';

export type SyncPhase = 'loading' | 'synced' | 'saving' | 'offline' | 'conflict' | 'signed-out' | 'forbidden' | 'deleted' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** The server revision the copy is based on. */
  revision: number;
  /** Differences between that revision and the copy: edits not yet on the server. */
  pendingCount: number;
  /** For `error`: the API's code and message. */
  error?: { code: string; message: string };
}

/** Both sides changed the same things: the planner chooses per conflict. */
export interface MergeRequest {
  /** `server`: the server has revisions the copy had not seen; `adopt`: edits left by a closed tab of this browser. */
  reason: 'server' | 'adopt';
  /** The revisions saved since the copy's base (who saved what), newest first; empty for `adopt`. */
  revisions: RevisionInfo[];
  theirChanges: ProjectChange[];
  myChanges: ProjectChange[];
  conflicts: Conflict[];
  base: ProjectState;
  mine: ProjectState;
  theirs: ProjectState;
}

export type SyncNotice =
  /** Someone else saved; `applied`: the copy now shows it (it had no edits of its own). */
  | { kind: 'remote'; revisions: RevisionInfo[]; changes: ProjectChange[] }
  /** The copy's edits were combined with others' (automatically when `conflicts` is 0). */
  | { kind: 'merged'; reason: MergeRequest['reason']; revisions: RevisionInfo[]; theirChanges: ProjectChange[]; myChanges: ProjectChange[]; conflicts: number }
  | { kind: 'restored'; revision: number; from: number }
  | { kind: 'deleted' };

export interface ProjectSyncOptions {
  api: Pick<ApiClient, 'clientId' | 'getProject' | 'saveProject' | 'revisions' | 'restore'>;
  drafts: DraftStore;
  user: string;
  projectId: string;
  projectName: string;
  tabId: string;
  /** A server project file as a state (checked like an opened file); throws when it is not valid. */
  toState(file: unknown): ProjectState;
  /** The state as a project file for the server. */
  toFile(state: ProjectState): unknown;
  /** The working copy the planner sees and edits. */
  getLocal(): ProjectState;
  /** Replace the working copy: `open` starts fresh (no undo history); `update` keeps the undo history. */
  setLocal(state: ProjectState, how: 'open' | 'update'): void;
  /** Ask the planner to resolve conflicts; resolves with a side per conflict id. */
  resolve(request: MergeRequest): Promise<Record<string, Side>>;
  onStatus(status: SyncStatus): void;
  onNotice(notice: SyncNotice): void;
  /** Is the tab that wrote a draft still open? (Web Locks in the browser.) */
  isTabAlive(tabId: string): Promise<boolean>;
  pushDelayMs?: number;
  pushMaxWaitMs?: number;
  draftDelayMs?: number;
  /** Waits before retrying while offline; the last repeats. */
  retryMs?: readonly number[];
}

/** Opening failed: offline with no copy of the project in this browser. */
export class NoCopyOfflineError extends Error {}

const RETRY_MS = [1000, 2000, 4000, 8000, 15000] as const;

export class ProjectSync {
  readonly #o: ProjectSyncOptions;
  #base: { revision: number; state: ProjectState } | null = null;
  #phase: SyncPhase = 'loading';
  #error: SyncStatus['error'];
  #pendingCount = 0;
  #chain: Promise<unknown> = Promise.resolve();
  #pushQueued = false;
  #pushTimer: ReturnType<typeof setTimeout> | null = null;
  #firstEditAt: number | null = null;
  #draftTimer: ReturnType<typeof setTimeout> | null = null;
  #draftChain: Promise<void> = Promise.resolve();
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retries = 0;
  #closed = false;

  constructor(o: ProjectSyncOptions) {
    this.#o = o;
  }

  get revision(): number {
    return this.#base?.revision ?? 0;
  }
  get phase(): SyncPhase {
    return this.#phase;
  }
  /** The content of the revision the copy is based on. */
  get baseState(): ProjectState | null {
    return this.#base?.state ?? null;
  }
  get key(): string {
    return draftKey(this.#o.user, this.#o.projectId, this.#o.tabId);
  }
  get hasEdits(): boolean {
    return !!this.#base && !deepEqual(this.#base.state, this.#o.getLocal());
  }

  /**
   * Open the project: this tab's draft (after a reload), else the newest draft a closed tab
   * left, else the server's head; edits other closed tabs left are merged in. Offline, a
   * draft is enough; without one it throws NoCopyOfflineError.
   */
  async open(): Promise<void> {
    const o = this.#o;
    const key = this.key;
    let own = await o.drafts.get(key);
    const orphans: Draft[] = [];
    for (const d of await o.drafts.list(o.user, o.projectId)) if (d.key !== key && !(await o.isTabAlive(d.tabId))) orphans.push(d);
    orphans.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    if (!own && orphans.length) {
      const pick = orphans.find((d) => d.pendingCount > 0) ?? orphans[0];
      orphans.splice(orphans.indexOf(pick), 1);
      own = { ...pick, key, tabId: o.tabId };
      await o.drafts.put(own);
      await o.drafts.delete(pick.key);
    }
    let head: { revision: number; state: ProjectState } | null = null;
    try {
      const r = await o.api.getProject(o.projectId);
      head = { revision: r.revision, state: o.toState(r.file) };
    } catch (e) {
      if (!(e instanceof OfflineError)) throw e;
      if (!own) throw new NoCopyOfflineError('offline, and this browser has no copy of the project');
    }
    if (own) {
      this.#base = own.base;
      o.setLocal(own.local, 'open');
    } else {
      this.#base = head!;
      o.setLocal(head!.state, 'open');
    }
    for (const d of orphans) {
      if (!deepEqual(d.base.state, d.local)) o.setLocal(await this.#integrate(d.base.state, d.local, o.getLocal(), 'adopt', []), 'update');
      await o.drafts.delete(d.key);
    }
    await this.#writeDraft();
    if (!head) {
      this.#offline();
      return;
    }
    if (this.hasEdits) this.#queuePush();
    else if (head.revision > this.#base.revision) void this.#run(() => this.#pull());
    else this.#setPhase('synced');
  }

  /** The working copy changed (an edit, or an update this class made): keep it and send it soon. */
  localChanged(): void {
    if (this.#closed || !this.#base) return;
    this.#scheduleDraft();
    if (!this.hasEdits) return;
    // Say so at once: the status never reads "synced" while an edit waits for its push.
    if (this.#phase === 'synced') this.#setPhase('saving');
    this.#schedulePush();
  }

  /** Send what is pending now; resolves when the server has it (or sending failed). */
  async flush(): Promise<void> {
    this.#clearPushTimer();
    await this.#writeDraft();
    await this.#run(() => this.#push());
  }

  /** A live event: someone saved `revision` (from `client`, a tab id). */
  remoteSaved(revision: number, client: string | null): void {
    if (client === this.#o.api.clientId || !this.#base || revision <= this.#base.revision) return;
    void this.#run(() => this.#pull());
  }

  /** The live stream (re)connected at `revision`: catch up, and send what waited. */
  reconnected(revision: number): void {
    this.#retries = 0;
    if (this.#base && (revision > this.#base.revision || this.hasEdits)) void this.#run(() => (this.hasEdits ? this.#push() : this.#pull()));
    else if (this.#phase === 'offline') this.#setPhase('synced');
  }

  remoteDeleted(): void {
    this.#setPhase('deleted');
    this.#o.onNotice({ kind: 'deleted' });
  }

  /** Try the server now (the browser came back online, the person pressed "retry", signed in again). */
  kick(): void {
    this.#retries = 0;
    this.#clearRetry();
    void this.#run(() => (this.hasEdits ? this.#push() : this.#pull()));
  }

  /** Restore `revision` as a new revision (edits not yet sent are sent first, so they stay in the history). */
  restore(revision: number): Promise<boolean> {
    return this.#run(async () => {
      await this.#push();
      if (this.hasEdits || !this.#base) return false;
      for (let attempt = 0; attempt < 3; attempt++) {
        const from = this.#base.revision;
        const reply = await this.#o.api.restore(this.#o.projectId, revision, from);
        if (reply.ok) {
          const head = await this.#o.api.getProject(this.#o.projectId);
          this.#base = { revision: head.revision, state: this.#o.toState(head.file) };
          this.#o.setLocal(this.#base.state, 'update');
          await this.#writeDraft();
          this.#setPhase('synced');
          this.#o.onNotice({ kind: 'restored', revision: reply.revision, from: revision });
          return true;
        }
        await this.#pull();
      }
      return false;
    }, true);
  }

  /** Stop timers and write the draft (the copy stays in this browser). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#clearPushTimer();
    this.#clearRetry();
    if (this.#draftTimer) clearTimeout(this.#draftTimer);
    await this.#writeDraft();
  }

  // --- the server side, one task at a time -------------------------------------------------

  /** Run `task` after the ones before it; server failures become the phase (offline, signed out …). */
  #run<T>(task: () => Promise<T>, rethrow = false): Promise<T> {
    const p = this.#chain.then(async () => {
      try {
        return await task();
      } catch (e) {
        this.#failed(e);
        if (rethrow) throw e;
        return undefined as T;
      }
    });
    this.#chain = p.catch(() => {});
    return p;
  }

  #failed(e: unknown): void {
    if (e instanceof OfflineError) this.#offline();
    else if (e instanceof AuthError) this.#setPhase('signed-out');
    else if (e instanceof ApiError && e.status === 403) this.#setPhase('forbidden');
    else if (e instanceof ApiError && e.status === 404 && e.code === 'not-found') this.#setPhase('deleted');
    else {
      this.#error = e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
      this.#setPhase('error');
      console.error('[anju] team sync', e);
    }
  }

  async #push(): Promise<void> {
    this.#pushQueued = false;
    if (!this.#base) return;
    // A few rounds: each refused save merges with a newer head and tries again.
    for (let round = 0; round < 6 && !this.#closed; round++) {
      const base = this.#base;
      const local = this.#o.getLocal();
      if (deepEqual(base.state, local)) {
        this.#retries = 0;
        this.#setPhase('synced');
        return;
      }
      if (this.#phase !== 'offline') this.#setPhase('saving');
      const reply = await this.#o.api.saveProject(this.#o.projectId, base.revision, this.#o.toFile(local));
      if (reply.ok) {
        this.#base = { revision: reply.revision, state: local };
        this.#retries = 0;
        this.#clearRetry();
        await this.#writeDraft();
        continue; // edits made while saving go next
      }
      await this.#pull();
    }
  }

  /** Take the server's head: the copy follows it when it has no edits, else the two are merged. */
  async #pull(): Promise<void> {
    const base = this.#base;
    if (!base) return;
    const r = await this.#o.api.getProject(this.#o.projectId);
    this.#retries = 0;
    this.#clearRetry();
    if (r.revision <= base.revision) {
      if (this.#phase === 'offline' || this.#phase === 'loading') this.#setPhase(this.hasEdits ? 'saving' : 'synced');
      if (this.hasEdits) this.#queuePush();
      return;
    }
    const theirs = this.#o.toState(r.file);
    const revisions = await this.#revisionsSince(base.revision);
    const local = this.#o.getLocal();
    if (deepEqual(base.state, local)) {
      this.#base = { revision: r.revision, state: theirs };
      this.#o.setLocal(theirs, 'update');
      this.#o.onNotice({ kind: 'remote', revisions, changes: diffStates(base.state, theirs) });
      await this.#writeDraft();
      this.#setPhase('synced');
      return;
    }
    const merged = await this.#integrate(base.state, local, theirs, 'server', revisions);
    this.#base = { revision: r.revision, state: theirs };
    this.#o.setLocal(merged, 'update');
    await this.#writeDraft();
    this.#queuePush();
  }

  /** Merge `mine` onto `theirs` (asking the planner where both changed the same thing). */
  async #integrate(base: ProjectState, mine: ProjectState, theirs: ProjectState, reason: MergeRequest['reason'], revisions: RevisionInfo[]): Promise<ProjectState> {
    let r = mergeStates(base, mine, theirs);
    const theirChanges = diffStates(base, theirs);
    const myChanges = diffStates(base, mine);
    const conflicts = r.conflicts.length;
    if (conflicts) {
      const before = this.#phase;
      this.#setPhase('conflict');
      const choices = await this.#o.resolve({ reason, revisions, theirChanges, myChanges, conflicts: r.conflicts, base, mine, theirs });
      r = mergeStates(base, mine, theirs, { choices });
      this.#setPhase(before === 'conflict' ? 'saving' : before);
    }
    this.#o.onNotice({ kind: 'merged', reason, revisions, theirChanges, myChanges, conflicts });
    return r.merged;
  }

  async #revisionsSince(revision: number): Promise<RevisionInfo[]> {
    try {
      const list = await this.#o.api.revisions(this.#o.projectId, { limit: 20 });
      return list.filter((r) => r.revision > revision);
    } catch {
      return [];
    }
  }

  // --- timers and the draft ------------------------------------------------------------------

  #queuePush(): void {
    if (this.#pushQueued) return;
    this.#pushQueued = true;
    void this.#run(() => this.#push());
  }

  #schedulePush(): void {
    const now = Date.now();
    this.#firstEditAt ??= now;
    const delay = this.#o.pushDelayMs ?? 300;
    const maxWait = this.#o.pushMaxWaitMs ?? 800;
    this.#clearPushTimer(false);
    // While offline, the retry timer sends; an edit does not hammer a server that is away.
    if (this.#phase === 'offline' && this.#retryTimer) return;
    this.#pushTimer = setTimeout(() => {
      this.#pushTimer = null;
      this.#firstEditAt = null;
      this.#queuePush();
    }, Math.max(0, Math.min(delay, this.#firstEditAt + maxWait - now)));
  }

  #clearPushTimer(resetWait = true): void {
    if (this.#pushTimer) clearTimeout(this.#pushTimer);
    this.#pushTimer = null;
    if (resetWait) this.#firstEditAt = null;
  }

  #offline(): void {
    this.#setPhase('offline');
    if (this.#retryTimer || this.#closed) return;
    const waits = this.#o.retryMs ?? RETRY_MS;
    const wait = waits[Math.min(this.#retries, waits.length - 1)];
    this.#retries++;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.#run(() => (this.hasEdits ? this.#push() : this.#pull()));
    }, wait);
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  #scheduleDraft(): void {
    if (this.#draftTimer) return;
    this.#draftTimer = setTimeout(() => {
      this.#draftTimer = null;
      void this.#writeDraft();
    }, this.#o.draftDelayMs ?? 150);
  }

  /** Write the draft now (writes never overlap); also refreshes the pending count. */
  #writeDraft(): Promise<void> {
    if (this.#draftTimer) clearTimeout(this.#draftTimer);
    this.#draftTimer = null;
    this.#draftChain = this.#draftChain.then(async () => {
      const base = this.#base;
      if (!base) return;
      const local = this.#o.getLocal();
      const pendingCount = deepEqual(base.state, local) ? 0 : diffStates(base.state, local).length;
      const o = this.#o;
      try {
        await o.drafts.put({ key: this.key, user: o.user, projectId: o.projectId, projectName: o.projectName, tabId: o.tabId, base, local, pendingCount, updatedAt: new Date().toISOString() });
      } catch (e) {
        console.error('[anju] keeping the draft in this browser failed', e);
      }
      if (pendingCount !== this.#pendingCount) {
        this.#pendingCount = pendingCount;
        this.#emit();
      }
    });
    return this.#draftChain;
  }

  #setPhase(phase: SyncPhase): void {
    this.#phase = phase;
    if (phase !== 'error') this.#error = undefined;
    this.#emit();
  }

  #emit(): void {
    this.#o.onStatus({ phase: this.#phase, revision: this.revision, pendingCount: this.#pendingCount, ...(this.#error ? { error: this.#error } : {}) });
  }
}
