/**
 * No edit lost between tabs, in the built app in real Chromium with real IndexedDB: two pages
 * of one browser context (two tabs of one browser) edit the same project. Tab B has no
 * BroadcastChannel, so it never hears of A's saves: its write meets a store that moved on and
 * must merge (the conditional write, not the announcement, is what keeps A's edit). A reload
 * finds both tabs' cells and 附件1 ticks; a cell both tabs changed is shown with both values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, SCREENSHOTS, type Harness } from './support/harness.ts';
import { enterCell } from './support/alloc-page.ts';

let h: Harness;
let a: Page;
let b: Page;

beforeAll(async () => {
  h = await startHarness();
  a = await h.newPage();
  b = await h.newPage({ context: a.context() });
  // Tab B hears nothing from other tabs (as in a browser without BroadcastChannel).
  await b.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
});
afterAll(async () => {
  await h?.close();
});

async function openAlloc(p: Page): Promise<void> {
  await p.goto(h.baseUrl);
  await p.locator('[data-tab="alloc"]').click();
  await p.getByTestId('alloc-sidebar').waitFor();
}
const saved = (p: Page) => expect.poll(() => p.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
const cell = (p: Page, board: string, year: number) => p.getByTestId(`cell-${board}-${year}`).inputValue();
async function tick(p: Page, key: string): Promise<void> {
  const details = p.getByTestId('renovation').locator('xpath=..');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await p.getByTestId(`reno-${key}`).check();
}
const ticked = async (p: Page, key: string) => {
  const details = p.getByTestId('renovation').locator('xpath=..');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return p.getByTestId(`reno-${key}`).isChecked();
};

describe('two tabs of one browser', () => {
  it('keeps 旧城 2021 = 500 from tab A and 梧田 2021 = 700 from tab B, and both tabs’ 附件1 ticks, after a reload', async () => {
    await openAlloc(a);
    await openAlloc(b); // both tabs loaded the same stored project
    await enterCell(a, 'jiucheng', 2021, '500');
    await tick(a, '鹿城区|comprehensive|2021');
    await saved(a);
    await enterCell(b, 'wutian', 2021, '700');
    await tick(b, '龙湾区|comprehensive|2022');
    await saved(b);
    // B merged A's saved edits into its own before writing, and says so.
    await expect.poll(() => cell(b, 'jiucheng', 2021)).toBe('500');
    await expect.poll(() => b.getByTestId('sync-merged').first().textContent()).toContain('旧城');
    // A heard B's save (B announces nothing: A reads the store when it becomes visible again).
    await a.bringToFront();
    await a.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => cell(a, 'wutian', 2021)).toBe('700');
    await a.reload();
    await a.locator('[data-tab="alloc"]').click();
    await expect.poll(() => cell(a, 'jiucheng', 2021)).toBe('500');
    expect(await cell(a, 'wutian', 2021)).toBe('700');
    expect(await ticked(a, '鹿城区|comprehensive|2021')).toBe(true);
    expect(await ticked(a, '龙湾区|comprehensive|2022')).toBe(true);
    expect(await a.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
  });

  it('shows a cell both tabs changed with both values, keeps this tab’s, and takes the other’s as an undoable change', async () => {
    await openAlloc(b); // B starts from what is stored now
    await enterCell(a, 'jiucheng', 2022, '1200');
    await saved(a);
    await enterCell(b, 'jiucheng', 2022, '1500');
    const panel = b.getByTestId('sync-conflicts');
    await panel.waitFor();
    await saved(b);
    const row = panel.getByTestId('sync-conflict');
    expect(await row.locator('th').textContent()).toContain('旧城');
    expect(await row.getByTestId('sync-mine').textContent()).toContain('1,500');
    expect(await row.getByTestId('sync-theirs').textContent()).toContain('1,200');
    expect(await cell(b, 'jiucheng', 2022)).toBe('1,500'); // this tab's value kept and saved
    await b.screenshot({ path: SCREENSHOTS + 'tabs-conflict.png' });
    await row.getByTestId('sync-take').click();
    expect(await cell(b, 'jiucheng', 2022)).toBe('1,200');
    expect(await b.locator('[data-testid="sync-conflicts"]').count()).toBe(0);
    await b.keyboard.press('Control+z'); // one undoable change
    expect(await cell(b, 'jiucheng', 2022)).toBe('1,500');
    await b.keyboard.press('Control+Shift+z');
    expect(await cell(b, 'jiucheng', 2022)).toBe('1,200');
    await saved(b);
  });
});
