/**
 * Never lose work, in the built app in real Chromium with real IndexedDB: a reload a second
 * after an edit finds it; corrupt, newer-version and hostile project files are refused with
 * the project untouched; a saved project file reopens as one undoable change. Storage fails
 * for real, injected at the browser level, never through a mock store: damaged
 * data written into IndexedDB is quarantined and nothing is overwritten until the planner
 * chooses; a full quota (a small quota set through the DevTools protocol on an on-disk
 * profile, then filled for real) and a connection the browser closes (site data cleared) are
 * reported or survived; a view that fails to render shows its error and the ways on, while
 * saving carries on.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { useApp, ACTION_TIMEOUT_MS, SCREENSHOTS, CHROMIUM_ARGS, chromiumPath, type Harness } from './support/harness.ts';
import { hostileProjectFile } from '../support/hostile-projects.ts';
import { enterCell } from './support/alloc-page.ts';
import { fillStorage } from './support/fill-storage.ts';
import { readStored } from './support/stored-project.ts';

const FIX = new URL('../fixtures/allocation/', import.meta.url).pathname;
let h: Harness;
let page: Page;

async function openApp(p: Page): Promise<void> {
  await p.goto(h.baseUrl);
  await p.locator('[data-tab="alloc"]').click();
  await p.getByTestId('alloc-sidebar').waitFor();
}

/**
 * Until the page says its edits are written. An edit sets 'pending' at once, so this cannot pass on the state before
 * it; the limit is the autosave's time under load (expect.poll's default 1 s failed at load 15, session 8).
 */
const saved = (p: Page) => expect.poll(() => p.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
const names = () => page.locator('[data-testid="scenario"] .pick').allTextContents();

useApp(
  (app) => ({ h, page } = app),
  async (p) => {
    await p.locator('[data-tab="alloc"]').click();
    await p.getByTestId('alloc-sidebar').waitFor();
  },
);

describe('autosave to IndexedDB', () => {
  it('finds an edit and a 附件1 tick after a reload one second later', async () => {
    await enterCell(page, 'qidu', 2022, '4321');
    await page.getByTestId('renovation').locator('xpath=..').locator('summary').click();
    await page.getByTestId('reno-龙湾区|comprehensive|2022').check();
    await page.waitForTimeout(1000); // the promise: at most the last second is lost
    await page.reload();
    await page.locator('[data-tab="alloc"]').click();
    await expect.poll(() => page.getByTestId('cell-qidu-2022').inputValue()).toBe('4,321');
    await page.getByTestId('renovation').locator('xpath=..').locator('summary').click();
    expect(await page.getByTestId('reno-龙湾区|comprehensive|2022').isChecked()).toBe(true);
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    expect(await page.getByTestId('undo').isDisabled()).toBe(true); // a fresh session: no history
  });

  it('keeps an edit made just before a reload (the page-hide flush commits it)', async () => {
    await enterCell(page, 'qidu', 2023, '77');
    await page.reload(); // no wait: only the flush on pagehide can save it
    await page.locator('[data-tab="alloc"]').click();
    await expect.poll(() => page.getByTestId('cell-qidu-2023').inputValue()).toBe('77');
    await enterCell(page, 'qidu', 2023, '0');
    await saved(page); // written (an edit sets 'pending' at once)
  });
});

describe('project files', () => {
  it('refuses a corrupt file and a newer-version file, leaving every scenario as it was', async () => {
    await page.getByTestId('scenario-duplicate').click();
    await expect.poll(names).toEqual(['方案一', '方案一 副本']);
    await page.getByTestId('project-file').setInputFiles(FIX + 'corrupt.anju.json');
    await expect.poll(() => page.getByTestId('project-file-error').textContent()).toContain('不是有效的 JSON');
    expect(await page.getByTestId('project-file-error').textContent()).toContain('当前项目未作任何改动');
    await page.screenshot({ path: SCREENSHOTS + 'persistence-corrupt-file.png' });
    await page.getByTestId('project-file').setInputFiles(FIX + 'newer-version.anju.json');
    await expect.poll(() => page.getByTestId('project-file-error').textContent()).toContain('schemaVersion 为 3，本版本只支持到 2');
    expect(await names()).toEqual(['方案一', '方案一 副本']);
    expect(await page.getByTestId('cell-qidu-2022').inputValue()).toBe('4,321');
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('复制方案'); // no change was recorded
  });

  it('refuses a file whose two 多节点 share an id (it once bricked the app), naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anju-'));
    const file = join(dir, 'two-nodes.anju.json');
    writeFileSync(file, JSON.stringify(hostileProjectFile('two 多节点 share an id')));
    await page.getByTestId('project-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('project-file-error').textContent()).toContain('字段 nodes[1].properties.id: 编号“n1”重复');
    expect(await page.getByTestId('project-file-error').textContent()).toContain('当前项目未作任何改动');
    expect(await names()).toEqual(['方案一', '方案一 副本']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves the project to a file and reopens it as one undoable change', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project-save').click()]);
    expect(download.suggestedFilename()).toMatch(/^anju-\d{4}-\d\d-\d\d\.anju\.json$/);
    const dir = mkdtempSync(join(tmpdir(), 'anju-'));
    const file = join(dir, 'saved.anju.json');
    await download.saveAs(file);

    // Change the project: delete the copy and edit a cell.
    await page.locator('[data-testid="scenario"][data-id]').nth(1).getByTestId('scenario-delete').click();
    await expect.poll(names).toEqual(['方案一']);
    await page.locator('[data-testid="scenario"] .pick').first().click();
    await enterCell(page, 'qidu', 2022, '7');

    await page.getByTestId('project-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('project-file-ok').textContent()).toContain('已打开 saved.anju.json（2 个方案）');
    await expect.poll(names).toEqual(['方案一', '方案一 副本']);
    expect(await page.getByTestId('cell-qidu-2022').inputValue()).toBe('4,321');
    await page.getByTestId('renovation').locator('xpath=..').locator('summary').click().catch(() => {});
    expect(await page.getByTestId('reno-龙湾区|comprehensive|2022').isChecked()).toBe(true); // a non-scenario slice came back too

    // One undo restores the project as it was before opening.
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('打开项目文件');
    await page.getByTestId('undo').click();
    await expect.poll(names).toEqual(['方案一']);
    expect(await page.getByTestId('cell-qidu-2022').inputValue()).toBe('7');
    await page.getByTestId('redo').click();
    await expect.poll(names).toEqual(['方案一', '方案一 副本']);
    writeFileSync(join(dir, 'done'), ''); // keep the directory for inspection
  });
});

