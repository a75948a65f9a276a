/**
 * The review routes of the team server (README "HTTP API") for one project, over the app's
 * API client: comment threads, sign-offs, members and meeting links. Runs in browser and Node.
 */
import type { ApiClient } from '../team/api-client.ts';
import type { CommentAnchor } from './anchor.ts';
import type { AccessRevision, CommentThread, LinkMode, Member, ProjectRole, ShareLinkInfo, SharedScenario, SignOff, Verdict } from './review-types.ts';

export class ReviewApi {
  readonly #base: string;
  constructor(
    private readonly api: ApiClient,
    projectId: string,
  ) {
    this.#base = `projects/${encodeURIComponent(projectId)}`;
  }

  threads(): Promise<CommentThread[]> {
    return this.api.call('GET', `${this.#base}/comments`);
  }
  createThread(anchor: CommentAnchor, scenarioId: string | null, revision: number, body: string): Promise<CommentThread> {
    return this.api.call('POST', `${this.#base}/comments`, { anchor, ...(scenarioId ? { scenarioId } : {}), revision, body });
  }
  reply(threadId: string, revision: number, body: string): Promise<CommentThread> {
    return this.api.call('POST', `${this.#base}/comments/${encodeURIComponent(threadId)}/replies`, { revision, body });
  }
  setState(threadId: string, action: 'resolve' | 'reopen'): Promise<CommentThread> {
    return this.api.call('POST', `${this.#base}/comments/${encodeURIComponent(threadId)}/${action}`);
  }
  markRead(ids: string[]): Promise<{ marked: number }> {
    return this.api.call('POST', `${this.#base}/comments/read`, { ids });
  }
  signOffs(): Promise<SignOff[]> {
    return this.api.call('GET', `${this.#base}/signoffs`);
  }
  signOff(scenarioId: string, verdict: Verdict, revision: number, note = ''): Promise<SignOff> {
    return this.api.call('POST', `${this.#base}/signoffs`, { scenarioId, verdict, revision, note });
  }
  members(): Promise<{ you: { name: string; role: ProjectRole }; members: Member[] }> {
    return this.api.call('GET', `${this.#base}/members`);
  }
  /** The access history: every membership change with who made it and when (newest first). */
  accessHistory(): Promise<AccessRevision[]> {
    return this.api.call('GET', `${this.#base}/members/history`);
  }
  /** Owners: give `name` a role in the project (adds them, or changes their role). */
  setMember(name: string, role: ProjectRole): Promise<{ name: string; role: ProjectRole; change: AccessRevision | null }> {
    return this.api.call('PUT', `${this.#base}/members/${encodeURIComponent(name)}`, { role });
  }
  /** Owners: take `name` out of the project. */
  removeMember(name: string): Promise<void> {
    return this.api.call('DELETE', `${this.#base}/members/${encodeURIComponent(name)}`);
  }
  links(): Promise<ShareLinkInfo[]> {
    return this.api.call('GET', `${this.#base}/links`);
  }
  createLink(scenarioId: string, mode: LinkMode, expiresAt: string): Promise<{ link: ShareLinkInfo; token: string; path: string }> {
    return this.api.call('POST', `${this.#base}/links`, { scenarioId, mode, expiresAt });
  }
  revokeLink(id: string): Promise<void> {
    return this.api.call('DELETE', `${this.#base}/links/${encodeURIComponent(id)}`);
  }
}

export type ShareResult = { ok: true; shared: SharedScenario } | { ok: false; reason: 'revoked' | 'expired' | 'unknown' | 'scenario-gone' | 'offline' };

/** Open a meeting link's token (no account): the one scenario, or why not. */
export async function openShared(apiBase: string | URL, token: string, fetchFn: typeof fetch = (...a) => fetch(...a)): Promise<ShareResult> {
  let res: Response;
  try {
    res = await fetchFn(new URL('share', apiBase), { headers: { 'X-Anju-Share': token, Accept: 'application/json' }, cache: 'no-store', credentials: 'omit' });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (res.ok) return { ok: true, shared: (await res.json()) as SharedScenario };
  const code = String(((await res.json().catch(() => ({}))) as { error?: string }).error ?? '');
  const reason = code === 'link-revoked' ? 'revoked' : code === 'link-expired' ? 'expired' : code === 'link-scenario-gone' ? 'scenario-gone' : res.status >= 500 ? 'offline' : 'unknown';
  return { ok: false, reason };
}
