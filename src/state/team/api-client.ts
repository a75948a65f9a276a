/**
 * The app's client of the team server's HTTP API (README "HTTP API"): typed calls over
 * `fetch`, the session's CSRF token, and the tab's client id (`X-Anju-Client`, echoed in live
 * events so a tab recognises its own saves). Failures are typed so callers can tell "the server
 * or network is away" (OfflineError: retry later, keep the edits) from "sign in again"
 * (AuthError) and from a refusal with a code (ApiError). Runs in the browser and in Node.
 */

export const ROLES = ['admin', 'planner', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Admins and planners change projects; reviewers and viewers read them (README "Team server"). */
export function canWrite(role: Role): boolean {
  return role === 'admin' || role === 'planner';
}

export interface TeamUser {
  name: string;
  role: Role;
}

export interface ProjectListItem {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  /** The user's role in the project (admins: owner). */
  role?: 'owner' | 'planner' | 'reviewer' | 'viewer';
  /** Comments by others the user has not read. */
  unreadComments?: number;
}

export interface RevisionInfo {
  revision: number;
  author: string;
  at: string;
  summary: string;
  restoredFrom?: number | null;
}

/** A project as the server holds it at one revision: the project file's JSON (unchecked). */
export interface RemoteProject {
  revision: number;
  file: unknown;
}

export type SaveReply =
  | { ok: true; revision: number; summary: string; at: string; unchanged: boolean }
  /** 409: the project moved on; `head` is who saved the current revision. */
  | { ok: false; head: RevisionInfo };

/** The server or the network did not answer (or answered 5xx): keep the edits and retry. */
export class OfflineError extends Error {
  constructor(readonly detail: string) {
    super(`team server unreachable: ${detail}`);
  }
}

/** 401: no valid session any more (expired, logged out elsewhere, account disabled). */
export class AuthError extends Error {}

/** Any other refusal, with the API's error code (`forbidden`, `invalid-project`, `not-found` …) and body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

export type LoginReply = { ok: true; user: TeamUser } | { ok: false; code: 'bad-credentials' | 'too-many-attempts' | 'invalid-login' | string; retryAfterS?: number };

export interface ApiClientOptions {
  /** The API's base URL, ending in `/api/` (e.g. new URL('./api/', location.href)). */
  baseUrl: string | URL;
  /** This tab's id (X-Anju-Client). */
  clientId: string;
  fetch?: typeof fetch;
  /** Give up on a request after this long (a hung connection counts as offline); default 20 s. */
  timeoutMs?: number;
  /** Headers sent with every request, e.g. `Authorization: Bearer <token>` for a script (the app uses its session cookie). */
  headers?: Record<string, string>;
}

const revisionOf = (etag: string | null): number => Number(/"(\d+)"/.exec(etag ?? '')?.[1] ?? NaN);

export class ApiClient {
  readonly clientId: string;
  /** The session's CSRF token (from login or /api/me), sent with every write. */
  csrfToken: string | null = null;
  readonly #base: URL;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #headers: Record<string, string>;

  constructor(o: ApiClientOptions) {
    this.#base = new URL(o.baseUrl);
    this.clientId = o.clientId;
    this.#fetch = o.fetch ?? ((...a) => fetch(...a));
    this.#timeoutMs = o.timeoutMs ?? 20_000;
    this.#headers = o.headers ?? {};
  }

