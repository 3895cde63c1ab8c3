// SPDX-License-Identifier: EUPL-1.2
/**
 * A resident applies for a 住民票の写し on a phone (390x844), signed in through the demo OpenID Connect provider,
 * and axe-core checks every page of every shipped procedure (overview, each form page, attachments, check) and
 * 申請状況. Its own server over a fresh test database (the provider needs to know the app's address).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoIdpFor, type DemoIdp } from '../src/demo/demo-idp.ts';
import { STANDARD_PROCEDURES } from '../src/domains/procedures/index.ts';
import { useTestApp } from '../test/test-app.ts';
import { assertAccessible, assertClean, screenshot, useBrowser } from './support/browser.ts';

const M = '202151';
const browser = useBrowser();

describe('online procedures on a phone', () => {
  const t = useTestApp();
  let base = '';
  let idp: DemoIdp | undefined;
  let server: ReturnType<typeof serve> | undefined;

  beforeAll(async () => {
    await t.tenant(M);
    await t.services.registry.seedDemoResidents(M, { persons: 120, seed: 'e2e-procedures' });
    server = serve({ fetch: (req) => t.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server!.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    idp = await startDemoIdpFor(t.services, M, { port: 0, publicUrl: base });
    if (!idp) throw new Error('no demo identity provider');
    t.configure({ publicUrl: base, residentOidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'テスト認証基盤でログイン' } });
  });
  afterAll(async () => {
    await idp?.close();
    await new Promise((r) => server?.close(r));
  });

  const signedIn = async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${base}/portal/login?municipality=${M}`);
    await page.getByRole('button', { name: 'この利用者でログイン' }).click();
    await page.waitForURL(`${base}/portal/**`, { timeout: 15_000 });
    return page;
  };

  it('passes axe on every page of every shipped procedure', async () => {
    const page = await signedIn();
    await page.goto(`${base}/portal/procedures`);
    await assertAccessible(page);
    await screenshot(page, 'portal-procedures');

    // Every page of every shipped procedure passes axe.
    for (const def of STANDARD_PROCEDURES) {
      await page.goto(`${base}/portal/procedures/${def.code}`);
      await assertAccessible(page);
      const start = page.getByRole('button', { name: '申請を始める' });
      if (await start.count() === 0) continue; // not eligible: the page says why (checked by axe above)
      await start.click();
      await page.waitForURL(/\/pages\//);
      const id = /applications\/([^/]+)\//.exec(page.url())![1]!;
      for (const p of def.pages) {
        await page.goto(`${base}/portal/applications/${id}/pages/${p.id}`);
        await assertAccessible(page);
      }
      // The first page with its errors (summary and messages beside the fields).
      await page.goto(`${base}/portal/applications/${id}/pages/${def.pages[1]!.id}`);
      await page.getByRole('button', { name: '次へ進む' }).click();
      await page.waitForLoadState('load');
      await assertAccessible(page);
      if (def.attachments.length) {
        await page.goto(`${base}/portal/applications/${id}/attachments`);
        await assertAccessible(page);
      }
      await page.goto(`${base}/portal/applications/${id}/check`);
      await assertAccessible(page);
    }

  }, 300_000);

  it('applies for a 住民票の写し on a phone, prefilled, and follows it in 申請状況', async () => {
    const page = await signedIn();
    await page.goto(`${base}/portal/procedures/residence-certificate`);
    expect(await page.getByTestId('prefill-note').textContent()).toContain('住民記録から入力済み');
    await page.getByRole('button', { name: '申請を始める' }).click();
    await page.waitForURL(/\/pages\/applicant/);
    expect(await page.getByLabel('氏', { exact: false }).first().inputValue()).not.toBe('');
    await page.getByLabel('日中の連絡先電話番号').fill('0263-52-0280');
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForURL(/\/pages\/certificate/);
    await page.getByLabel('本人のみ').check();
    await page.getByLabel('通数').fill('1');
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForURL(/\/pages\/purpose/);
    await page.getByLabel('利用目的').fill('勤務先へ提出');
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForURL(/\/attachments$/);
    await page.getByRole('link', { name: '確認へ進む' }).click();
    await page.waitForURL(/\/check$/);
    await screenshot(page, 'portal-residence-certificate-check');
    await page.getByRole('button', { name: '申請する' }).click();
    await page.waitForURL(/done=submitted/);
    expect(await page.getByTestId('done').textContent()).toContain('申請を受け付けました');
    expect(await page.getByTestId('case-no').textContent()).toMatch(/^\d{4}-\d{6}$/);
    await assertAccessible(page);
    await screenshot(page, 'portal-residence-certificate-done');
    await page.goto(`${base}/portal/status`);
    await assertAccessible(page);
    assertClean(page);
  }, 120_000);
});
