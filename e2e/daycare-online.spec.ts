/**
 * 保育所等利用申込 end to end on a phone (390x844; issue #14, 塩尻市 施策1 + 施策2): a parent signed in through the demo
 * OpenID Connect provider applies online in an open round with prefilled data and an employment certificate; the
 * daycare office approves the case, which enters the application in the round scored by the round's rule table
 * (no re-keying: the round's application list has it); the office runs and decides (決定) the allocation; the parent
 * then sees the 内定 notice and the explanation in 申請状況. Every resident page passes axe; no codes on screen. The parent
 * asked for e-mail notifications on マイページ: a local SMTP server receives 受付, 決定 and the round's result notice.
 */
import type { AddressInfo } from 'node:net';
import zlibModule from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoIdpFor, type DemoIdp } from '../src/demo/demo-idp.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { createSmtpMailer } from '../src/platform/mail/mailer.ts';
import { TEST_PASSWORD, useTestApp, type Client } from '../test/test-app.ts';
import { startSmtpSink } from '../test/smtp-sink.ts';
import { assertAccessible, assertClean, screenshot, useBrowser } from './support/browser.ts';

const M = '202151';
/** A 120x80 PNG (grey with a dark band), made with zlib at load. */
const PNG = (() => {
  const zlib = zlibModule;
  const w = 120, h = 80;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.fill(y > 30 && y < 40 ? 40 : 220, y * (w * 3 + 1) + 1 + x * 3, y * (w * 3 + 1) + 4 + x * 3);
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => { const t = Buffer.concat([Buffer.from(type), data]); const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const c = Buffer.alloc(4); c.writeUInt32BE(crc(t)); return Buffer.concat([len, t, c]); };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
})();
const browser = useBrowser();