/** Damage what IndexedDB holds: a population slice of an unknown kind and two 多节点 with one id. */
function damageStore(p: Page): Promise<void> {
  return p.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('anju');
        req.onsuccess = () => {
          const tx = req.result.transaction('slices', 'readwrite');
          const node = (name: string, lon: number) => ({ type: 'Feature', properties: { id: 'n1', name }, geometry: { type: 'Point', coordinates: [lon, 28] } });
          tx.objectStore('slices').put({ kind: 'nonsense' }, 'population');
          tx.objectStore('slices').put([node('甲', 120.6), node('乙', 120.7)], 'nodes');
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

describe('damaged stored data is quarantined, never overwritten', () => {
  it('starts from the initial project, saves nothing until the planner chooses, offers the data as it is, and recovers what is readable', async () => {
    await saved(page); // nothing still to write over the damage
    await damageStore(page);
    await page.reload();
    const banner = page.getByTestId('storage-quarantine');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('浏览器中保存的项目已损坏');
    expect(await banner.textContent()).toContain('字段 population');
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('quarantined');
    await page.screenshot({ path: SCREENSHOTS + 'persistence-quarantine.png' });

    // An edit now is not written: the stored data stays exactly as it was.
    await page.locator('[data-tab="alloc"]').click();
    expect(await page.getByTestId('cell-qidu-2022').inputValue()).toBe('');
    await enterCell(page, 'etdz', 2021, '55');
    await page.waitForTimeout(1500);
    const kept = await readStored(page);
    expect(kept.slices.population).toEqual({ kind: 'nonsense' });
    expect(kept.scenarios.some((s) => s.allocations.some((c) => c.boardId === 'qidu' && c.year === 2022 && c.units === 4321))).toBe(true);
    expect(kept.scenarios.some((s) => s.allocations.some((c) => c.boardId === 'etdz'))).toBe(false);

    // Download it as it is.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quarantine-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^anju-stored-data-\d{4}-\d\d-\d\d-\d{4}\.json$/);
    const dir = mkdtempSync(join(tmpdir(), 'anju-'));
    await download.saveAs(join(dir, 'stored.json'));
    const asItWas = JSON.parse(readFileSync(join(dir, 'stored.json'), 'utf8'));
    expect(asItWas.population).toEqual({ kind: 'nonsense' });
    expect(asItWas.nodes).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });

    // Recover what is readable: the scenarios and the first node come back, the original is set aside.
    await page.getByTestId('quarantine-recover').click();
    await page.getByTestId('storage-recovered').waitFor();
    expect(await page.getByTestId('storage-recovered').textContent()).toContain('nodes：保留 1 / 2');
    await expect.poll(() => page.getByTestId('cell-qidu-2022').inputValue()).toBe('4,321');
    await saved(page);
    await page.screenshot({ path: SCREENSHOTS + 'persistence-recovered.png' });
    const after = await readStored(page);
    expect(after.quarantine).toHaveLength(1);
    expect(after.quarantine[0].stored.population).toEqual({ kind: 'nonsense' });
    expect(after.slices.population).toEqual({ kind: 'none' });
    await page.reload();
    await page.locator('[data-tab="alloc"]').click();
    await expect.poll(() => page.getByTestId('cell-qidu-2022').inputValue()).toBe('4,321');
    expect(await page.locator('[data-testid="storage-quarantine"]').count()).toBe(0);
  });
});

