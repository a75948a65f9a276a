/**
 * Review on a real team server (`./bin/anju serve`), in real Chromium, with three signed-in
 * contexts and one without an account: the owner makes the others members in the review
 * panel; the reviewer comments on a board, a grid cell, a target gauge, a point picked on the
 * map and (after the planner's edit) a rule warning;
 * the planner sees the unread count, answers and edits the cell; the reviewer sees what
 * changed since, resolves and signs off; the owner creates a meeting link that opens
 * presentation mode in a logged-out context and stops working once revoked. Comment text with
 * markup is shown as text. Screenshots: the review panel, the map markers, the grid marker.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, connectBrowser, SCREENSHOTS, waitForMapIdle } from './support/harness.ts';
import { startTeamServer, TEAM_PASSWORD, type TeamServer } from './support/team-server.ts';
import { enterCell } from './support/alloc-page.ts';

let server: TeamServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let projectUrl = '';

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' }); // as harness.ts
  contexts.push(ctx);
  ctx.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`http://127.0.0.1:${server.port}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return page;
}

async function signIn(page: Page, name: string): Promise<void> {
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(TEAM_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Sign in on the project's address, wait for the map, open the 住房供应 tab and the review panel. */
async function openProject(page: Page, name: string): Promise<void> {
  await page.goto(projectUrl);
  await signIn(page, name);
  await page.getByTestId('team-bar').waitFor({ timeout: 60_000 });
  await waitForMapIdle(page);
  await page.locator('[data-tab="alloc"]').click();
  await page.getByTestId('alloc-sidebar').waitFor();
  await page.getByTestId('review-button').click();
  await page.getByTestId('review-panel').waitFor();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTeamServer([
      ['王工', 'planner'],
      ['李工', 'planner'],
      ['张审', 'reviewer'],
    ]),
    connectBrowser(),
  ]);
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