  /** The URL of an API path (`projects/ID/events`), for EventSource. */
  url(path: string): string {
    return new URL(path, this.#base).toString();
  }

  async #request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...this.#headers, ...init.headers };
    if (method !== 'GET') {
      // Opened offline (from this browser's copy), the page never learnt the session's CSRF
      // token: ask for it before the first write (a failure here shows in the write itself).
      if (!this.csrfToken && !headers.Authorization) await this.me().catch(() => undefined);
      headers['X-Anju-Client'] = this.clientId;
      if (this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.#timeoutMs);
    let res: Response;
    try {
      res = await this.#fetch(this.url(path), { method, headers, credentials: 'same-origin', cache: 'no-store', signal: ctl.signal, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    } catch (e) {
      throw new OfflineError(e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
    // A proxy in front of a stopped server answers 502/503/504: the server is away, not wrong.
    if (res.status >= 500) throw new OfflineError(`HTTP ${res.status}`);
    return res;
  }

  async #json<T>(res: Response): Promise<T> {
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) throw new OfflineError(`HTTP ${res.status}: not the team server's API (${type || 'no content type'})`);
    return (await res.json()) as T;
  }

  async #fail(res: Response): Promise<never> {
    if (res.status === 401) throw new AuthError('sign in again');
    let body: Record<string, unknown> = {};
    try {
      body = await this.#json<Record<string, unknown>>(res);
    } catch {
      /* not JSON: keep the status */
    }
    throw new ApiError(res.status, String(body.error ?? `http-${res.status}`), String(body.message ?? res.statusText), body);
  }

  /** Any other JSON call (review routes: src/state/review/review-api.ts); refusals throw as above. */
  async call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await this.#request(method, path, { body });
    if (!res.ok) return this.#fail(res);
    return (res.status === 204 ? undefined : await this.#json(res)) as T;
  }

  /** Is a team server answering here? Its store kind, or null (a static host, the dev server, no network). */
  async health(): Promise<{ store: string } | null> {
    try {
      const res = await this.#request('GET', 'health');
      if (!res.ok) return null;
      const body = await this.#json<{ status?: string; store?: string }>(res);
      return body.status === 'ok' ? { store: String(body.store) } : null;
    } catch {
      return null;
    }
  }

  /** Who is signed in (and the session's CSRF token), or null when nobody is. */
  async me(): Promise<TeamUser | null> {
    const res = await this.#request('GET', 'me');
    if (res.status === 401) return null;
    if (!res.ok) return this.#fail(res);
    const body = await this.#json<{ user: TeamUser; csrfToken?: string }>(res);
    this.csrfToken = body.csrfToken ?? null;
    return body.user;
  }

  async login(name: string, password: string): Promise<LoginReply> {
    const res = await this.#request('POST', 'login', { body: { name, password } });
    const body = await this.#json<{ user?: TeamUser; csrfToken?: string; error?: string; retryAfterS?: number }>(res);
    if (res.ok && body.user) {
      this.csrfToken = body.csrfToken ?? null;
      return { ok: true, user: body.user };
    }
    return { ok: false, code: body.error ?? `http-${res.status}`, ...(body.retryAfterS ? { retryAfterS: body.retryAfterS } : {}) };
  }

  async logout(): Promise<void> {
    await this.#request('POST', 'logout');
    this.csrfToken = null;
  }

  async listProjects(): Promise<ProjectListItem[]> {
    const res = await this.#request('GET', 'projects');
    if (!res.ok) return this.#fail(res);
    return this.#json(res);
  }

  async createProject(name: string, file: unknown): Promise<{ id: string; revision: number }> {
    const res = await this.#request('POST', `projects?name=${encodeURIComponent(name)}`, { body: file });
    if (!res.ok) return this.#fail(res);
    return this.#json(res);
  }

  /** The project's current revision. */
  async getProject(id: string): Promise<RemoteProject> {
    const res = await this.#request('GET', `projects/${encodeURIComponent(id)}`);
    if (!res.ok) return this.#fail(res);
    return { revision: revisionOf(res.headers.get('etag')), file: await this.#json(res) };
  }

  /** Save `file` as the revision after `baseRevision`; a stale base comes back as `{ ok: false, head }`. */
  async saveProject(id: string, baseRevision: number, file: unknown): Promise<SaveReply> {
    const res = await this.#request('PUT', `projects/${encodeURIComponent(id)}`, { body: file, headers: { 'If-Match': `"${baseRevision}"` } });
    if (res.status === 409) return { ok: false, head: await this.#json<RevisionInfo>(res) };
    if (!res.ok) return this.#fail(res);
    return { ok: true, ...(await this.#json<{ revision: number; summary: string; at: string; unchanged: boolean }>(res)) };
  }

  /** Newest first; `before` pages back. */
  async revisions(id: string, opts: { limit?: number; before?: number } = {}): Promise<RevisionInfo[]> {
    const q = new URLSearchParams();
    if (opts.limit) q.set('limit', String(opts.limit));
    if (opts.before) q.set('before', String(opts.before));
    const res = await this.#request('GET', `projects/${encodeURIComponent(id)}/revisions${q.size ? `?${q}` : ''}`);
    if (!res.ok) return this.#fail(res);
    return this.#json(res);
  }

  async revision(id: string, revision: number): Promise<RemoteProject> {
    const res = await this.#request('GET', `projects/${encodeURIComponent(id)}/revisions/${revision}`);
    if (!res.ok) return this.#fail(res);
    return { revision, file: await this.#json(res) };
  }

  /** Restore `revision` as a new revision on top of `baseRevision` (history is never rewritten). */
  async restore(id: string, revision: number, baseRevision: number): Promise<SaveReply> {
    const res = await this.#request('POST', `projects/${encodeURIComponent(id)}/revisions/${revision}/restore`, { headers: { 'If-Match': `"${baseRevision}"` } });
    if (res.status === 409) return { ok: false, head: await this.#json<RevisionInfo>(res) };
    if (!res.ok) return this.#fail(res);
    return { ok: true, ...(await this.#json<{ revision: number; summary: string; at: string; unchanged: boolean }>(res)) };
  }
}