describe('storage failures are reported in words a planner can act on, and survived', () => {
  it('reopens a connection the browser closed (site data cleared) and writes the whole project again', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: h.baseUrl.replace(/\/$/, ''), storageTypes: 'indexeddb' });
    await enterCell(page, 'etdz', 2024, '66');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.reload();
    await page.locator('[data-tab="alloc"]').click();
    // Not only the last edit: everything, written again after the reconnect.
    await expect.poll(() => page.getByTestId('cell-etdz-2024').inputValue()).toBe('66');
    expect(await page.getByTestId('cell-qidu-2022').inputValue()).toBe('4,321');
    await cdp.detach();
  });

  it('reports a full quota (a real QuotaExceededError) in a complete sentence, keeps the edit, and saves on retry once there is space', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'anju-profile-'));
    // An on-disk profile: the quota override applies to it (not to an in-memory context).
    const ctx = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, viewport: { width: 1400, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' }); // as harness.ts
    ctx.setDefaultTimeout(ACTION_TIMEOUT_MS);
    try {
      await ctx.addInitScript(() => localStorage.setItem('anju.startHere.dismissed', '1'));
      await ctx.route('**/*', (route) => (route.request().url().startsWith(h.baseUrl) ? route.continue() : route.abort('internetdisconnected')));
      const p = ctx.pages()[0] ?? (await ctx.newPage());
      const cdp = await ctx.newCDPSession(p);
      const origin = h.baseUrl.replace(/\/$/, '');
      const usageAndQuota = () => cdp.send('Storage.getUsageAndQuota', { origin }) as Promise<{ usage: number; quota: number }>;
      // A small quota, set before the app first opens IndexedDB: Chromium's IndexedDB approves
      // writes from the space it last heard was free for up to 30 s, so a quota lowered under an
      // open database is not felt at once (the write after it was saved, even at 1 byte).
      const quotaBytes = 1_000_000;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quotaBytes });
      await openApp(p);
      await enterCell(p, 'etdz', 2025, '10');
      await saved(p);
      expect((await usageAndQuota()).usage).toBeLessThan(quotaBytes / 4); // the project itself fits easily

      // The disk fills up for real: another database takes every byte the quota has left.
      const filled = await fillStorage(p);
      expect(filled.refused).toBeGreaterThan(0);
      expect(filled.bytes).toBeGreaterThan(quotaBytes / 2);
      const full = await usageAndQuota();
      expect(full.quota).toBe(quotaBytes);
      expect(full.usage).toBeGreaterThanOrEqual(quotaBytes);

      await enterCell(p, 'etdz', 2025, '12');
      await p.getByTestId('storage-error').waitFor();
      const text = (await p.getByTestId('storage-error').textContent()) ?? '';
      expect(text).toContain('浏览器存储空间已满，最近的修改未能保存。');
      expect(text).not.toMatch(/：\s*(重试保存)?$|Error|Exception/);
      expect(await p.getByTestId('save-status').getAttribute('data-state')).toBe('error');
      // The edit stays on screen; storage holds the last committed state, not a half-written one.
      expect(await p.getByTestId('cell-etdz-2025').inputValue()).toBe('12');
      const atFull = await readStored(p);
      const etdz2025 = (s: Awaited<ReturnType<typeof readStored>>) => s.scenarios.flatMap((x) => x.allocations).filter((c) => c.boardId === 'etdz' && c.year === 2025).map((c) => c.units);
      expect(etdz2025(atFull)).toEqual([10]);
      await p.screenshot({ path: SCREENSHOTS + 'persistence-quota.png' });

      // Space freed (the quota back to what the disk allows): retrying saves and the banner goes.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await p.getByRole('button', { name: '重试保存' }).click();
      await expect.poll(() => p.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
      expect(await p.locator('[data-testid="storage-error"]').count()).toBe(0);
      expect(etdz2025(await readStored(p))).toEqual([12]);
      await p.reload();
      await p.locator('[data-tab="alloc"]').click();
      await expect.poll(() => p.getByTestId('cell-etdz-2025').inputValue()).toBe('12');
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000); // a second Chromium with an on-disk profile
});

