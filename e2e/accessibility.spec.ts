// SPDX-License-Identifier: EUPL-1.2
/** axe-core (WCAG 2.x A/AA) on every page of the shell, with screenshots for a human look. */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

describe('accessibility', () => {
  it('login page has no axe violations', async () => {
    const page = await browser.newPage();
    await page.goto('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await assertAccessible(page);
    await screenshot(page, 'login');
    assertClean(page);
  });

  it('login page with an error has no axe violations', async () => {
    const page = await browser.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('alert').textContent()).toContain('職員IDを入力してください');
    await assertAccessible(page);
    await screenshot(page, 'login-error');
  });

  it('console home and the online procedure settings have no axe violations', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    await assertAccessible(page);
    await screenshot(page, 'console');
    await page.goto('/console/procedures');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('オンライン手続の設定');
    await assertAccessible(page);
    await screenshot(page, 'console-procedure-settings');
    assertClean(page);
  });

  it('the administration pages (端末・場所, アクセスログ) have no axe violations', async () => {
    const page = await browser.newPage();
    await signIn(page, 'kanri');
    await page.waitForURL('**/console');
    for (const path of ['/console/admin', '/console/admin/terminals', '/console/admin/access-log']) {
      await page.goto(path);
      await assertAccessible(page);
    }
    await screenshot(page, 'admin-access-log');
    assertClean(page);
  });

  it('resident portal has no axe violations, in Japanese and English', async () => {
    const page = await browser.newPage();
    await page.goto('/portal');
    expect(await page.title()).toBe('住民ポータル | Jichi 塩尻市');
    await assertAccessible(page);
    await screenshot(page, 'portal');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/portal');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await assertAccessible(page);
    assertClean(page);
  });
});
