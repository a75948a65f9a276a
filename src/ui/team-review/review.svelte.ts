/**
 * Review on the open team project (README "Team server"): the comment threads, sign-offs,
 * the user's role and (owners) meeting links, loaded from the server and refreshed on the
 * project's live review events. The panel, the map markers, the grid markers and the top-bar
 * count all read this one state. Without a team project it stays empty.
 */
import { team } from '../../state/team/team-session.svelte.ts';
import { ReviewApi } from '../../state/review/review-api.ts';
import type { CommentThread, Member, ProjectRole, ShareLinkInfo, SignOff } from '../../state/review/review-types.ts';
import { may } from '../../state/review/review-types.ts';
import { latestAnswers, STALE } from '../../state/latest-answer.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import { anchorKey, SCENARIO_ANCHORS, type CommentAnchor } from '../../state/review/anchor.ts';
import type { HousingTypeId } from '../../domain/housing-type.ts';

export interface CellRef {
  boardId: string;
  year: PlanYear;
  type: HousingTypeId;
}

class ReviewState {
  open = $state(false);
  threads = $state<CommentThread[]>([]);
  signOffs = $state<SignOff[]>([]);
  links = $state<ShareLinkInfo[]>([]);
  /** The project's members with their roles (everyone sees who is in the project; owners change it). */
  memberList = $state.raw<Member[]>([]);
  members = $derived(this.memberList.map((m) => m.name));
  /** The thread shown in full (null: the list). */
  threadId = $state<string | null>(null);
  filterState = $state<'open' | 'resolved' | 'all'>('open');
  filterAuthor = $state('');
  /**
   * What a new comment would be about besides the selected board: the grid cell last focused,
   * or the site, target gauge, rule warning or map point whose comment button was pressed.
   */
  subject = $state.raw<CommentAnchor | null>(null);
  error = $state('');
  /** The printed report includes open comments and sign-offs (export menu option). */
  inExports = $state(false);
  #api: ReviewApi | null = null;
  #started = false;

  /** The user's role in this project (the team session's, which decides read-only too). */
  get role(): ProjectRole | null {
    return team.projectRole;
  }

  unread = $derived(this.threads.reduce((n, t) => n + (t.unread ? 1 : 0) + t.replies.filter((r) => r.unread).length, 0));
  openThreads = $derived(this.threads.filter((t) => t.state === 'open'));
  canComment = $derived(may(this.role, 'comment'));
  canSignOff = $derived(may(this.role, 'signoff'));
  canManage = $derived(may(this.role, 'manage'));

  /** Open threads about exactly this anchor (in this scenario, for a scenario's cell, site, target or rule). */
  openOn(anchor: CommentAnchor, scenarioId: string | null): CommentThread[] {
    const key = anchorKey(anchor);
    const inScenario = SCENARIO_ANCHORS.has(anchor.kind);
    return this.openThreads.filter((t) => anchorKey(t.anchor) === key && (!inScenario || t.scenarioId === scenarioId));
  }

  /** Open threads about a grid cell (its exact cell anchor) in a scenario. */
  cellCount(scenarioId: string | null, c: CellRef): number {
    return this.openOn({ kind: 'cell', ...c }, scenarioId).length;
  }

  /** A comment button was pressed: the panel opens with a new comment about `anchor`. */
  commentOn(anchor: CommentAnchor): void {
    this.subject = anchor;
    this.threadId = null;
    this.open = true;
  }

  /** Start once a team project is open: load, then follow the live stream. */
  start(): void {
    if (this.#started || !team.api || !team.project) return;
    this.#started = true;
    this.#api = new ReviewApi(team.api, team.project.id);
    team.reviewListeners.add((type) => void this.refresh(type));
    void this.refresh('hello');
  }

  get api(): ReviewApi {
    if (!this.#api) throw new Error('review: no team project is open');
    return this.#api;
  }

  /** Each list's answer only if no newer request for it was made meanwhile. */
  readonly #latest = latestAnswers();

  async refresh(what: string): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      if (what === 'hello' || what === 'members') {
        const m = await this.#latest('members', () => api.members());
        if (m !== STALE) {
          team.setProjectRole(m.you.role);
          this.memberList = m.members;
        }
      }
      if (what === 'hello' || what === 'comment') {
        const threads = await this.#latest('threads', () => api.threads());
        if (threads !== STALE) this.threads = threads;
      }
      if (what === 'hello' || what === 'signoff' || what === 'saved') {
        const signOffs = await this.#latest('signOffs', () => api.signOffs());
        if (signOffs !== STALE) this.signOffs = signOffs;
      }
      if ((what === 'hello' || what === 'links') && may(this.role, 'manage')) {
        const links = await this.#latest('links', () => api.links());
        if (links !== STALE) this.links = links;
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Replace one thread after a change the user made. */
  put(thread: CommentThread): void {
    const i = this.threads.findIndex((t) => t.id === thread.id);
    this.threads = i < 0 ? [...this.threads, thread] : this.threads.map((t) => (t.id === thread.id ? thread : t));
  }

  /** Show a thread and mark what is unread in it read. */
  async show(id: string): Promise<void> {
    this.open = true;
    this.threadId = id;
    const t = this.threads.find((x) => x.id === id);
    if (!t || !this.#api) return;
    const ids = [t, ...t.replies].filter((c) => c.unread).map((c) => c.id);
    if (!ids.length) return;
    await this.#api.markRead(ids).catch(() => undefined);
    this.put({ ...t, unread: false, replies: t.replies.map((r) => ({ ...r, unread: false })) });
  }
}

export const review = new ReviewState();