it('reviews a plan with an owner, a planner and a reviewer, and shows it at a meeting through a link', { timeout: 300_000 }, async () => {
  // The owner creates the project and makes 李工 its planner and 张审 its reviewer.
  const owner = await newPage();
  await owner.goto(server.url);
  await signIn(owner, '王工');
  await owner.getByTestId('new-project-name').fill('十五五审阅');
  await owner.getByTestId('new-project').click();
  await owner.waitForURL(/\?project=/);
  projectUrl = owner.url();
  // In the review panel's member list; the bar shows the role in this project, not the account's (planner).
  await owner.getByTestId('team-bar').waitFor({ timeout: 60_000 });
  expect(await owner.getByTestId('team-user').textContent()).toBe('王工 · 负责人');
  await owner.getByTestId('review-button').click();
  await owner.locator('[data-testid="review-members"] summary').first().click();
  const addMember = async (name: string, role: string) => {
    await owner.getByTestId('review-member-name').fill(name);
    await owner.getByTestId('review-member-new-role').selectOption(role);
    await owner.getByTestId('review-member-add').click();
  };
  await addMember('李工', 'planner');
  await owner.locator('[data-testid="review-member"][data-name="李工"]').waitFor();
  await addMember('张审', 'viewer');
  await owner.locator('[data-testid="review-member"][data-name="张审"]').waitFor();
  await addMember('赵某', 'planner'); // no such account: said so, nothing changes
  await expect.poll(() => owner.getByTestId('review-member-error').textContent()).toBe('没有名为「赵某」的可用账户。');
  await owner.locator('[data-testid="review-member"][data-name="张审"] [data-testid="review-member-role"]').selectOption('reviewer');
  await expect.poll(() => owner.locator('[data-testid="review-member"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-name')}:${e.getAttribute('data-role')}`))).toEqual(['王工:owner', '李工:planner', '张审:reviewer']);
  await owner.locator('[data-testid="review-members"] .history summary').click();
  await expect.poll(() => owner.getByTestId('review-access-history').locator('li').count()).toBe(4); // 王工 created it, 李工 and 张审 added, 张审 changed
  expect(await owner.getByTestId('review-access-history').textContent()).toContain('王工 将 张审 的角色由查看者改为审阅者');
  await owner.getByTestId('review-panel').screenshot({ path: SCREENSHOTS + 'review-members.png' });

  // The reviewer comments on the board 七都 and on its 2023 cell (markup stays text).
  const reviewer = await newPage();
  await openProject(reviewer, '张审');
  expect(await reviewer.getByTestId('review-role').textContent()).toContain('审阅者');
  await reviewer.locator('tr[data-board="qidu"] th button').click();
  await reviewer.getByTestId('review-text').fill('七都的配套跟得上吗？<b>请说明</b>');
  await reviewer.getByTestId('review-target-board').check();
  await reviewer.getByTestId('review-send').click();
  await expect.poll(() => reviewer.getByTestId('review-item').count()).toBe(1);
  await reviewer.getByTestId('cell-qidu-2023').focus();
  await reviewer.getByTestId('review-target-cell').check();
  await reviewer.getByTestId('review-text').fill('@李工 七都 2023 商品住房是否偏低？');
  await reviewer.getByTestId('review-send').click();
  await expect.poll(() => reviewer.getByTestId('review-item').count()).toBe(2);
  expect(await reviewer.locator('td[data-comments="1"]').count()).toBe(1);
  expect(await reviewer.getByTestId('review-panel').locator('b').count()).toBe(0);
  expect(await reviewer.getByTestId('review-panel').textContent()).toContain('<b>请说明</b>');
  // … on a target gauge (its comment button), and on a point picked on the map.
  const gaugeComment = reviewer.locator('article[data-testid^="gauge-"] [data-testid="comment-on"]').first();
  await gaugeComment.click();
  await reviewer.getByTestId('review-target-target').check();
  await reviewer.getByTestId('review-text').fill('目标口径是全市，这里只算了市区板块？');
  await reviewer.getByTestId('review-send').click();
  await expect.poll(() => gaugeComment.getAttribute('data-open')).toBe('1');
  await reviewer.getByTestId('review-pick-point').click();
  await reviewer.getByTestId('review-picking-point').waitFor();
  const box = (await reviewer.locator('.maplibregl-canvas').boundingBox())!;
  await reviewer.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await reviewer.getByTestId('review-target-point').check();
  await reviewer.getByTestId('review-text').fill('这里是否有学校用地？');
  await reviewer.getByTestId('review-send').click();
  await expect.poll(() => reviewer.getByTestId('review-item').count()).toBe(4);
  expect(await reviewer.locator('[data-testid="review-item"][data-kind="target"] .what').textContent()).toMatch(/^目标「.+」$/);
  expect(await reviewer.locator('[data-testid="review-item"][data-kind="point"] .what').textContent()).toMatch(/^地图上的点 \d{3}\.\d{4}, \d{2}\.\d{4}$/);
  await waitForMapIdle(reviewer);
  await reviewer.screenshot({ path: SCREENSHOTS + 'review-gauge-point.png' });

  // The planner sees two unread comments, answers the cell's, and edits the cell.
  const planner = await newPage();
  await openProject(planner, '李工');
  await expect.poll(() => planner.getByTestId('review-unread').textContent()).toBe('4');
  await planner.screenshot({ path: SCREENSHOTS + 'review-panel-planner.png' });
  await planner.locator('[data-testid="review-item"][data-kind="cell"]').click();
  await planner.getByTestId('review-reply-text').fill('已调到 1,500 套');
  await planner.getByTestId('review-reply-send').click();
  await planner.getByTestId('review-reply').waitFor();
  await expect.poll(() => planner.getByTestId('review-unread').textContent()).toBe('3');
  await enterCell(planner, 'qidu', 2023, '1500');
  await expect.poll(() => planner.getByTestId('team-status').textContent(), { timeout: 30_000 }).toContain('修订 2');

  // The reviewer sees the answer live, what changed since revision 1, resolves and signs off.
  await reviewer.getByTestId('review-filter-state').selectOption('all');
  await expect.poll(() => reviewer.getByTestId('review-unread').textContent(), { timeout: 30_000 }).toBe('1');
  await expect.poll(() => reviewer.getByTestId('team-status').textContent(), { timeout: 30_000 }).toContain('修订 2');
  // The edit raised rule warnings (the other key-expansion boards now get under 5 % of the supply): one gets a comment.
  const warningComment = reviewer.locator('[data-testid="rule-warning"] [data-testid="comment-on"]').first();
  await warningComment.click();
  await reviewer.getByTestId('review-target-rule').check();
  await reviewer.getByTestId('review-text').fill('其他重点拓展板块为何没有安排？');
  await reviewer.getByTestId('review-send').click();
  await expect.poll(() => warningComment.getAttribute('data-open')).toBe('1');
  expect(await reviewer.locator('[data-testid="review-item"][data-kind="rule"] .what').textContent()).toContain('规则提示「重点拓展板块重点安排新增住房供应」');
  await reviewer.locator('[data-testid="review-item"][data-kind="cell"]').click();
  await expect.poll(() => reviewer.getByTestId('review-since').textContent()).toContain('1,500');
  expect(await reviewer.getByTestId('review-reply').textContent()).toContain('已调到 1,500 套');
  await reviewer.getByTestId('review-resolve').click();
  await expect.poll(() => reviewer.getByTestId('review-thread').getAttribute('data-state')).toBe('resolved');
  await reviewer.getByTestId('review-signoff-ok').click();
  await expect.poll(() => reviewer.getByTestId('review-signoff').getAttribute('data-verdict')).toBe('reviewed');
  await reviewer.getByTestId('review-back').click();
  await reviewer.screenshot({ path: SCREENSHOTS + 'review-panel-reviewer.png' });

  // The owner sees the open board comment on the map and the sign-off, and creates a meeting link: on the
  // page open since the project was made (no reload, one app load fewer), where the others' work arrives live.
  await owner.locator('[data-tab="alloc"]').click();
  await owner.getByTestId('alloc-sidebar').waitFor();
  await owner.getByTestId('review-panel').waitFor();
  await expect.poll(() => owner.getByTestId('review-signoff').textContent()).toContain('张审：审阅通过（修订 2）');
  await owner.getByTestId('review-filter-state').selectOption('open');
  await expect.poll(() => owner.getByTestId('review-item').count()).toBe(4);
  await owner.screenshot({ path: SCREENSHOTS + 'review-map-markers.png' });
  await owner.getByTestId('review-link-mode').selectOption('present');
  await owner.getByTestId('review-link-create').click();
  const link = await owner.getByTestId('review-link-url').inputValue();
  expect(link).toMatch(/\?share=anjulink_[A-Za-z0-9_-]{43}$/);

  // A fourth context, signed in as nobody, opens the link in presentation mode.
  const guest = await newPage();
  await guest.goto(link);
  await guest.getByTestId('presenter').waitFor({ timeout: 60_000 });
  await waitForMapIdle(guest);
  await guest.screenshot({ path: SCREENSHOTS + 'review-meeting-link.png' });

  // Revoked, the link shows a clear page and no data.
  await owner.getByTestId('review-link-revoke').click();
  await expect.poll(() => owner.getByTestId('review-link').getAttribute('data-state')).toBe('revoked');
  await guest.reload();
  await guest.getByTestId('share-refused').waitFor();
  expect(await guest.getByTestId('share-refused').getAttribute('data-reason')).toBe('revoked');
  expect(await guest.locator('h1').textContent()).toBe('此会议链接已被撤销。');
  expect(await guest.getByTestId('alloc-sidebar').count()).toBe(0);
});
