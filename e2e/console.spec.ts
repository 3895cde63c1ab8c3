// SPDX-License-Identifier: EUPL-1.2
/** The console shell: navigation by role, 準備中 pages, the English switch, small screens. */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();
const navLinks = async (page: Awaited<ReturnType<typeof browser.newPage>>, name = '業務メニュー') =>
  (await page.getByRole('navigation', { name }).getByRole('link').allTextContents()).map((s) => s.replace(/準備中|Coming soon/, '').trim());

describe('console shell', () => {
  it('shows an analyst 見える化 but not 住民記録, and refuses the registry page', async () => {
    const page = await browser.newPage();
    await signIn(page, 'bunseki');
    await page.waitForURL('**/console');
    expect(await navLinks(page)).toEqual(['ホーム', '見える化']);
    expect(await page.getByTestId('staff-roles').textContent()).toContain('分析');
    const res = await page.goto('/console/registry');
    expect(res?.status()).toBe(403);
    assertClean(page, [403]);
  });

  it('leads the administrator to 管理 (端末・場所, アクセスログ, エラー・アラート一覧) and capabilities not built yet to a clear 準備中 page', async () => {
    const page = await browser.newPage();
    await signIn(page, 'kanri');
    await page.waitForURL('**/console');
    expect(await navLinks(page)).toEqual(['ホーム', 'オンライン手続', '見える化', '閉庁日', '管理']);
    await page.getByRole('navigation', { name: '業務メニュー' }).getByRole('link', { name: '管理' }).click();
    await page.waitForURL('**/console/admin');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('管理');
    expect(await page.getByRole('main').getByRole('link').allTextContents()).toEqual(['端末・場所', 'アクセスログ', 'エラー・アラート一覧']);
    const current = page.getByRole('navigation', { name: '業務メニュー' }).locator('[aria-current="page"]');
    expect(await current.textContent()).toContain('管理');
    assertClean(page);
    // オンライン手続 is built now: its settings page, no 準備中.
    const clerk = await browser.newPage();
    await signIn(clerk, 'madoguchi');
    await clerk.waitForURL('**/console');
    await clerk.goto('/console/procedures');
    expect(await clerk.getByRole('main').textContent()).not.toContain('準備中');
    expect(await clerk.title()).toBe('オンライン手続の設定 | Jichi 塩尻市');
    assertClean(clerk);
  });

  it('switches the whole console to English and back', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/console');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await navLinks(page, 'Work menu')).toEqual(['Home', 'Resident registry', 'Certificates', 'Awaiting post', 'Online procedures', 'Counter reception', 'Cases']);
    expect(await page.getByTestId('staff-roles').textContent()).toContain('Counter clerk');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await page.title()).toBe('Staff console | Jichi 塩尻市');
    await screenshot(page, 'console-en');
    await page.getByRole('link', { name: '日本語' }).click();
    await page.waitForURL('**/console');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.getByRole('button', { name: 'ログアウト' }).isVisible()).toBe(true);
    assertClean(page);
  });

  it('fits a phone screen', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The menu starts collapsed behind a disclosure button and opens on demand.
    const toggle = page.getByRole('button', { name: 'メニュー' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const registry = page.getByRole('navigation', { name: '業務メニュー' }).getByRole('link', { name: '住民記録' });
    expect(await registry.isVisible()).toBe(false);
    await screenshot(page, 'console-phone');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await registry.isVisible()).toBe(true);
    await assertAccessible(page);
    await screenshot(page, 'console-phone-menu');
    assertClean(page);
  });
});
