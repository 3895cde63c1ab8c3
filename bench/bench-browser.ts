// SPDX-License-Identifier: EUPL-1.2
/** Debian's Chromium for the browser benches (never a downloaded browser), and a staff page signed in to the demo. */
import { chromium, type Browser, type Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** A 1366x900 page of a demo staff member of 塩尻市, signed in through the login form. */
export async function signedInStaff(browser: Browser, baseURL: string, loginId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('自治体').selectOption('202151');
  await page.getByLabel('職員ID').fill(loginId);
  await page.getByLabel('パスワード').fill('shiojiri-demo-2026');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL('**/console');
  return page;
}
