/**
 * No edit lost between tabs, in the built app in real Chromium with real IndexedDB: two pages
 * of one browser context (two tabs of one browser) edit the same project. Tab B has no
 * BroadcastChannel, so it never hears of A's saves: its write meets a store that moved on and
 * must merge (the conditional write, not the announcement, is what keeps A's edit). A reload
 * finds both tabs' cells and 附件1 ticks; a cell both tabs changed is shown with both values;
 * data another tab stored that fails the checks is quarantined, neither merged nor written over.
 *
 * The tests run in order on the same two tabs, so the file loads the app three times in all
 * (two tabs opened, one reload): in SwiftShader a page load is most of the time it takes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, SCREENSHOTS, type Harness } from './support/harness.ts';
import { enterCell } from './support/alloc-page.ts';
import { readStored, storedCells } from './support/stored-project.ts';

let h: Harness;
let a: Page;
let b: Page;

beforeAll(async () => {
  h = await startHarness();
  a = await h.newPage({ width: 1280, height: 800 });
  b = await h.newPage({ context: a.context() });
  // Tab B hears nothing from other tabs (as in a browser without BroadcastChannel).
  await b.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
  await Promise.all([openAlloc(a), openAlloc(b)]); // both tabs load the same (empty) store
});
afterAll(async () => {
  await h?.close();
});

async function openAlloc(p: Page): Promise<void> {
  await p.goto(h.baseUrl);
  await p.locator('[data-tab="alloc"]').click();
  await p.getByTestId('alloc-sidebar').waitFor();
}
const saveState = (p: Page) => p.getByTestId('save-status').getAttribute('data-state');
const saved = (p: Page) => expect.poll(() => saveState(p), { timeout: 15_000 }).toBe('saved');
const cell = (p: Page, board: string, year: number) => p.getByTestId(`cell-${board}-${year}`).inputValue();
/** The tab comes to the front: it reads what other tabs saved meanwhile. */
async function focus(p: Page): Promise<void> {
  await p.bringToFront();
  await p.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}
async function renovation(p: Page, key: string) {
  const details = p.getByTestId('renovation').locator('xpath=..');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return p.getByTestId(`reno-${key}`);
}

/**
 * Save as another tab would, through IndexedDB itself with the app's revision rules: 七都 2023 =
 * `units` in the first scenario, and a population layer of a kind no version of the app writes.
 */
