/**
 * The app opened from a team server (`anju serve`): who is signed in, which project is open,
 * its sync status, live notices, the merge dialog's request, and an old revision opened
 * read-only. The working copy is the app store's project; ProjectSync keeps it in step with
 * the server (see project-sync.ts). Opened without a server, none of this runs.
 */
import { offerTeamBasemap } from './team-basemap.svelte.ts';
import { untrack } from 'svelte';
import { store } from '../app-store.svelte.ts';
import type { ProjectState } from '../project.ts';
import type { Side } from '../merge/merge-types.ts';
import { ApiClient, canWrite, type RevisionInfo, type TeamUser } from './api-client.ts';
import { ProjectSync, type MergeRequest, type SyncNotice, type SyncStatus } from './project-sync.ts';
import { memoryDraftStore, type DraftStore } from './draft.ts';
import { openDraftStore } from './draft-store.ts';
import { isTabAlive, tabId } from './tab-identity.ts';
import { fileForServer, stateFromServer } from './server-files.ts';
import { REMEMBER_KEY, type TeamProbe } from './team-probe.ts';
import { may, type ProjectRole } from '../review/review-types.ts';

/** Review events on the project's live stream (a comment, a sign-off, a membership or link change). */
export type ReviewEvent = 'comment' | 'signoff' | 'members' | 'links';

export interface NoticeItem {
  id: number;
  notice: SyncNotice;
  at: number;
}

export interface OpenRevision {
  info: RevisionInfo;
  state: ProjectState;
}

class TeamSession {
  /** null: the app was not opened from a team server. */
  api: ApiClient | null = null;
  /** The server answered at start (false: working from this browser's copy). */
  reachable = $state(true);
  user = $state<TeamUser | null>(null);
  /** The open project, or null (the project list). */
  project = $state<{ id: string; name: string } | null>(null);
  status = $state<SyncStatus>({ phase: 'loading', revision: 0, pendingCount: 0 });
  notices = $state<NoticeItem[]>([]);
  /** A merge waiting for the planner's choices. */
  merge = $state.raw<{ request: MergeRequest; resolve(choices: Record<string, Side>): void } | null>(null);
  /** An old revision shown read-only instead of the working copy. */
  viewing = $state.raw<OpenRevision | null>(null);
  /** The live stream is connected. */
  live = $state(false);
  sync: ProjectSync | null = null;
  drafts: DraftStore | null = null;
  #stash: ProjectState | null = null;
  #events: EventSource | null = null;
  #noticeSeq = 0;
  #defaults: (() => ProjectState) | null = null;
  /** Read-only because of the user's role (null for writers). */
  #roleReadOnly: { zh: string; en: string } | null = null;
  /** The user's role in the open project (null until known, e.g. offline). */
  projectRole = $state<ProjectRole | null>(null);
  /** Called for every review event of the open project's live stream, and after a reconnect. */
  readonly reviewListeners = new Set<(type: ReviewEvent | 'hello' | 'saved') => void>();

  /**
   * The user's role in the open project, when it is known (the project was opened, or an owner
   * changed it: the review panel reloads the members on the live stream's `members` event).
   * Read-only follows at once: a planner made viewer stops editing, a viewer made planner starts.
   */
  setProjectRole(role: ProjectRole | null): void {
    this.projectRole = role;
    if (!this.user) return;
    const shown = role ?? this.user.role;
    this.#roleReadOnly = this.canWrite ? null : { zh: `只读：${roleName(shown, 'zh')}可以查看，不能修改项目`, en: `Read only: a ${shown} may view but not change projects` };
    if (!this.viewing) store.readOnly = this.#roleReadOnly;
  }

  /** Saves are allowed: the project role when known (planner, owner), else the account's role. */
  get canWrite(): boolean {
    if (!this.user) return false;
    return this.projectRole ? may(this.projectRole, 'edit') : canWrite(this.user.role);
  }

  /**
   * Start as the app of the team server that `probe` found (team-probe.ts): a client with this
   * tab's id, and who is signed in — or, with the server away, who last was (working from this
   * browser's copy).
   */
  async start(probe: TeamProbe): Promise<void> {
    const id = await tabId();
    this.api = new ApiClient({ baseUrl: new URL('./api/', location.href), clientId: id });
    this.reachable = !!probe.health;
    if (probe.health) {
      try {
        this.user = await this.api.me();
      } catch {
        this.reachable = false;
      }
    }
    if (!this.reachable && probe.remembered) this.user = probe.remembered;
    if (this.reachable && this.user) void offerTeamBasemap(this.api);
  }

  async signIn(name: string, password: string) {
    const r = await this.api!.login(name, password);
    if (r.ok) {
      this.user = r.user;
      this.reachable = true;
      remember(r.user);
      void offerTeamBasemap(this.api!);
      if (this.sync && this.status.phase === 'signed-out') this.sync.kick();
    }
    return r;
  }

  async signOut(): Promise<void> {
    await this.sync?.flush();
    try {
      await this.api!.logout();
    } catch {
      /* offline: the session ends on the server when it expires */
    }
    localStorage.removeItem(REMEMBER_KEY);
    location.assign(location.pathname);
  }