describe('the app always starts', () => {
  it('shows a failed view’s error with the ways on, while the other views work and edits are saved', async () => {
    const p = await h.newPage();
    // A browser whose collation fails (as a broken ICU would): sorting the coverage table by name throws while rendering.
    await p.addInitScript(() => {
      const compare = String.prototype.localeCompare;
      String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof compare>) {
        if ((window as unknown as { __breakCollation?: boolean }).__breakCollation) throw new RangeError('collation data unavailable');
        return compare.apply(this, args);
      };
    });
    await openApp(p);
    await enterCell(p, 'oujiangkou', 2022, '7');
    await saved(p);
    await p.click('[data-tab="coverage"]');
    await p.getByTestId('coverage-table').waitFor();
    await p.evaluate(() => ((window as unknown as { __breakCollation?: boolean }).__breakCollation = true));
    await p.locator('[data-testid="coverage-table"] [data-sort="name"]').click();
    const err = p.getByTestId('view-error');
    await err.waitFor();
    expect(await err.textContent()).toContain('这部分出错，未能显示');
    for (const action of ['打开项目文件', '从初始项目开始（可撤销）', '下载已保存的数据', '重试']) expect(await err.textContent()).toContain(action);
    await p.screenshot({ path: SCREENSHOTS + 'view-error.png' });
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('view-error-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^anju-stored-data-/);
    const dir = mkdtempSync(join(tmpdir(), 'anju-'));
    await download.saveAs(join(dir, 'stored.json'));
    expect(JSON.parse(readFileSync(join(dir, 'stored.json'), 'utf8')).scenarios[0].allocations).toContainEqual({ boardId: 'oujiangkou', year: 2022, type: 'commercial', units: 7 });
    rmSync(dir, { recursive: true, force: true });
    // The rest of the app works, and an edit made after the error is saved and survives a reload.
    expect(await p.locator('canvas.maplibregl-canvas').count()).toBe(1);
    await p.locator('[data-tab="alloc"]').click();
    await enterCell(p, 'oujiangkou', 2021, '31');
    await saved(p);
    await p.reload();
    await p.locator('[data-tab="alloc"]').click();
    await expect.poll(() => p.getByTestId('cell-oujiangkou-2021').inputValue()).toBe('31');
    await p.close();
  });
});
