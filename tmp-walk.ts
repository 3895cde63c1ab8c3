// Manual walk (not committed): a clerk's day at 1366x900, screenshots in /work/walk.
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'; import { Writable } from 'node:stream';
import { chromium, type Page } from 'playwright-core';
import { startServer } from './src/main.ts'; import { loadConfig } from './src/platform/config.ts';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-walk-'));
const { PUBLIC_URL: _p, ...env } = process.env;
const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', JICHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', JICHI_SEED_DEMO: 'true', JICHI_DEMO_RESIDENTS: '300', LOGIN_ATTEMPTS_PER_5_MIN: '200' });
const running = await startServer(config, new Writable({ write(_c, _e, d) { d(); } }));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\b(19|20)\d\d-\d\d-\d\d\b/;
let n = 0;
async function shot(page: Page, name: string) {
  const file = `/work/walk/${String(++n).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  const text = await page.evaluate(() => document.body.innerText);
  const flags = [UUID.test(text) ? 'UUID' : '', ISO.test(text) ? `ISO:${text.match(ISO)![0]}` : '', /[{[]\s*"\w+"\s*:/.test(text) ? 'JSON' : ''].filter(Boolean);
  console.log(`${file} ${page.url().replace(running.url, '')} ${flags.join(' ')}`);
}
async function login(id: string) {
  const ctx = await browser.newContext({ baseURL: running.url, viewport: { width: 1366, height: 900 }, locale: 'ja-JP' });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('  console error:', m.text(), page.url()); });
  await page.goto('/login');
  await page.getByLabel('自治体').fill?.('202151').catch(() => undefined);
  const sel = page.locator('select[name="municipalityCode"], input[name="municipalityCode"]');
  if (await sel.evaluate((e) => e.tagName) === 'SELECT') await sel.selectOption('202151'); else await sel.fill('202151');
  await page.locator('input[name="loginId"]').fill(id);
  await page.locator('input[name="password"]').fill('shiojiri-demo-2026');
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForURL('**/console');
  return page;
}
try {
  const clerk = await login('madoguchi');
  await shot(clerk, 'home-clerk');
  await clerk.goto('/console/registry?q=');
  await shot(clerk, 'search-empty');
  await clerk.goto('/console/registry?q=' + encodeURIComponent('大字広丘野村'));
  await shot(clerk, 'search');
  const personLink = clerk.locator('a[href^="/console/registry/persons/"]').first();
  await personLink.click(); await clerk.waitForLoadState();
  await shot(clerk, 'person');
  const personUrl = clerk.url();
  // 転居 with a wrong date first
  const move = clerk.getByRole('link', { name: /^転居/ }).first();
  await move.click(); await clerk.waitForLoadState();
  await clerk.locator('#occurredOn').fill('令和7年2月30日');
  await clerk.locator('input[name="townName"]').fill('大字大門');
  await clerk.locator('input[name="banchi"]').fill('99番地');
  await clerk.locator('form button[type="submit"]').first().click(); await clerk.waitForLoadState();
  await shot(clerk, 'move-wrong-date');
  const d = new Date(Date.now() + 9 * 3600e3);
  await clerk.locator('#occurredOn').fill(`令和${d.getUTCFullYear() - 2018}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);
  await clerk.locator('form button[type="submit"]').first().click(); await clerk.waitForLoadState();
  await shot(clerk, 'move-confirm');
  await clerk.getByTestId('confirm').locator('button[type="submit"]').first().click(); await clerk.waitForLoadState();
  await shot(clerk, 'move-recorded');
  const changeUrl = clerk.url();
  await clerk.reload(); await shot(clerk, 'move-recorded-reload');
  await clerk.goto('/console/registry/mine'); await shot(clerk, 'mine');
  // certificate from the person page
  await clerk.goto(personUrl);
  await clerk.getByRole('link', { name: /証明書を交付/ }).first().click(); await clerk.waitForLoadState();
  await shot(clerk, 'cert-form');
  await clerk.locator('form button[type="submit"]').last().click(); await clerk.waitForLoadState();
  await shot(clerk, 'cert-after-submit');
  // approver
  const kessai = await login('kessai');
  await kessai.goto('/console/registry/provisional'); await shot(kessai, 'queue');
  await kessai.goto(changeUrl.split('?')[0]!); await shot(kessai, 'detail');
  await kessai.getByRole('link', { name: '本登録へ進む' }).click().catch(async () => kessai.getByRole('button', { name: '本登録へ進む' }).click());
  await kessai.waitForLoadState(); await shot(kessai, 'approve-confirm');
  await kessai.locator('main form button[type="submit"]').first().click(); await kessai.waitForLoadState();
  await shot(kessai, 'approved'); await kessai.reload(); await shot(kessai, 'approved-reload');
  await kessai.goto('/console/cases'); await shot(kessai, 'cases');
  const shinsa = await login('shinsa');
  await shinsa.goto('/console/cases'); await shot(shinsa, 'cases-reviewer');
  const hoiku = await login('hoiku');
  await hoiku.goto('/console/daycare'); await shot(hoiku, 'daycare');
  await clerk.goto('/console/registry/persons/00000000-0000-4000-8000-000000000000'); await shot(clerk, 'unknown-person');
  await clerk.goto('/console/registry/statistics?asOf=' + encodeURIComponent('令和8年13月45日')); await shot(clerk, 'stats-bad-date');
  const phone = await (await browser.newContext({ baseURL: running.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP' })).newPage();
  await phone.goto('/portal'); await shot(phone, 'portal-phone');
  await phone.goto('/verify/'); await shot(phone, 'verify-phone');
} catch (e) { console.log('WALK ERROR', e); }
await browser.close(); await running.stop(); fs.rmSync(dataDir, { recursive: true, force: true });
