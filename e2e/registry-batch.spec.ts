// SPDX-License-Identifier: EUPL-1.2
/**
 * issue #13, batch work in a browser: the reviewer shinsa requests the 年報 and a random extraction from the バッチ処理・統計
 * screen; the server's scheduler runs them; the runs are listed as 完了 with their conditions in 和暦, and the CSV
 * and the label PDF download. axe on the page; screenshot at 1366x900.
 */
import { describe, expect, it } from 'vitest';
import { assertAccessible, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();
const SIZE = { width: 1366, height: 900 };

describe('registry batch work', () => {
  it('requests runs that the scheduler carries out, then downloads their results', async () => {
    const page = await browser.newPage(SIZE);
    await signIn(page, 'shinsa');
    await page.waitForURL('**/console');
    await page.goto('/console/registry');
    await page.getByRole('link', { name: 'バッチ処理・統計' }).click();
    await page.waitForURL('**/console/registry/batches');
    await assertAccessible(page);
    await page.getByTestId('batch-form-annual-report').getByRole('button', { name: '実行を依頼する' }).click();
    await page.waitForURL('**/console/registry/batches?done=queued');
    const extraction = page.getByTestId('batch-form-random-extraction');
    await extraction.getByLabel('抽出数').fill('24');
    await extraction.getByLabel('年齢（以上）').fill('18');
    await extraction.getByRole('button', { name: '実行を依頼する' }).click();
    await page.waitForURL('**/console/registry/batches?done=queued');
    await expect.poll(async () => {
      await page.goto('/console/registry/batches');
      return page.getByTestId('batch-run').filter({ hasText: '完了' }).count();
    }, { timeout: 40_000, interval: 2_000 }).toBe(2);
    await assertAccessible(page);
    await screenshot(page, 'registry-batches');
    const csv = await page.request.get((await page.getByRole('link', { name: 'CSV' }).last().getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('区分,事由,日本人男');
    const labels = await page.request.get((await page.getByRole('link', { name: '宛名ラベル（PDF）' }).first().getAttribute('href'))!);
    expect(labels.headers()['content-type']).toBe('application/pdf');
  });
});
