// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #13 (reg-protect): the 振り仮名の記載 from the keyboard — a counter clerk opens it from a Japanese demo
 * resident's 個人票 (readings shown 未確認), records the 本籍地's notice as 公証 (hiragana converted), and the
 * change stays 仮登録; axe on the form, the confirmation and the result.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, focusLanded, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

interface Hit { personId: string; status: string }
interface Person { personId: string; residentKind: string; pendingChangeId: string | null; familyNameKana: string; givenNameKana: string; readingStatus: Record<string, string> }

async function pickJapanese(page: Page): Promise<Person> {
  const res = await page.request.get(`/api/v1/persons?address=${encodeURIComponent('大字')}&mode=partial&limit=200`);
  expect(res.status()).toBe(200);
  const hits = ((await res.json()) as { items: Hit[] }).items.filter((h) => h.status === 'resident');
  for (const h of hits.slice(5)) { // a resident whose readings the 戸籍 has not yet certified (a tenth of the demo)
    const p = (await (await page.request.get(`/api/v1/persons/${h.personId}`)).json()) as Person;
    if (!p.pendingChangeId && p.residentKind === 'japanese' && p.familyNameKana && p.givenNameKana && p.readingStatus.familyNameKana === 'unconfirmed' && p.readingStatus.givenNameKana === 'unconfirmed') return p;
  }
  throw new Error('no demo resident');
}

describe('registry: 振り仮名の記載', () => {
  it('records the 本籍地 notice of the readings as 公証 from the keyboard', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    const p = await pickJapanese(page);
    await page.goto(`/console/registry/persons/${p.personId}`);
    expect(await page.getByTestId('reading').textContent()).toContain('（氏: 未確認・名: 未確認）');
    await screenshot(page, 'registry-person-reading-status');
    await page.getByRole('link', { name: '振り仮名の記載（本籍地からの通知）' }).click();
    await page.waitForURL('**/console/registry/changes/reading?personId=*');
    await focusLanded(page);
    expect(await page.locator('#familyNameKana').inputValue()).toBe(p.familyNameKana);
    await assertAccessible(page);
    await screenshot(page, 'registry-reading-form');
    const today = new Date();
    await page.keyboard.type(`令和${today.getFullYear() - 2018}年${today.getMonth() + 1}月${today.getDate()}日`);
    await page.locator('#readingStatus').selectOption('certified');
    await page.locator('#givenNameKana').fill('たろう');
    await page.locator('#givenNameKana').press('Enter');
    await page.waitForURL('**/console/registry/changes/reading');
    const confirm = await page.getByTestId('confirm').textContent();
    expect(confirm).toContain('タロウ');
    expect(confirm).toContain('公証（戸籍に記載済み）');
    await assertAccessible(page);
    await screenshot(page, 'registry-reading-confirm');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/registry/changes/*?done=recorded');
    expect(await page.getByTestId('done').textContent()).toContain('仮登録しました');
    await assertAccessible(page);
    assertClean(page as never);
  });
});
