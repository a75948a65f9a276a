/**
 * The app's sync engine (src/state/team/project-sync.ts) against a real team server over real
 * HTTP: two writers merge automatically when they touch different cells, a real conflict is
 * resolved by the choices handed back, live saves update a copy without edits, edits wait
 * while the server is away and arrive on reconnect, and a closed tab's draft is adopted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './support/api-server.ts';
import { ApiClient } from '../../src/state/team/api-client.ts';
import { ProjectSync, NoCopyOfflineError, type MergeRequest, type SyncNotice, type SyncStatus } from '../../src/state/team/project-sync.ts';
import { memoryDraftStore, type DraftStore } from '../../src/state/team/draft.ts';
import { fileForServer, stateFromServer } from '../../src/state/team/server-files.ts';
import { initialProject } from '../../src/state/initial-project.ts';
import { defaultBoards } from '../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../src/data/allocation-data.ts';
import type { ProjectState } from '../../src/state/project.ts';
import { setAllocation } from '../../src/state/scenario-changes.ts';
import { liftScenarios } from '../../src/state/project.ts';
import { cellUnits } from '../../src/state/scenario.ts';
import type { Side } from '../../src/state/merge/merge-types.ts';

const defaults = (): ProjectState => initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
const S = 'scenario-1';
const units = (p: ProjectState, board: string, year: 2021 | 2022 | 2023 | 2024 | 2025 = 2023) => cellUnits(p.scenarios[0], board, year, 'affordable-rental');

interface Writer {
  sync: ProjectSync;
  copy: { state: ProjectState };
  statuses: SyncStatus[];
  notices: SyncNotice[];
  requests: MergeRequest[];
  /** What the merge dialog answers. */
  choose: (r: MergeRequest) => Record<string, Side>;
  edit(board: string, value: number, year?: 2021 | 2022 | 2023 | 2024 | 2025): void;
  idle(): Promise<void>;
}

let h: ApiHarness;
let projectId: string;

function writer(tabId: string, opts: { port?: number; drafts?: DraftStore; user?: 'planner' | 'admin'; alive?: (tab: string) => boolean } = {}): Writer {
  const role = opts.user ?? 'planner';
  const api = new ApiClient({ baseUrl: `http://127.0.0.1:${opts.port ?? h.port}/api/`, clientId: tabId, headers: { Authorization: `Bearer ${h.users[role].token}` }, timeoutMs: 3000 });
  const w: Writer = {
    copy: { state: defaults() },
    statuses: [],
    notices: [],
    requests: [],
    choose: () => ({}),
    sync: null as unknown as ProjectSync,
    edit(board, value, year = 2023) {
      w.copy.state = liftScenarios(setAllocation(S, board, year, 'affordable-rental', value)).apply(w.copy.state).state;
      w.sync.localChanged();
    },
    async idle() {
      await w.sync.flush();
    },
  };
  w.sync = new ProjectSync({
    api,
    drafts: opts.drafts ?? memoryDraftStore(),
    user: h.users[role].name,
    projectId,
    projectName: '测试',
    tabId,
    toState: (f) => stateFromServer(f, defaults()),
    toFile: fileForServer,
    getLocal: () => w.copy.state,
    setLocal: (s) => {
      w.copy.state = s;
    },
    resolve: async (r) => {
      w.requests.push(r);
      return w.choose(r);
    },
    onStatus: (s) => w.statuses.push(s),
    onNotice: (n) => w.notices.push(n),
    isTabAlive: async (t) => opts.alive?.(t) ?? false,
    pushDelayMs: 20,
    pushMaxWaitMs: 50,
    draftDelayMs: 10,
    retryMs: [100],
  });
  return w;
}

const head = async () => {
  const api = new ApiClient({ baseUrl: `http://127.0.0.1:${h.port}/api/`, clientId: 'reader', headers: { Authorization: `Bearer ${h.users.viewer.token}` } });
  const r = await api.getProject(projectId);
  return { revision: r.revision, state: stateFromServer(r.file, defaults()) };
};

