/**
 * The implementation review as a planner does it: import an actuals table through the one import
 * dialog, open the review tab, read a target's state and a board's figure, export the targets table.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloadBytes, useApp, waitForMapIdle, SCREENSHOTS, switchLanguage } from './support/harness.ts';
import { centralCityView } from './support/alloc-page.ts';

const fixture = (name: string) => new URL(`../fixtures/actuals/${name}`, import.meta.url).pathname;

let page: Page;
useApp((app) => ({ page } = app));

const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';

describe('implementation review', () => {
  it('imports actual supply through the dialog, then shows targets, boards and 附件1 from it', async () => {
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-target').selectOption('actuals');
    await page.getByTestId('import-file').setInputFiles(fixture('actuals-sample.csv'));
    await page.getByTestId('import-result').waitFor();
    expect(await text('import-result')).toContain('9');
    await page.getByTestId('import-replace').click();
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('导入实际供应');
    await page.locator('[data-tab="review"]').click();

    const commercial = page.getByTestId('review-target-new-commercial-supply');
    expect(await commercial.getAttribute('data-state')).toBe('short');
    // 1,200 (七都) + 10,000 (瑞安市) = 1.12 万套 against 29.75–36.75; the data names four counties only.
    expect(await commercial.textContent()).toContain('1.12');
    expect(await commercial.textContent()).toContain('未达到');
    expect(await commercial.getByTestId('review-scope-note').getAttribute('title')).toContain('全市指标；数据未含 洞头区');
    expect(await text('review-targets-scope-note')).toContain('全市指标；数据未含 洞头区');
    expect(await commercial.textContent()).toContain('规划第二章第三节');

    const qidu = page.getByTestId('review-board-qidu');
    expect(await qidu.getByTestId('review-board-actual').textContent()).toContain('1,500');
    expect(await qidu.getByTestId('review-board-diff').textContent()).toBe('+1,500');
    // 附件1: 鹿城区 综合整治 2021 (52 of 52) and 龙湾区 拆改结合 2022 (2 of 2) are ticked from the data; 鹿城区 拆改结合 2022 (12 of 15) is not.
    expect(await page.getByTestId('review-reno-鹿城区|comprehensive|2021').getAttribute('data-done')).toBe('true');
    expect(await page.getByTestId('review-reno-鹿城区|demolish-rebuild|2022').getAttribute('data-done')).toBe('false');
    expect(await text('review-annex1-done')).toContain('按数据完成 2 / 65 个计划单元格');

    await page.getByTestId('import-dialog').getByRole('button', { name: '关闭' }).last().click();
    await centralCityView(page);
    // The map colours 七都 (+1,500) with the legend's class for it: legend and map from one scale.
    await waitForMapIdle(page);
    const color = await page.evaluate(() => (window as unknown as { __anju: { map: { getFeatureState(f: { source: string; id: string }): { color?: string } } } }).__anju.map.getFeatureState({ source: 'boards', id: 'qidu' }).color);
    const entry = page.getByTestId('review-legend').locator(`li[data-color="${color}"]`);
    expect(await entry.textContent()).toMatch(/实际多于方案 1,000–1,500 套/);
    await page.screenshot({ path: SCREENSHOTS + 'review.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-export-csv').click()]);
    const csv = (await downloadBytes(download)).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('new-commercial-supply,新建商品住房供应套数,万套,29.75,36.75,1.12,0,3.8,未达到');

    await switchLanguage(page, 'en');
    expect(await commercial.getByTestId('review-state').textContent()).toBe('short');
    await switchLanguage(page, 'zh');

    // The review is the presentation's last chapter, with the same states and citations.
    await page.getByTestId('open-present').click();
    await page.getByTestId('presenter').waitFor(); // the presentation loads on first use
    await page.keyboard.press('End');
    const caption = page.getByTestId('review-caption');
    await expect.poll(() => caption.textContent()).toContain('新建商品住房供应套数：1.12 / 29.75–36.75 万套 — 未达到');
    expect(await caption.textContent()).toContain('规划第二章第三节');
    await page.keyboard.press('Escape');
  });
});
