/**
 * Never lose work, in the built app in real Chromium with real IndexedDB: a reload a second
 * after an edit finds it; corrupt and newer-version project files are refused with the
 * project untouched; a saved project file reopens as one undoable change; unreadable stored
 * data and a full quota are reported, not swallowed.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useApp, SCREENSHOTS, type Harness } from './support/harness.ts';
import { enterCell } from './support/alloc-page.ts';

const FIX = new URL('../fixtures/allocation/', import.meta.url).pathname;
let h: Harness;
let page: Page;

async function openApp(p: Page): Promise<void> {
  await p.goto(h.baseUrl);
  await p.locator('[data-tab="alloc"]').click();
  await p.getByTestId('alloc-sidebar').waitFor();
}

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
    await page.waitForTimeout(1000);
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

describe('storage problems are shown, never swallowed', () => {
  it('starts from the initial project with a message when the stored data is invalid', async () => {
    await page.waitForTimeout(1100);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('anju');
          req.onsuccess = () => {
            const tx = req.result.transaction('slices', 'readwrite');
            tx.objectStore('slices').put({ kind: 'nonsense' }, 'population');
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page.reload();
    await page.getByTestId('storage-load-problem').waitFor();
    expect(await page.getByTestId('storage-load-problem').textContent()).toContain('已从初始项目开始');
    expect(await page.getByTestId('storage-load-problem').textContent()).toContain('字段 population');
    await page.locator('[data-tab="alloc"]').click();
    expect(await names()).toEqual(['方案一']);
    expect(await page.getByTestId('cell-qidu-2022').inputValue()).toBe('');
    await page.screenshot({ path: SCREENSHOTS + 'persistence-invalid-store.png' });
  });

  it('reports a full storage quota in a banner', async () => {
    const p = await h.newPage();
    // Every IndexedDB put fails as a full disk would.
    await p.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if ((window as unknown as { __quotaFull?: boolean }).__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openApp(p);
    await p.evaluate(() => ((window as unknown as { __quotaFull?: boolean }).__quotaFull = true));
    await enterCell(p, 'etdz', 2025, '10');
    await p.getByTestId('storage-error').waitFor();
    expect(await p.getByTestId('storage-error').textContent()).toContain('浏览器存储空间已满，最近的修改未能保存');
    expect(await p.getByTestId('save-status').getAttribute('data-state')).toBe('error');
    await p.screenshot({ path: SCREENSHOTS + 'persistence-quota.png' });
    // Space freed: retrying saves and the banner goes.
    await p.evaluate(() => ((window as unknown as { __quotaFull?: boolean }).__quotaFull = false));
    await p.getByRole('button', { name: '重试保存' }).click();
    await expect.poll(() => p.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    expect(await p.locator('[data-testid="storage-error"]').count()).toBe(0);
    await p.close();
  });
});