describe('ProjectSync against a real server (PGlite)', () => {
  beforeAll(async () => {
    h = await startApi('pglite');
  });
  afterAll(async () => h?.close());

  beforeAll(async () => {
    const r = await h.call({ role: 'planner', via: 'token' }, 'POST', '/api/projects?name=%E6%B5%8B%E8%AF%95', { body: fileForServer(defaults()) });
    projectId = r.json.id;
    // The reader that checks the server's head is a member of the project (README "Roles").
    await h.members(projectId, { viewer: 'viewer' });
  });

  it('two writers editing different cells: the second save merges automatically and both cells reach the server', async () => {
    const a = writer('tab-a');
    const b = writer('tab-b');
    await a.sync.open();
    await b.sync.open();
    a.edit('qidu', 500);
    // Not "synced" while the edit waits for its push (a status that said so would be untrue).
    expect(a.statuses.at(-1)).toMatchObject({ phase: 'saving' });
    await a.idle();
    b.edit('wutian', 700);
    await b.idle();
    const h1 = await head();
    expect([units(h1.state, 'qidu'), units(h1.state, 'wutian')]).toEqual([500, 700]);
    expect(units(b.copy.state, 'qidu')).toBe(500); // b's copy now holds a's edit
    const merged = b.notices.find((n) => n.kind === 'merged');
    expect(merged).toMatchObject({ kind: 'merged', reason: 'server', conflicts: 0 });
    expect(b.requests).toEqual([]); // nothing to ask
    expect(b.statuses.at(-1)).toMatchObject({ phase: 'synced', revision: h1.revision, pendingCount: 0 });
    // a hears of b's save (the live event) and, having no edits, follows it.
    a.sync.remoteSaved(h1.revision, 'tab-b');
    await a.idle();
    expect(units(a.copy.state, 'wutian')).toBe(700);
    expect(a.notices.at(-1)).toMatchObject({ kind: 'remote', changes: [{ kind: 'cell', boardId: 'wutian', after: 700 }] });
    expect(a.sync.revision).toBe(h1.revision);
  });

  it('a real conflict: the same cell changed by both is handed to the dialog, and its choice is what is saved', async () => {
    const a = writer('tab-c');
    const b = writer('tab-d', { user: 'admin' });
    await a.sync.open();
    await b.sync.open();
    a.edit('qidu', 1111);
    a.edit('oujiangkou', 5);
    await a.idle();
    b.edit('qidu', 2222);
    b.edit('xincheng', 9);
    b.choose = (r) => Object.fromEntries(r.conflicts.map((c) => [c.id, 'theirs']));
    await b.idle();
    expect(b.requests).toHaveLength(1);
    const [req] = b.requests;
    expect(req.conflicts).toEqual([expect.objectContaining({ kind: 'cell', boardId: 'qidu', base: 500, mine: 2222, theirs: 1111 })]);
    expect(req.revisions[0]).toMatchObject({ author: 'planner-用户' });
    expect(req.theirChanges.map((c) => c.kind === 'cell' && c.boardId)).toEqual(['oujiangkou', 'qidu']);
    const h2 = await head();
    expect([units(h2.state, 'qidu'), units(h2.state, 'oujiangkou'), units(h2.state, 'xincheng')]).toEqual([1111, 5, 9]);
    expect(b.notices.find((n) => n.kind === 'merged')).toMatchObject({ conflicts: 1 });
  });

  it('offline: edits wait in the draft (pending count), then arrive when the server is back', async () => {
    const drafts = memoryDraftStore();
    // A port nobody listens on stands for the stopped server; the draft store is the browser's.
    const away = writer('tab-e', { drafts });
    await away.sync.open();
    const before = (await head()).revision;
    // Point a second writer with the same draft at a dead port: same tab after a reload while the server is away.
    const dead = writer('tab-e', { drafts, port: 9 });
    await dead.sync.open();
    dead.edit('qidu', 31);
    dead.edit('wutian', 32);
    await dead.idle();
    expect(dead.statuses.at(-1)).toMatchObject({ phase: 'offline', pendingCount: 2 });
    await dead.sync.close();
    expect((await head()).revision).toBe(before); // nothing reached the server
    // The server is reachable again: the tab reloads, finds its draft, and sends it.
    const back = writer('tab-e', { drafts });
    await back.sync.open();
    await back.idle();
    const h3 = await head();
    expect([units(h3.state, 'qidu'), units(h3.state, 'wutian')]).toEqual([31, 32]);
    expect(back.statuses.at(-1)).toMatchObject({ phase: 'synced', pendingCount: 0 });
  });

  it('offline with no copy in this browser: opening says so', async () => {
    await expect(writer('tab-f', { port: 9 }).sync.open()).rejects.toBeInstanceOf(NoCopyOfflineError);
  });

  it("a closed tab's unsent edits are adopted by the next tab and merged with what others saved meanwhile", async () => {
    const drafts = memoryDraftStore();
    const closed = writer('tab-g', { drafts, port: 9 });
    // Its copy came from the server earlier (the draft), then it went offline and edited.
    await drafts.put({ key: closed.sync.key, user: h.users.planner.name, projectId, projectName: '测试', tabId: 'tab-g', base: await head(), local: (await head()).state, pendingCount: 0, updatedAt: new Date().toISOString() });
    await closed.sync.open();
    closed.edit('jiucheng', 77, 2021);
    await closed.sync.close();
    // Someone else saves meanwhile.
    const other = writer('tab-h', { user: 'admin' });
    await other.sync.open();
    other.edit('qidu', 41);
    await other.idle();
    // A new tab (another id) opens the project: tab-g is not alive, so its draft is adopted.
    const next = writer('tab-i', { drafts });
    await next.sync.open();
    await next.idle();
    const h4 = await head();
    expect([units(h4.state, 'jiucheng', 2021), units(h4.state, 'qidu')]).toEqual([77, 41]);
    expect(await drafts.list(h.users.planner.name, projectId)).toHaveLength(1); // tab-g's draft is gone, tab-i's kept
  });

  it('restores an old revision as a new revision; a copy with edits sends them first', async () => {
    const w = writer('tab-j');
    await w.sync.open();
    const startRev = w.sync.revision;
    w.edit('qidu', 9999);
    expect(await w.sync.restore(1)).toBe(true);
    const h5 = await head();
    expect(h5.revision).toBe(startRev + 2); // the edit, then the restore
    expect(units(h5.state, 'qidu')).toBe(0);
    expect(units(w.copy.state, 'qidu')).toBe(0);
    expect(w.notices.at(-1)).toMatchObject({ kind: 'restored', from: 1, revision: h5.revision });
  });
});
