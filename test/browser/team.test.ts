/**
 * The app opened from a real team server (`./bin/anju serve`, PGlite in a temp dir), in real
 * Chromium: sign-in, the project list, two planners in two browser contexts editing the same
 * project (an automatic merge, then a real conflict resolved in the merge dialog), live
 * updates, history (open read-only, compare, restore), a reviewer's read-only view, the server
 * stopped mid-work (edits queued, sent when it is back), a reload with queued edits, and the
 * built app opened from disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, SCREENSHOTS, waitForMapIdle } from './support/harness.ts';
import { startTeamServer, TEAM_PASSWORD, type TeamServer } from './support/team-server.ts';
import { enterCell } from './support/alloc-page.ts';

let server: TeamServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let wang: Page; // 王工, planner
let li: Page; // 李工, planner
let projectUrl = '';

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  contexts.push(ctx);
  // Only the team server: the app needs nothing else.
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`http://127.0.0.1:${server.port}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
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

/** Open the project in the app and wait for the map and the 住房供应 tab. */
async function openProject(page: Page): Promise<void> {
  await page.goto(projectUrl);
  await waitForMapIdle(page);
  await page.locator('[data-tab="alloc"]').click();
  await page.getByTestId('alloc-sidebar').waitFor();
}

const status = (page: Page) => page.getByTestId('team-status');
const cell = (page: Page, board: string, year: number) => page.getByTestId(`cell-${board}-${year}`).inputValue();
const synced = async (page: Page) => (await status(page).getAttribute('data-phase')) === 'synced';

beforeAll(async () => {
  server = await startTeamServer([
    ['王工', 'planner'],
    ['李工', 'planner'],
    ['张审', 'reviewer'],
  ]);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('signing in and the project list', () => {
  it('shows a Chinese login page, refuses a wrong password, then lists projects and creates one', async () => {
    wang = await newPage();
    await wang.goto(server.url);
    await wang.getByTestId('login-page').waitFor();
    expect(await wang.locator('h1').textContent()).toBe('登录安居团队服务器');
    await wang.screenshot({ path: SCREENSHOTS + 'team-login.png' });
    await signIn(wang, '王工', 'wrong password');
    await expect.poll(() => wang.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await signIn(wang, '王工');
    await wang.getByTestId('projects-empty').waitFor();
    await wang.getByTestId('new-project-name').fill('十五五住房布局');
    await wang.getByTestId('new-project').click();
    await wang.waitForURL(/\?project=/);
    projectUrl = wang.url();
    await waitForMapIdle(wang);
    await expect.poll(() => status(wang).textContent()).toContain('已同步 · 修订 1');
    expect(await wang.getByTestId('team-project-name').textContent()).toBe('十五五住房布局');
    expect(await wang.getByTestId('team-user').textContent()).toContain('王工 · 规划师');
  });
});
