// SPDX-License-Identifier: EUPL-1.2
/**
 * issue #13 (spec §9.1), 定期実行の設定 in a browser: the reviewer shinsa adds a month-end 年報 on the バッチ処理・統計
 * screen; it is listed with its frequency in Japanese and the next run in 和暦. Screenshot at 1366x900.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

describe('registry batch schedules', () => {
  it('adds a recurring run from the batch screen', async () => {
    const page = await browser.newPage({ width: 1366, height: 900 });
    await signIn(page, 'shinsa');
    await page.waitForURL('**/console');
    await page.goto('/console/registry/batches');
    const section = page.getByTestId('batch-schedules');
    await section.getByLabel('頻度').selectOption('month-end');
    await section.getByRole('button', { name: '定期実行を追加する' }).click();
    await page.waitForURL('**/console/registry/batches?done=scheduled');
    expect(await page.getByTestId('batch-schedule').first().textContent()).toContain('毎月末日');
    await page.getByTestId('batch-schedules').scrollIntoViewIfNeeded();
    await screenshot(page, 'registry-batch-schedule');
  });
});
