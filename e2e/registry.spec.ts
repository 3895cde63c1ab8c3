// SPDX-License-Identifier: EUPL-1.2
/**
 * The resident registry from the keyboard: a counter clerk records a 転入 (new household), a 転居 and a
 * 世帯主変更, each approved by the approver; search by kana and by 和暦 birth date; axe on every screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, focusLanded, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

/** The approver opens the one provisional change about 検証 from the 仮登録一覧 and approves it (confirmation step). */
async function approveAsKessai(label: RegExp) {
  const page = await browser.newPage();
  await signIn(page, 'kessai');
  await page.waitForURL('**/console');
  await page.goto('/console/registry/provisional');
  await page.getByRole('link', { name: label }).click();
  await page.getByTestId('to-approve').click();
  await page.getByRole('button', { name: '本登録する' }).click();
  await page.waitForURL('**/console/registry/changes/*?done=approved');
  expect(await page.getByTestId('done').textContent()).toContain('本登録しました');
  assertClean(page);
  await page.context().close();
}

/** Confirms the change on the confirmation step (仮登録する has focus) and checks the result. */
async function confirmAndRecord(page: Page, kind: string) {
  await page.waitForURL(`**/console/registry/changes/${kind}`);
  expect(await page.getByTestId('confirm').isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  // Post/redirect/get (issue #9): the change's own page.
  await page.waitForURL('**/console/registry/changes/*?done=recorded');
  expect(await page.getByTestId('done').textContent()).toContain('仮登録しました');
}

describe('registry', () => {
  it('records a 転入, a 転居 and a 世帯主変更 from the keyboard, each approved by the approver', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');

    // 転入 of a new household of two: the first field has focus, dates in 和暦 and 西暦.
    await page.goto('/console/registry/changes/move-in');
    await assertAccessible(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('occurredOn');
    await page.keyboard.type('令和7年4月1日');
    await page.getByLabel('届出日').fill('R7.4.3');
    await page.getByLabel('届出人').fill('本人');
    await page.locator('#townName').fill('大字広丘野村');
    await page.getByLabel('番地・号').fill('1500-2');
    await page.getByLabel('前住所').fill('長野県松本市丸の内3-7');
    await page.locator('#p0-familyName').fill('検証');
    await page.locator('#p0-givenName').fill('太郎');
    await page.locator('#p0-familyNameKana').fill('ケンショウ');
    await page.locator('#p0-givenNameKana').fill('タロウ');
    await page.locator('#p0-birthDate').fill('S60.1.2');
    await page.locator('#p0-sex').selectOption('male');
    await page.locator('#p0-honseki').fill('長野県塩尻市大門七番町1');
    await page.getByText('2人目を追加').click();
    await page.locator('#p1-familyName').fill('検証');
    await page.locator('#p1-givenName').fill('花子');
    await page.locator('#p1-familyNameKana').fill('ケンショウ');
    await page.locator('#p1-givenNameKana').fill('ハナコ');
    await page.locator('#p1-birthDate').fill('1987-06-15');
    await page.locator('#p1-sex').selectOption('female');
    await page.locator('#p1-relationship').fill('妻');
    await page.locator('#p1-honseki').fill('長野県塩尻市大門七番町1');
    await page.locator('#p1-honseki').press('Enter');
    // 和暦 only for Japanese residents, never side by side with 西暦 (issue #9, spec §1.1.9).
    expect(await page.getByTestId('confirm').textContent()).toContain('令和7年4月1日');
    expect(await page.getByTestId('confirm').textContent()).not.toContain('2025-04-01');
    await screenshot(page, 'registry-move-in-confirm');
    await confirmAndRecord(page, 'move-in');
    await screenshot(page, 'registry-move-in-result');
    assertClean(page);

    await approveAsKessai(/ 転入 検証.*の詳細$/);

    // Search by kana, then by 和暦 birth date; arrow keys and Enter open the person.
    await page.goto('/console/registry');
    await assertAccessible(page);
    await page.keyboard.type('ケンショウ タ');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/registry?q=*');
    const results = page.getByTestId('search-results');
    expect(await results.textContent()).toContain('検証　太郎');
    expect(await results.textContent()).toContain('昭和60年1月2日');
    await assertAccessible(page);
    await screenshot(page, 'registry-search-kana');
    await page.goto(`/console/registry?q=${encodeURIComponent('昭和60年1月2日')}`);
    expect(await page.getByTestId('search-results').textContent()).toContain('検証　太郎');
    await page.locator('#q').press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBeTruthy();
    await page.getByRole('link', { name: '検証　太郎' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/registry/persons/*');
    expect(await page.getByTestId('person-record').textContent()).toContain('大字広丘野村1500-2');
    expect(await page.getByTestId('history').textContent()).toContain('転入');
    await assertAccessible(page);
    await screenshot(page, 'registry-person-after-move-in');

    // 転居 of the whole household, from the household page.
    await page.getByRole('link', { name: /世帯票/ }).click();
    await page.waitForURL('**/console/registry/households/*');
    await assertAccessible(page);
    await page.getByRole('link', { name: '転居', exact: true }).click();
    await page.waitForURL('**/console/registry/changes/move-within?householdId=*');
    await focusLanded(page);
    await page.keyboard.type('2025-06-01');
    await page.locator('#townName').fill('大字大門');
    await page.getByLabel('番地・号').fill('88-8');
    await page.getByLabel('番地・号').press('Enter');
    await confirmAndRecord(page, 'move-within');
    assertClean(page);
    await approveAsKessai(/ 転居 検証.*の詳細$/);

    await page.goto(`/console/registry?q=${encodeURIComponent('ケンショウ タロウ')}`);
    await page.getByRole('link', { name: '検証　太郎' }).click();
    expect(await page.getByTestId('person-record').textContent()).toContain('大字大門88-8');
    const history = await page.getByTestId('history').textContent();
    expect(history).toContain('転居');
    expect(history).toContain('令和7年6月1日');

    // 世帯主変更: 花子 becomes head, 太郎 is her 夫.
    await page.getByRole('link', { name: /世帯票/ }).click();
    await page.getByRole('link', { name: '世帯主変更' }).click();
    await page.waitForURL('**/console/registry/changes/head-change?householdId=*');
    await assertAccessible(page);
    await screenshot(page, 'registry-head-change-form');
    await focusLanded(page);
    await page.keyboard.type('令和7年7月1日');
    await page.getByLabel('新しい世帯主').selectOption({ label: '検証　花子（妻）' });
    await page.getByLabel('検証　花子の続柄').fill('');
    await page.getByLabel('検証　太郎の続柄').fill('夫');
    await page.getByLabel('検証　太郎の続柄').press('Enter');
    await confirmAndRecord(page, 'head-change');
    await approveAsKessai(/ 世帯主変更 検証.*の詳細$/);

    await page.goto(`/console/registry?q=${encodeURIComponent('ケンショウ ハナコ')}`);
    await page.getByRole('link', { name: '検証　花子' }).click();
    await page.waitForURL('**/console/registry/persons/*');
    expect(await page.getByTestId('person-record').textContent()).toContain('世帯主');
    expect(await page.getByTestId('history').textContent()).toContain('世帯主変更');
    await page.getByRole('link', { name: /世帯票/ }).click();
    expect(await page.getByTestId('household-facts').textContent()).toContain('検証　花子');
    expect(await page.getByTestId('members').textContent()).toMatch(/夫検証　太郎/);
    await screenshot(page, 'registry-household-after-head-change');
    assertClean(page);
  }, 180_000);

  it('shows form errors accessibly, and the provisional list and statistics pass axe', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    await page.goto('/console/registry/changes/move-in');
    await focusLanded(page);
    await page.keyboard.type('昭和99年13月1日');
    await page.keyboard.press('Enter');
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toContain('異動日');
    expect(await page.locator('#occurredOn').getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(page);
    await screenshot(page, 'registry-form-errors');
    assertClean(page, [400]);

    const kessai = await browser.newPage();
    await signIn(kessai, 'kessai');
    await kessai.waitForURL('**/console');
    await kessai.goto('/console/registry/provisional');
    await assertAccessible(kessai);
    await screenshot(kessai, 'registry-provisional');
    await kessai.goto('/console/registry/statistics');
    expect(await kessai.getByTestId('stats-total').textContent()).toMatch(/\d/);
    await assertAccessible(kessai);
    await screenshot(kessai, 'registry-statistics');
    const csv = await kessai.request.get('/console/registry/statistics.csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    assertClean(kessai);
  });
});