  /**
   * Open a project into the app store (before the app renders): this tab's draft, else the
   * server's head; then keep it in step. `defaults` fills slices a project file lacks.
   */
  async open(id: string, name: string, defaults: () => ProjectState): Promise<void> {
    const api = this.api!;
    const user = this.user!;
    remember(user);
    this.#defaults = defaults;
    this.project = { id, name };
    this.drafts = await openDraftStore().catch(() => memoryDraftStore());
    const sync = new ProjectSync({
      api,
      drafts: this.drafts,
      user: user.name,
      projectId: id,
      projectName: name,
      tabId: api.clientId,
      toState: (f) => stateFromServer(f, defaults()),
      toFile: fileForServer,
      getLocal: () => this.#stash ?? store.project,
      setLocal: (s, how) => {
        if (this.#stash) this.#stash = s;
        else if (how === 'open') store.load(s);
        else store.rebase(s);
      },
      resolve: (request) => new Promise((resolve) => (this.merge = { request, resolve: (c) => ((this.merge = null), resolve(c)) })),
      onStatus: (s) => (this.status = s),
      onNotice: (n) => this.#notify(n),
      isTabAlive,
    });
    this.sync = sync;
    await sync.open();
    let role: ProjectRole | null = null;
    try {
      role = (await api.call<{ you: { role: ProjectRole } }>('GET', `projects/${encodeURIComponent(id)}/members`)).you.role;
    } catch {
      /* offline: the account's role decides until the server answers */
    }
    this.setProjectRole(role);
    $effect.root(() => {
      $effect(() => {
        void store.project;
        untrack(() => {
          if (!this.viewing) sync.localChanged();
        });
      });
    });
    this.#listen(id);
    addEventListener('online', () => sync.kick());
    addEventListener('pagehide', () => void sync.close());
  }

  /** Live events: someone saved (or deleted) the project; reconnecting catches up. */
  #listen(id: string): void {
    const es = new EventSource(this.api!.url(`projects/${encodeURIComponent(id)}/events`));
    this.#events = es;
    es.addEventListener('hello', (e) => {
      this.live = true;
      this.reachable = true;
      this.sync?.reconnected(JSON.parse((e as MessageEvent).data).revision);
      for (const l of this.reviewListeners) l('hello');
    });
    for (const type of ['comment', 'signoff', 'members', 'links'] as const) es.addEventListener(type, () => this.reviewListeners.forEach((l) => l(type)));
    es.addEventListener('saved', (e) => {
      const d = JSON.parse((e as MessageEvent).data) as { revision: number; client: string | null };
      this.sync?.remoteSaved(d.revision, d.client);
      for (const l of this.reviewListeners) l('saved');
    });
    es.addEventListener('deleted', () => this.sync?.remoteDeleted());
    es.onerror = () => {
      this.live = false;
      // The browser retries by itself unless the server refused the stream (e.g. signed out).
      if (es.readyState === EventSource.CLOSED) setTimeout(() => this.#events === es && this.#listen(id), 5000);
    };
  }

  #notify(notice: SyncNotice): void {
    const item = { id: ++this.#noticeSeq, notice, at: Date.now() };
    this.notices = [...this.notices.slice(-3), item];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Show revision `info` read-only (the working copy waits aside, still kept in step). */
  async view(info: RevisionInfo): Promise<void> {
    const r = await this.api!.revision(this.project!.id, info.revision);
    const state = stateFromServer(r.file, this.#defaults!());
    if (!this.viewing) this.#stash = store.project;
    this.viewing = { info, state };
    store.readOnly = { zh: `只读：正在查看修订 ${info.revision}`, en: `Read only: viewing revision ${info.revision}` };
    store.rebase(state);
  }

  /** Back to the working copy. */
  leaveRevision(): void {
    if (!this.viewing || !this.#stash) return;
    const s = this.#stash;
    this.#stash = null;
    this.viewing = null;
    store.readOnly = this.#roleReadOnly;
    store.rebase(s);
    this.sync?.localChanged();
  }

  /** Restore `revision` as a new revision. */
  async restore(revision: number): Promise<boolean> {
    this.leaveRevision();
    return (await this.sync?.restore(revision).catch(() => false)) ?? false;
  }

  /** A revision's content (for comparisons). */
  async revisionState(revision: number): Promise<ProjectState> {
    const r = await this.api!.revision(this.project!.id, revision);
    return stateFromServer(r.file, this.#defaults!());
  }
}

export function roleName(role: TeamUser['role'] | ProjectRole, lang: 'zh' | 'en'): string {
  const zh = { admin: '管理员', owner: '负责人', planner: '规划师', reviewer: '审阅者', viewer: '查看者' } as const;
  return lang === 'zh' ? zh[role] : role;
}

function remember(user: TeamUser): void {
  localStorage.setItem(REMEMBER_KEY, JSON.stringify({ user }));
}

export const team = new TeamSession();