describe('保育所等利用申込 online, end to end on a phone', () => {
  const t = useTestApp();
  let base = '';
  let idp: DemoIdp | undefined;
  let server: ReturnType<typeof serve> | undefined;
  let office: Client;
  let approver: Client;
  let approverLogin = '';
  let referenceDate = '';

  beforeAll(async () => {
    await t.tenant(M);
    await t.services.registry.seedDemoResidents(M, { persons: 120, seed: 'e2e-daycare-online' });
    server = serve({ fetch: (req) => t.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server!.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    idp = await startDemoIdpFor(t.services, M, { port: 0, publicUrl: base });
    if (!idp) throw new Error('no demo identity provider');
    t.configure({ publicUrl: base, residentOidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'テスト認証基盤でログイン' } });
    office = await t.login(M, (await t.staff(M, ['daycare'])).loginId);
    approverLogin = (await t.staff(M, ['approver', 'daycare'])).loginId;
    approver = await t.login(M, approverLogin);
    // The next 4月 round, with two facilities that have places in every age class.
    const today = japanToday(t.services.clock);
    referenceDate = `${Number(today.slice(0, 4)) + (today.slice(5) >= '04-01' ? 1 : 0)}-04-01`;
    expect((await office.request('POST', '/api/v1/daycare-rounds', {
      roundId: 'R-online', name: '4月入所 一次利用調整', kind: 'primary', referenceDate, ruleTableId: 'example-hachioji-style', lotterySeed: 'e2e',
    })).status).toBe(201);
    for (const [id, name] of [['F1', 'みどり保育園'], ['F2', 'あおば保育園']] as const) {
      expect((await office.request('PUT', `/api/v1/daycare-rounds/R-online/facilities/${id}`, { name, seats: [2, 2, 2, 2, 2, 2] })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await idp?.close();
    await new Promise((r) => server?.close(r));
  });

  it('applies, is scored into the round, and sees the 内定 notice with the explanation', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${base}/portal/login?municipality=${M}`);
    await page.getByRole('button', { name: 'この利用者でログイン' }).click();
    await page.waitForURL(`${base}/portal/**`, { timeout: 15_000 });

    // E-mail notifications, with consent.
    await page.goto(`${base}/portal/my`);
    await page.getByRole('link', { name: 'メールでのお知らせ' }).click();
    await page.getByLabel('メールアドレス').fill('oya@example.jp');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByTestId('error-summary').textContent()).toContain('同意の欄にチェック'); // consent is not assumed
    await assertAccessible(page);
    await screenshot(page, 'portal-notifications-error');
    await page.getByLabel('上記のアドレスで', { exact: false }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/done=saved/);
    expect(await page.getByTestId('current').textContent()).toContain('oya@example.jp');
    await assertAccessible(page);
    await screenshot(page, 'portal-notifications');

    await page.goto(`${base}/portal/procedures/daycare-application`);
    expect(await page.getByTestId('prefill-note').textContent()).toContain('住民記録から入力済み');
    await assertAccessible(page);
    await screenshot(page, 'portal-daycare-overview');
    await page.getByRole('button', { name: '申請を始める' }).click();
    await page.waitForURL(/\/pages\/applicant/);
    expect(await page.getByLabel('氏', { exact: false }).first().inputValue()).not.toBe('');
    await page.getByLabel('日中の連絡先電話番号').fill('0263-52-0280');
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForURL(/\/pages\/children/);
    await assertAccessible(page);
    await screenshot(page, 'portal-daycare-children');
    // The household's young children are offered by name (from the registry); choose the first.
    await page.locator('input[name="children"]').first().check();
    const [y, mo] = referenceDate.split('-').map(Number);
    await page.getByLabel('利用を始めたい日').fill(`令和${y! - 2018}年${mo}月1日`);
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForURL(/\/pages\/facilities/);
    await page.getByLabel('第1希望').selectOption({ label: 'あおば保育園' });
    await page.getByLabel('第2希望').selectOption({ label: 'みどり保育園' });
    await assertAccessible(page);
    await screenshot(page, 'portal-daycare-facilities');
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForURL(/\/pages\/need/);
    await page.getByLabel('保護者1の理由').selectOption('employed');
    await page.getByLabel('保護者1の1週間の就労時間').fill('40');
    await page.getByLabel('保護者2の理由').selectOption('employed');
    await page.getByLabel('保護者2の1週間の就労時間').fill('32');
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForURL(/\/attachments$/);
    // A photo of the certificate (a real PNG: a grey page with a dark band, 120x80).
    await page.getByLabel('ファイル', { exact: false }).setInputFiles({ name: 'shuro.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: '添付する' }).click();
    await page.waitForLoadState('load');
    expect(await page.content()).toContain('shuro.png');
    await screenshot(page, 'portal-daycare-attachments');
    await page.getByRole('link', { name: '確認へ進む' }).click();
    await page.waitForURL(/\/check$/);
    await assertAccessible(page);
    await screenshot(page, 'portal-daycare-check');
    await page.getByRole('button', { name: '申請する' }).click();
    await page.waitForURL(/done=submitted/);
    const caseNo = (await page.getByTestId('case-no').textContent())!.trim();
    const statusUrl = page.url().replace(/\?.*$/, '');

    // The daycare office decides the case (the case type leaves it to a person); the approval enters it in the round.
    await t.services.cases.drainJobs(M);
    const found = await (await approver.request('GET', `/api/v1/cases?caseTypeCode=daycare-application`)).json() as { items: Array<{ caseId: string; caseNo: string }> };
    const kase = found.items.find((c) => c.caseNo === caseNo)!;
    expect(kase).toBeDefined();
    expect((await approver.request('POST', `/api/v1/cases/${kase.caseId}/decisions`, { outcome: 'approved', reasons: '要件確認済み' })).status).toBe(201);
    // The office sees the photo on the case page (1366x900), access-logged.
    const desk = await browser.newPage({ width: 1366, height: 900 });
    await desk.goto(`${base}/login`);
    await desk.getByLabel('自治体').selectOption(M);
    await desk.getByLabel('職員ID').fill(approverLogin);
    await desk.getByLabel('パスワード').fill(TEST_PASSWORD);
    await desk.getByRole('button', { name: 'ログイン' }).click();
    await desk.waitForURL(/\/console/);
    await desk.goto(`${base}/console/cases/${caseNo}`);
    const photo = desk.getByRole('img', { name: /就労証明書/ });
    expect(await photo.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(120);
    const data = await desk.getByTestId('case-data').textContent();
    expect(data).toContain('あおば保育園、みどり保育園'); // names, not the round's facility ids
    expect(data).toContain('就労（外勤・自営）');
    await assertAccessible(desk);
    await screenshot(desk, 'console-case-online-attachment');
    const apps = await (await office.request('GET', '/api/v1/daycare-rounds/R-online/applications')).json() as { items: Array<{ preferences: string[]; score: number }> };
    expect(apps.items).toHaveLength(1);
    expect(apps.items[0]!.preferences).toEqual(['F2', 'F1']);
    expect(apps.items[0]!.score).toBeGreaterThan(0); // scored by the round's rule table from the facts the parent stated

    // Before the round is decided the parent is told it is registered and waiting, not a result.
    await page.goto(statusUrl);
    expect(await page.getByTestId('status-words').textContent()).toContain('利用調整に登録しました');
    expect(await page.getByTestId('daycare-result').textContent()).toContain('4月入所 一次利用調整');
    expect(await page.getByTestId('daycare-result').textContent()).not.toContain('内定');
    await assertAccessible(page);
    await screenshot(page, 'portal-daycare-pending');

    // The office runs the allocation and decides (決定) it.
    expect((await office.request('POST', '/api/v1/daycare-rounds/R-online/allocation-runs')).status).toBe(201);
    expect((await office.request('POST', '/api/v1/daycare-rounds/R-online/confirmations')).status).toBeLessThan(300);

    await page.goto(statusUrl);
    expect(await page.getByTestId('status-words').textContent()).toContain('「あおば保育園」に入所が内定しました');
    const child = page.getByTestId('daycare-child');
    expect(await child.count()).toBe(1);
    expect(await child.textContent()).toContain('内定');
    expect(await page.getByTestId('daycare-summary').textContent()).toContain('第1希望の「あおば保育園」');
    expect(await page.getByTestId('daycare-result').textContent()).toContain('利用調整指数の高い順');
    const text = await page.locator('main').textContent() ?? '';
    expect(text).toContain(`利用調整指数（市の基準表による点数）は${apps.items[0]!.score}点`);
    expect(text).not.toContain('要件確認済み'); // the office's internal note is not the parent's result
    expect(text).not.toMatch(/R-online|F1|F2|case-|OFFER|HOLD|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).toMatch(/令和\d+年/);
    await assertAccessible(page);
    await screenshot(page, 'portal-daycare-offer');
    await page.goto(`${base}/portal/status`);
    expect(await page.locator('main').textContent()).toContain('入所が内定しました');
    await assertAccessible(page);
    await screenshot(page, 'portal-daycare-status-list');
    assertClean(page as never, [422]);

    // The notifications: 受付, the case's decision, the round's 決定; a link only, no name, no facility.
    const smtp = await startSmtpSink();
    const mailer = createSmtpMailer(smtp.url, 'no-reply@city.example.jp');
    expect(await t.services.notifications.sendAll(mailer, base)).toEqual({ [M]: { sent: 3, failed: 0 } });
    mailer.close();
    await smtp.close();
    expect(smtp.received.map((m) => m.to)).toEqual([['oya@example.jp'], ['oya@example.jp'], ['oya@example.jp']]);
    expect(smtp.received.map((m) => m.text).join('\n')).toContain('利用調整の結果が決定しました');
    for (const m of smtp.received) {
      expect(m.text).toContain(statusUrl);
      for (const personal of ['あおば', 'みどり', '保育園', caseNo]) expect(m.raw + m.text).not.toContain(personal);
    }
  }, 240_000);
});