function saveDamaged(p: Page, units: number): Promise<void> {
  return p.evaluate(
    (units) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('anju');
        req.onsuccess = () => {
          const tx = req.result.transaction(['scenarios', 'slices', 'meta'], 'readwrite');
          const meta = tx.objectStore('meta');
          const rev = meta.get('revision');
          rev.onsuccess = () => {
            const at = Number(rev.result ?? 0);
            meta.add(true, ['built-on', at]);
            meta.put(at + 1, 'revision');
          };
          const scenarios = tx.objectStore('scenarios');
          const all = scenarios.getAll();
          all.onsuccess = () => {
            const s = all.result[0] as { allocations: { boardId: string; year: number; type: string }[] };
            const others = s.allocations.filter((c) => !(c.boardId === 'qidu' && c.year === 2023 && c.type === 'commercial'));
            scenarios.put({ ...s, allocations: [...others, { boardId: 'qidu', year: 2023, type: 'commercial', units }] });
          };
          tx.objectStore('slices').put({ kind: 'nonsense' }, 'population');
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    units,
  );
}

describe('two tabs of one browser', () => {
  it('keeps 旧城 2021 = 500 from tab A and 梧田 2021 = 700 from tab B, and both tabs’ 附件1 ticks, after a reload', async () => {
    await enterCell(a, 'jiucheng', 2021, '500');
    await (await renovation(a, '鹿城区|comprehensive|2021')).check();
    await saved(a);
    await enterCell(b, 'wutian', 2021, '700');
    await (await renovation(b, '龙湾区|comprehensive|2022')).check();
    await saved(b);
    // B merged A's saved edits into its own before writing, and says so.
    await expect.poll(() => cell(b, 'jiucheng', 2021)).toBe('500');
    await expect.poll(() => b.getByTestId('sync-merged').first().textContent()).toContain('旧城');
    // A hears nothing from B: it reads the store when it comes to the front again.
    await focus(a);
    await expect.poll(() => cell(a, 'wutian', 2021)).toBe('700');
    await b.reload();
    await b.locator('[data-tab="alloc"]').click();
    await expect.poll(() => cell(b, 'jiucheng', 2021)).toBe('500');
    expect(await cell(b, 'wutian', 2021)).toBe('700');
    expect(await (await renovation(b, '鹿城区|comprehensive|2021')).isChecked()).toBe(true);
    expect(await (await renovation(b, '龙湾区|comprehensive|2022')).isChecked()).toBe(true);
    expect(await saveState(b)).toBe('saved');
  });

  it('shows a cell both tabs changed with both values, keeps this tab’s, and takes the other’s as an undoable change', async () => {
    await enterCell(a, 'jiucheng', 2022, '1200');
    await saved(a);
    await enterCell(b, 'jiucheng', 2022, '1500');
    const panel = b.getByTestId('sync-conflicts');
    await panel.waitFor();
    await saved(b);
    const row = panel.getByTestId('sync-conflict');
    expect(await row.locator('th').textContent()).toBe('方案一 · 旧城 · 2022 · 新建普通商品住房');
    expect(await row.getByTestId('sync-mine').textContent()).toBe('1,500 套');
    expect(await row.getByTestId('sync-theirs').textContent()).toBe('1,200 套');
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

  it('quarantines data another tab saved that fails the checks: this tab keeps its own project, writes nothing until the choice, then merges what is readable', async () => {
    await saveDamaged(b, 77);
    await focus(a);
    const banner = a.getByTestId('storage-quarantine');
    await banner.waitFor();
    expect(await banner.getAttribute('data-found')).toBe('tab');
    expect(await banner.textContent()).toContain('另一窗口保存的项目数据无法读取');
    expect(await banner.textContent()).toContain('字段 population');
    expect(await saveState(a)).toBe('quarantined');
    expect(await cell(a, 'jiucheng', 2021)).toBe('500'); // not merged: this tab shows its own project
    expect(await cell(a, 'qidu', 2023)).toBe('');
    // An edit now is not written: the other tab's data stays exactly as it was.
    await enterCell(a, 'etdz', 2021, '55');
    await a.waitForTimeout(1500);
    const kept = await readStored(a);
    expect(kept.slices.population).toEqual({ kind: 'nonsense' });
    expect(storedCells(kept.scenarios)).toContain('qidu 2023 77');
    expect(storedCells(kept.scenarios).some((c) => c.startsWith('etdz'))).toBe(false);
    await a.screenshot({ path: SCREENSHOTS + 'tabs-quarantine.png' });

    // The other tab saves again before this one chooses: the choice is not carried out over data it has not seen.
    await saveDamaged(b, 88);
    await a.getByTestId('quarantine-recover').click();
    await expect.poll(() => banner.textContent()).toContain('另一窗口在此期间又保存了数据');
    expect(await saveState(a)).toBe('quarantined');
    expect(storedCells((await readStored(a)).scenarios)).toContain('qidu 2023 88');
    // Merge what is readable: the other tab's 七都 2023 joins this tab's 经开区 2021; the damaged original is set aside.
    await a.getByTestId('quarantine-recover').click();
    await a.getByTestId('storage-recovered').waitFor();
    await saved(a);
    expect([await cell(a, 'etdz', 2021), await cell(a, 'qidu', 2023), await cell(a, 'jiucheng', 2022)]).toEqual(['55', '88', '1,200']);
    const after = await readStored(a);
    expect(after.quarantine).toHaveLength(1); // the copy with 88, as it was when set aside
    expect(after.quarantine[0].stored.population).toEqual({ kind: 'nonsense' });
    expect(storedCells(after.quarantine[0].stored.scenarios)).toContain('qidu 2023 88');
    expect(after.slices.population).not.toEqual({ kind: 'nonsense' });
    expect(storedCells(after.scenarios)).toEqual(expect.arrayContaining(['etdz 2021 55', 'qidu 2023 88', 'jiucheng 2022 1200']));
    // The other tab carries on from what this one stored.
    await focus(b);
    await expect.poll(() => cell(b, 'etdz', 2021)).toBe('55');
    expect(await b.locator('[data-testid="storage-quarantine"]').count()).toBe(0);
  });
});
