// SPDX-License-Identifier: EUPL-1.2
/** Browser helpers for the end-to-end tests: Debian's Chromium via playwright-core, axe-core, sign-in. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

const require = createRequire(import.meta.url);

/** The demo municipality and password (src/demo/demo-seed.ts). */
export const DEMO = { municipalityCode: '202151', password: 'shiojiri-demo-2026' } as const;

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = path.resolve('tmp', 'screenshots');

/** Launches Chromium for the current test file and gives each test a fresh context (no shared cookies). */
export function useBrowser() {
  const state = {} as { browser: Browser; contexts: BrowserContext[] };
  beforeAll(async () => {
    state.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    state.contexts = [];
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  return {
    baseUrl: inject('baseUrl'),
    /** A new page in a new browser context; CSP violations and page errors fail the test at `assertClean`. */
    async newPage(opts: { width?: number; height?: number; locale?: string } = {}): Promise<Page & { problems: string[] }> {
      const context = await state.browser.newContext({
        baseURL: inject('baseUrl'),
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
        locale: opts.locale ?? 'ja-JP',
      });
      state.contexts.push(context);
      const page = (await context.newPage()) as Page & { problems: string[] };
      page.problems = [];
      page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(msg.text()); });
      page.on('pageerror', (err) => page.problems.push(err.message));
      return page;
    },
  };
}

/**
 * Fails when the page logged errors (e.g. Content-Security-Policy violations) or threw; `expected`
 * names HTTP statuses the test provoked on purpose (Chromium logs them as console errors).
 */
export function assertClean(page: Page & { problems: string[] }, expected: number[] = []): void {
  expect(page.problems.filter((p) => !expected.some((s) => p.includes(`status of ${s}`)))).toEqual([]);
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and fails on any violation. */
export async function assertAccessible(page: Page): Promise<void> {
  // The page's CSP forbids inline scripts, so inject axe-core through the DevTools protocol instead of a <script> tag.
  const source = fs.readFileSync(require.resolve('axe-core'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ passes: unknown[]; violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  // Guard against a silently empty run (e.g. axe-core not loaded).
  expect(result.passes.length).toBeGreaterThan(5);
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n  ')}`);
  expect(summary).toEqual([]);
}

/** Saves a full-page screenshot under tmp/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the login form as a demo staff member. */
export async function signIn(page: Page, loginId: string, password: string = DEMO.password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('自治体').selectOption(DEMO.municipalityCode);
  await page.getByLabel('職員ID').fill(loginId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/**
 * Waits until the page's autofocus has put the caret in the field (`occurredOn`, the first field of every change
 * form). Navigation resolves at the load event, which can come before autofocus is applied; typing before that
 * would go nowhere. Times out, failing the test, when the field never gets the focus.
 */
export async function focusLanded(page: Page, id = 'occurredOn'): Promise<void> {
  await page.waitForFunction((i) => document.activeElement?.id === i, id, { timeout: 5000 });
}
