/**
 * The app opened from a real team server (`./bin/anju serve`, PGlite in a temp dir), in real
 * Chromium: sign-in, the project list, two planners in two browser contexts editing the same
 * project (an automatic merge, then a real conflict resolved in the merge dialog), live
 * updates, history (open read-only, compare, restore), a reviewer's read-only view, the server
 * stopped mid-work (edits queued, sent when it is back), a reload with queued edits, and the
 * built app opened from disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, connectBrowser, SCREENSHOTS, waitForMapIdle } from './support/harness.ts';
import { addMember, startTeamServer, TEAM_PASSWORD, type TeamServer } from './support/team-server.ts';
import { enterCell } from './support/alloc-page.ts';

let server: TeamServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let wang: Page; // 王工, planner
let li: Page; // 李工, planner
let projectUrl = '';

/** A planner's browser (its own cookies, storage and tabs). Software WebGL costs by the pixel: pages that are not photographed are smaller. */
async function newPage({ width = 1400, height = 900 } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', reducedMotion: 'reduce' }); // as harness.ts
  contexts.push(ctx);
  ctx.setDefaultTimeout(ACTION_TIMEOUT_MS);
  // Only the team server: the app needs nothing else.
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    // A test's own route (the network "going away") may have handled the request already.
    if (url.startsWith(`http://127.0.0.1:${server.port}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue().catch(() => undefined);
    return route.abort('internetdisconnected').catch(() => undefined);
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return page;
}

async function signIn(page: Page, name: string, password = TEAM_PASSWORD): Promise<void> {
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Open the project in the app, on the 住房供应 tab (the grid does not wait for the map). */
async function openProject(page: Page): Promise<void> {
  await page.goto(projectUrl);
  await page.locator('[data-tab="alloc"]').click({ timeout: 60_000 });
  await page.getByTestId('alloc-sidebar').waitFor();
  await poll(() => status(page).getAttribute('data-phase'), 60_000).toBe('synced');
}

/** Steps are slow on a shared machine with software WebGL: generous, but bounded. */
const SLOW = { timeout: 300_000 };
const poll = <T>(fn: () => T | Promise<T>, timeoutMs = 20_000) => expect.poll(fn, { timeout: timeoutMs });

const status = (page: Page) => page.getByTestId('team-status');
const cell = (page: Page, board: string, year: number) => page.getByTestId(`cell-${board}-${year}`).inputValue();
const synced = async (page: Page) => (await status(page).getAttribute('data-phase')) === 'synced';
/** The revision the page's copy is based on. */
const rev = async (page: Page) => Number(await status(page).getAttribute('data-revision'));
/** Revisions met along the way (the server numbers them; two quick edits may be one save or two). */
const R = { merged: 0, resolved: 0 };

beforeAll(async () => {
  server = await startTeamServer([
    ['王工', 'planner'],
    ['李工', 'planner'],
    ['张审', 'reviewer'],
  ]);
  browser = await connectBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('signing in and the project list', () => {
  it('shows a Chinese login page, refuses a wrong password, then lists projects and creates one', SLOW, async () => {
    wang = await newPage();
    await wang.goto(server.url);
    await wang.getByTestId('login-page').waitFor();
    expect(await wang.locator('h1').textContent()).toBe('登录安居团队服务器');
    await wang.screenshot({ path: SCREENSHOTS + 'team-login.png' });
    await signIn(wang, '王工', 'wrong password');
    await poll(() => wang.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await signIn(wang, '王工');
    await wang.getByTestId('projects-empty').waitFor();
    await wang.getByTestId('new-project-name').fill('十五五住房布局');
    await wang.getByTestId('new-project').click();
    await wang.waitForURL(/\?project=/);
    projectUrl = wang.url();
    // Projects are seen by their members only: 李工 plans it with 王工, 张审 reviews it.
    const projectId = new URL(projectUrl).searchParams.get('project')!;
    addMember(server.dataDir, projectId, '李工', 'planner');
    addMember(server.dataDir, projectId, '张审', 'reviewer');
    await waitForMapIdle(wang);
    await poll(() => status(wang).textContent()).toContain('已同步 · 修订 1');
    expect(await wang.getByTestId('team-project-name').textContent()).toBe('十五五住房布局');
    expect(await wang.getByTestId('team-user').textContent()).toContain('王工 · 负责人'); // the project's role: its creator owns it
  });
});

describe('two planners on the same project (two browser contexts)', () => {
  it('edits to different cells merge automatically, say so, and reach the other planner live', SLOW, async () => {
    li = await newPage();
    await li.goto(server.url);
    await signIn(li, '李工');
    await li.getByTestId('projects').waitFor();
    await li.screenshot({ path: SCREENSHOTS + 'team-projects.png' });
    expect(await li.locator('[data-testid="projects"] tbody tr').first().textContent()).toContain('十五五住房布局');
    expect(await li.getByTestId('project-role').first().textContent()).toBe('规划师'); // the project's role, not the account's
    await openProject(li);
    await openProject(wang);
    // 李工 goes quiet on the network for a moment (the edits wait), while 王工 saves.
    await li.route('**/api/projects/**', (r) => r.abort('internetdisconnected'));
    await enterCell(li, 'wutian', 2021, '700');
    await poll(() => status(li).getAttribute('data-phase')).toBe('offline');
    expect(await status(li).textContent()).toContain('离线，1 处修改待同步');
    await enterCell(wang, 'jiucheng', 2021, '500');
    await poll(() => status(wang).textContent(), 10_000).toContain('修订 2');
    // Back online: 李工's save is refused (revision 2 is newer), merged with 王工's edit, and saved.
    await li.unroute('**/api/projects/**');
    await li.getByTestId('team-retry').click();
    await poll(() => status(li).textContent(), 15_000).toContain('已同步 · 修订 3');
    R.merged = 3;
    const merged = li.locator('[data-testid="team-notice"][data-kind="merged"]');
    await poll(() => merged.textContent()).toContain('已自动合并：王工 的修改与你的 1 处修改互不相关，两边都已保留');
    expect(await merged.textContent()).toContain('旧城 2021 新建普通商品住房 +500');
    expect([await cell(li, 'jiucheng', 2021), await cell(li, 'wutian', 2021)]).toEqual(['500', '700']);
    // 王工 hears of it within seconds, and the view follows (no edits of his own there).
    const remote = wang.locator('[data-testid="team-notice"][data-kind="remote"]');
    await poll(() => remote.textContent(), 10_000).toContain('李工 保存了修订 3');
    expect(await remote.textContent()).toContain('梧田 2021 新建普通商品住房 +700');
    await poll(() => cell(wang, 'wutian', 2021)).toBe('700');
    expect(await status(wang).textContent()).toContain('修订 3');
  });

  it('a real conflict (the same cell) is shown beside each side and resolved cell by cell in the merge dialog', SLOW, async () => {
    await li.route('**/api/projects/**', (r) => r.abort('internetdisconnected'));
    await enterCell(li, 'jiucheng', 2021, '900'); // conflicts with 王工 below
    await enterCell(li, 'qidu', 2022, '60'); // touches nothing of his
    await poll(() => status(li).textContent()).toContain('离线，2 处修改待同步');
    await enterCell(wang, 'jiucheng', 2021, '800');
    await enterCell(wang, 'wutian', 2022, '30');
    await poll(async () => (await synced(wang)) && (await rev(wang)) > R.merged).toBe(true);
    const wangRev = await rev(wang);
    await li.unroute('**/api/projects/**');
    await li.getByTestId('team-retry').click();
    const dialog = li.getByTestId('merge-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await status(li).getAttribute('data-phase')).toBe('conflict');
    const row = dialog.getByTestId('merge-conflict');
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe('方案一 · 旧城 · 2021 · 新建普通商品住房');
    expect(await row.locator('td').allTextContents()).toEqual(['500 套', '800 套', '900 套', expect.stringContaining('用他们的')]);
    expect(await dialog.getByTestId('merge-theirs').textContent()).toContain('梧田 2022 新建普通商品住房 +30');
    expect(await dialog.getByTestId('merge-mine').textContent()).toContain('七都 2022 新建普通商品住房 +60');
    expect(await dialog.textContent()).toContain('王工 在你编辑期间保存了新的修订');
    await row.getByTestId('merge-take-theirs').check();
    await li.screenshot({ path: SCREENSHOTS + 'team-merge.png' });
    await dialog.getByTestId('merge-apply').click();
    await poll(() => status(li).textContent(), 15_000).toContain(`已同步 · 修订 ${wangRev + 1}`);
    R.resolved = wangRev + 1;
    expect([await cell(li, 'jiucheng', 2021), await cell(li, 'qidu', 2022), await cell(li, 'wutian', 2022)]).toEqual(['800', '60', '30']);
    await poll(() => li.locator('[data-testid="team-notice"][data-kind="merged"]').last().textContent()).toContain('已按你的选择合并 1 处冲突并保存');
    // 王工's view follows: his value kept (李工 took it), 李工's other edit arrived.
    await poll(() => cell(wang, 'qidu', 2022), 10_000).toBe('60');
    expect(await cell(wang, 'jiucheng', 2021)).toBe('800');
  });

  it('two tabs of the same planner are two writers too', SLOW, async () => {
    const second = await wang.context().newPage();
    await openProject(second);
    expect(await cell(second, 'qidu', 2022)).toBe('60');
    await second.route('**/api/projects/**', (r) => r.abort('internetdisconnected'));
    await enterCell(second, 'xincheng', 2023, '11');
    await enterCell(wang, 'yangshuang', 2023, '22');
    await poll(async () => (await synced(wang)) && (await rev(wang)) > R.resolved).toBe(true);
    const wangRev = await rev(wang);
    await second.unroute('**/api/projects/**');
    await second.getByTestId('team-retry').click();
    await poll(() => status(second).textContent(), 15_000).toContain(`已同步 · 修订 ${wangRev + 1}`);
    expect([await cell(second, 'xincheng', 2023), await cell(second, 'yangshuang', 2023)]).toEqual(['11', '22']);
    await poll(() => cell(wang, 'xincheng', 2023), 10_000).toBe('11');
    await second.close();
  });
});

describe('history', () => {
  it('lists every revision with author, time and summary; opens one read-only; compares two; restores one as a new revision', SLOW, async () => {
    await poll(() => synced(wang)).toBe(true);
    const head = await rev(wang);
    await wang.getByTestId('team-history').click();
    const items = wang.getByTestId('history-item');
    await poll(() => items.count()).toBe(head);
    expect(await items.first().textContent()).toMatch(new RegExp(`修订 ${head}\\s*当前 · 王工 · \\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d`));
    expect(await wang.locator('[data-revision="2"] [data-testid="history-summary"]').textContent()).toBe('旧城 2021 新建普通商品住房 +500');
    expect(await wang.locator('[data-revision="3"]').textContent()).toContain('李工');
    // Revision 2, read-only: its values, and an edit is refused with a reason.
    await wang.locator('[data-revision="2"]').getByTestId('history-view').click();
    await wang.getByTestId('revision-banner').waitFor();
    expect(await wang.getByTestId('revision-banner').textContent()).toContain('正在查看修订 2（王工');
    await poll(() => cell(wang, 'wutian', 2021)).toBe('');
    expect(await cell(wang, 'jiucheng', 2021)).toBe('500');
    await enterCell(wang, 'jiucheng', 2021, '123');
    await poll(() => wang.getByTestId('read-only-refused').textContent()).toContain('只读：正在查看修订 2');
    expect(await cell(wang, 'jiucheng', 2021)).toBe('500');
    await wang.screenshot({ path: SCREENSHOTS + 'team-history.png' });
    await wang.getByTestId('revision-back').click();
    await poll(() => cell(wang, 'jiucheng', 2021)).toBe('800');
    expect(await status(wang).textContent()).toContain(`已同步 · 修订 ${head}`); // looking changed nothing
    // Compare revision 2 with the one where the conflict was resolved, in the scenario comparison (table and diverging map).
    await wang.locator(`[data-revision="${R.resolved}"]`).getByTestId('history-pick').check();
    await wang.locator('[data-revision="2"]').getByTestId('history-pick').check();
    await wang.getByTestId('history-compare').click();
    await wang.getByTestId('version-diff').waitFor();
    expect(await wang.getByTestId('version-diff').textContent()).toContain(`A：修订 2\u3000B：修订 ${R.resolved}`);
    const changes = wang.getByTestId('history-changes');
    await poll(() => changes.textContent()).toContain(`修订 2 → ${R.resolved} 的全部变化（4 处）`);
    expect(await changes.textContent()).toContain('旧城 2021 新建普通商品住房 +300');
    await waitForMapIdle(wang);
    await wang.screenshot({ path: SCREENSHOTS + 'team-compare.png' });
    await wang.getByTestId('version-diff-exit').click();
    // Restore revision 2: a new revision with its content; nothing is rewritten.
    await wang.locator('[data-revision="2"]').getByTestId('history-restore').click();
    await wang.locator('[data-revision="2"]').getByTestId('history-restore-confirm').click();
    await poll(() => status(wang).textContent(), 15_000).toContain(`已同步 · 修订 ${head + 1}`);
    await poll(() => items.first().textContent()).toContain('恢复自修订 2');
    expect(await items.count()).toBe(head + 1);
    expect(await cell(wang, 'wutian', 2021)).toBe('');
    await poll(() => cell(li, 'wutian', 2021), 10_000).toBe(''); // and 李工 follows live
    await wang.getByTestId('team-history').click();
  });
});

describe('a reviewer', () => {
  it('reads the project but cannot change it', SLOW, async () => {
    const zhang = await newPage({ width: 1000, height: 700 });
    await zhang.goto(server.url);
    await signIn(zhang, '张审');
    await zhang.getByTestId('projects').waitFor();
    expect(await zhang.getByTestId('new-project').count()).toBe(0);
    expect(await zhang.getByTestId('projects-cannot-create').textContent()).toContain('你的账户角色（审阅者）不能新建项目');
    expect(await zhang.getByTestId('project-role').first().textContent()).toBe('审阅者');
    await openProject(zhang);
    expect(await cell(zhang, 'jiucheng', 2021)).toBe('500');
    await enterCell(zhang, 'jiucheng', 2021, '1');
    await poll(() => zhang.getByTestId('read-only-refused').textContent()).toContain('审阅者可以查看，不能修改项目');
    expect(await cell(zhang, 'jiucheng', 2021)).toBe('500');
    expect(await status(zhang).textContent()).toContain(`已同步 · 修订 ${await rev(wang)}`);
    await zhang.context().close();
  });
});

describe('offline first', () => {
  it('keeps working while the server is stopped: edits queue visibly and all arrive when it is back', SLOW, async () => {
    await server.stop();
    await enterCell(wang, 'qidu', 2024, '41');
    await enterCell(wang, 'wutian', 2024, '42');
    await enterCell(li, 'jingxin', 2024, '43');
    await poll(() => status(wang).textContent(), 15_000).toContain('离线，2 处修改待同步');
    await poll(() => status(li).textContent(), 15_000).toContain('离线，1 处修改待同步');
    await wang.screenshot({ path: SCREENSHOTS + 'team-offline.png' });
    await enterCell(wang, 'qidu', 2025, '44');
    await poll(() => status(wang).textContent()).toContain('离线，3 处修改待同步');
    await server.start();
    // No click: the live stream reconnects (or the retry fires) and the queue is sent.
    await poll(() => synced(wang), 40_000).toBe(true);
    await poll(() => synced(li), 40_000).toBe(true);
    await poll(() => cell(li, 'qidu', 2025), 15_000).toBe('44');
    await poll(() => cell(wang, 'jingxin', 2024), 15_000).toBe('43');
    // What the server holds now: every edit.
    const head = await wang.evaluate(async (url) => (await fetch(url)).json(), projectUrl.replace(/\?project=(.*)$/, 'api/projects/$1'));
    const units = (b: string, y: number) => head.scenarios[0].allocations.find((c: { boardId: string; year: number; type: string }) => c.boardId === b && c.year === y && c.type === 'commercial')?.units;
    expect([units('qidu', 2024), units('wutian', 2024), units('jingxin', 2024), units('qidu', 2025)]).toEqual([41, 42, 43, 44]);
  });

  it('a reload with edits still queued loses none: they come back from this browser and are sent', SLOW, async () => {
    await wang.context().route('**/api/**', (r) => r.abort('internetdisconnected'));
    await enterCell(wang, 'konggang', 2023, '51');
    await poll(() => status(wang).textContent(), 15_000).toContain('离线，1 处修改待同步');
    await wang.reload();
    await waitForMapIdle(wang);
    await wang.locator('[data-tab="alloc"]').click();
    await poll(() => status(wang).textContent(), 15_000).toContain('离线，1 处修改待同步');
    expect(await cell(wang, 'konggang', 2023)).toBe('51');
    await wang.context().unroute('**/api/**');
    await wang.getByTestId('team-retry').click();
    await poll(() => synced(wang), 20_000).toBe(true);
    await poll(() => cell(li, 'konggang', 2023), 15_000).toBe('51');
  });
});

describe('the built app opened from disk', () => {
  it('is not a blank page: it says how to open Anju', SLOW, async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(new URL('../../dist/index.html', import.meta.url).href);
    const note = page.locator('#file-protocol-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('./bin/anju serve');
    await page.screenshot({ path: SCREENSHOTS + 'team-file-protocol.png' });
    await page.context().close();
  });
});
