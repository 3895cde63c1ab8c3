// SPDX-License-Identifier: EUPL-1.2
/**
 * issue #13, EUC (spec §10.1) in a browser: the reviewer shinsa opens データ抽出（EUC）, picks items and conditions,
 * checks the count, saves the extraction and extracts its CSV; the English page too. axe on the page; screenshots
 * at 1366x900.
 */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();
const SIZE = { width: 1366, height: 900 };

describe('registry EUC', () => {
  it('previews, saves and extracts an extraction; the page reads in English too', async () => {
    const page = await browser.newPage(SIZE);
    await signIn(page, 'shinsa');
    await page.waitForURL('**/console');
    await page.goto('/console/registry');
    await page.getByRole('link', { name: 'データ抽出（EUC）' }).click();
    await page.waitForURL('**/console/registry/euc');
    await assertAccessible(page);
    await page.getByLabel('住所_方書').check();
    await page.getByLabel('年齢（以上）').fill('65');
    await page.getByRole('combobox', { name: '性別' }).selectOption('female');
    await page.getByRole('button', { name: '件数を確認する' }).click();
    await expect.poll(() => page.getByTestId('preview').isVisible()).toBe(true);
    expect(await page.getByTestId('preview').textContent()).toMatch(/条件に合う住民は \d+ 人です/);
    await page.getByLabel('抽出の名前').fill('65歳以上の女性');
    await page.getByLabel('利用目的').fill('健康教室の案内');
    await screenshot(page, 'registry-euc-preview');
    await page.getByRole('button', { name: '保存して一覧に加える' }).click();
    await page.waitForURL('**/console/registry/euc?done=saved');
    const download = page.waitForEvent('download');
    await page.getByTestId('euc-query').first().getByRole('button', { name: 'CSVを抽出' }).click();
    expect((await download).suggestedFilename()).toMatch(/^euc-\d{8}\.csv$/);
    await page.goto('/console/registry/euc');
    expect(await page.getByTestId('euc-query').first().textContent()).toMatch(/65歳以上　女　現存/);
    await assertAccessible(page);
    await screenshot(page, 'registry-euc-saved');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/console/registry/euc');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Data extraction (EUC)');
    await screenshot(page, 'registry-euc-en');
    assertClean(page);
  });
});

describe('access log screen (画面名, analysis)', () => {
  it('shows the screen of each entry and offers the analysis CSV', async () => {
    const reviewer = await browser.newPage(SIZE);
    await signIn(reviewer, 'shinsa');
    await reviewer.waitForURL('**/console');
    await reviewer.goto('/console/registry/euc');
    const page = await browser.newPage(SIZE);
    await signIn(page, 'kanri');
    await page.waitForURL('**/console');
    await page.goto('/console/admin/access-log');
    expect(await page.getByTestId('log-screen').allTextContents()).toContain('住民記録 データ抽出（EUC）');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSVを出力' }).click();
    expect((await download).suggestedFilename()).toMatch(/^access-log-analysis-.*\.csv$/);
    await assertAccessible(page);
    await screenshot(page, 'admin-access-log-screen-analysis');
    assertClean(page);
  });
});
