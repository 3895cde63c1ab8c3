// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #9, the one 和暦 date input in the browser: it reads 「R7.4.1」 as 令和7年4月1日 while the clerk types, warns at
 * once that 令和7年2月29日 is no calendar day, and the server refuses it as a birth date at its field; the statistics'
 * 基準日 takes 和暦 and refuses 「令和8年13月45日」. axe on every screen.
 */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, focusLanded, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

describe('the 和暦 date input', () => {
  it('reads 和暦 as typed and refuses 令和7年2月29日 as a birth date', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    await page.goto('/console/registry/changes/move-in');
    await focusLanded(page);
    await page.keyboard.type('R7.4.1');
    await expect.poll(() => page.locator('#occurredOn-reading').textContent()).toBe('読み取り: 令和7年4月1日');
    await page.locator('#townName').fill('大字広丘野村');
    await page.getByLabel('番地・号').fill('1600-1');
    await page.locator('#p0-familyName').fill('暦日');
    await page.locator('#p0-givenName').fill('一郎');
    await page.locator('#p0-familyNameKana').fill('こよみび');
    await page.locator('#p0-givenNameKana').fill('イチロウ');
    await page.locator('#p0-birthDate').pressSequentially('令和7年2月29日');
    await expect.poll(() => page.locator('#p0-birthDate-reading').textContent()).toBe('暦にない日付です');
    await page.locator('#p0-sex').selectOption('male');
    await page.locator('#p0-honseki').fill('長野県塩尻市大門七番町1');
    await assertAccessible(page);
    await page.getByRole('button', { name: '確認へ進む' }).click();
    await page.locator('#p0-birthDate-error').waitFor();
    expect(await page.locator('#p0-birthDate-error').textContent()).toContain('暦にない日付です');
    expect(await page.locator('#p0-birthDate').getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(page);
    await screenshot(page, 'registry-date-input-birth-error');
    // Entered as vague, the birth date is accepted; the reading in 和暦 only (no 西暦 beside it).
    await page.locator('#p0-birthDate').fill('令和7年2月頃');
    await page.getByRole('button', { name: '確認へ進む' }).click();
    await page.getByTestId('confirm').waitFor();
    const confirm = await page.getByTestId('confirm').textContent();
    expect(confirm).toContain('令和7年4月1日');
    expect(confirm).toContain('令和7年2月頃');
    expect(confirm).toContain('コヨミビ');
    expect(confirm).not.toContain('2025-04-01');
    await assertAccessible(page);
    await screenshot(page, 'registry-date-input-confirm');
    assertClean(page, [400]);
    await page.context().close();
  });

  it('takes the statistics 基準日 in 和暦 and refuses 令和8年13月45日', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    await page.goto('/console/registry/statistics');
    await page.getByLabel('基準日').fill('令和8年13月45日');
    await page.getByRole('button', { name: '表示', exact: true }).click();
    await page.locator('#asOf-error').waitFor();
    expect(await page.locator('#asOf-error').textContent()).toContain('基準日が正しい日付ではありません');
    await assertAccessible(page);
    await screenshot(page, 'registry-statistics-invalid-asof');
    await page.getByLabel('基準日').fill('R7.4.1');
    await page.getByRole('button', { name: '表示', exact: true }).click();
    await page.waitForURL(/asOf=R7.4.1/);
    expect(await page.getByTestId('stats-asof').textContent()).toBe('令和7年4月1日現在');
    await assertAccessible(page);
    await screenshot(page, 'registry-statistics-wareki');
    assertClean(page, [400]);
    await page.context().close();
  });
});
