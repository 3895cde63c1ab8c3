// SPDX-License-Identifier: EUPL-1.2
/** Journeys of signing in and out: the demo counter clerk, a wrong password, keyboard only. */
import { describe, expect, it } from 'vitest';
import { assertClean, DEMO, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

describe('staff sign-in', () => {
  it('signs the demo counter clerk in to the console of 塩尻市', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    expect(await page.title()).toBe('職員コンソール | Jichi 塩尻市');
    const header = page.getByRole('banner');
    await expect.poll(() => header.textContent()).toContain('塩尻市');
    expect(await page.getByTestId('staff-name').textContent()).toBe('窓口 花子');
    expect(await page.getByTestId('staff-roles').textContent()).toContain('窓口');
    const nav = page.getByRole('navigation', { name: '業務メニュー' });
    const links = (await nav.getByRole('link').allTextContents()).map((s) => s.replace('準備中', '').trim());
    expect(links).toEqual(['ホーム', '住民記録', '証明書', '郵送待ち', 'オンライン手続', '窓口受付', '案件']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ようこそ、窓口 花子さん');
    assertClean(page);
  });

  it('signs out and shows the login page with a status message', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL('**/login?loggedOut');
    expect(await page.getByRole('status').textContent()).toContain('ログアウトしました');
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('jichi_session');
    await page.goto('/console');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console');
    assertClean(page);
  });

  it('keeps a wrong password on the login page with an alert and no session', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi', 'not-the-password');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/login');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('自治体、職員ID又はパスワードが正しくありません');
    // The error summary takes the focus so that keyboard and screen-reader users meet it first.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getByLabel('職員ID').inputValue()).toBe('madoguchi');
    expect(await page.getByLabel('パスワード').inputValue()).toBe('');
    expect(await page.getByLabel('自治体').inputValue()).toBe(DEMO.municipalityCode);
    expect(await page.context().cookies()).toEqual([]);
    assertClean(page, [401]);
  });

  it('can be completed with the keyboard alone (Tab and Enter)', async () => {
    const page = await browser.newPage();
    await page.goto('/login');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 10 && (await focused()) !== 'municipalityCode'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('municipalityCode');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('loginId');
    await page.keyboard.type('madoguchi');
    await screenshot(page, 'login-keyboard-focus');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type(DEMO.password);
    await Promise.all([page.waitForURL('**/console'), page.keyboard.press('Enter')]);
    expect(await page.getByTestId('staff-name').textContent()).toBe('窓口 花子');
    assertClean(page);
  });
});
