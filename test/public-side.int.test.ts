// SPDX-License-Identifier: EUPL-1.2
/**
 * The internet side as `jichi serve --role public` runs it (issue #14): the app built with role 'public', every
 * transaction as the database role jichi_public. Staff screens and the API are absent; the portal, the guide and
 * the verify page work, a resident signs in through the provider and reads their access history, and applies online:
 * the submission waits in the inbox until the LGWAN side's task opens its case; status, expected completion and 補正
 * answers cross the boundary only through the database.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices } from '../src/services.ts';
import { useAppRole } from '../src/platform/tenancy/tenant-transaction.ts';
import { RESIDENT_TEST_MUNICIPALITY as SHIOJIRI, TestBrowser, useResidentTestApp } from './resident-session.ts';

const t = useResidentTestApp();
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bf0000000049454e44ae426082', 'hex');
let publicApp: ReturnType<typeof createApp>;

beforeAll(() => {
  // In production the login is a member of jichi_public only (DATABASE_PUBLIC_URL); here the owner connection, which
  // may become jichi_public (the derived jichi_app login of the test server may not).
  const services = createServices({ ...t.services.db, app: t.services.db.owner }, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600, role: 'public' });
  publicApp = createApp(services, {
    config: { publicUrl: 'http://127.0.0.1', residentOidc: { issuer: t.idp.issuer, clientId: t.idp.clientId, clientSecret: t.idp.clientSecret, label: 'ログイン' } },
    log: createLogger('silent'), role: 'public',
  });
  useAppRole('jichi_public');
});
afterAll(() => useAppRole('jichi_app'));

/** Runs LGWAN-side work (staff, the periodic task) as jichi_app, then goes back to the public side's role. */
async function onLgwanSide<T>(fn: () => Promise<T>): Promise<T> {
  useAppRole('jichi_app');
  try { return await fn(); } finally { useAppRole('jichi_public'); }
}

/** The form's current values (inputs, checked radios, selected options) with `over` on top, as a browser would post them. */
function formOf(html: string, over: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const form = html.slice(html.indexOf('<form method="post" action="/portal/applications/'));
  for (const m of form.matchAll(/<input ([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? 'text';
    if (!name || type === 'file' || ((type === 'radio' || type === 'checkbox') && !/\schecked/.test(` ${attrs}`))) continue;
    out[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return { ...out, ...over };
}

describe('the public side', () => {
  it.each(['/console', '/login', '/console/registry', '/api/v1/persons', '/api/v1/openapi.json', '/auth/oidc/start?municipality=202151'])('has no %s', async (path) => {
    expect((await publicApp.request(path)).status).toBe(404);
  });

  it.each(['/portal', '/guide', '/verify', '/healthz'])('serves %s', async (path) => {
    expect((await publicApp.request(path)).status).toBe(200);
  });

  it('signs a resident in as jichi_public, matches them and shows their access history', async () => {
    const browser = new TestBrowser((path, init) => publicApp.request(path, init));
    const end = await browser.signIn(t.account('head-1').subject, SHIOJIRI);
    expect(end.status).toBe(303);
    const my = await browser.fetch('/portal/my');
    expect(await my.text()).toContain('住民記録と照合できました');
    const history = await browser.fetch('/portal/my/access-history');
    expect(history.status).toBe(200);
    expect(await history.text()).toContain('ログイン時の本人確認');
  });

  it('takes an application for 住民票の写し into the inbox; the LGWAN side opens its case, and status and a 補正 answer cross back', async () => {
    const browser = new TestBrowser((path, init) => publicApp.request(path, init));
    expect((await browser.signIn(t.account('head-1').subject, SHIOJIRI)).status).toBe(303);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await browser.fetch('/portal/my')).text())![1]!;
    const web = browser.client(t.account('head-1'), csrf);
    expect(await (await web.get('/portal/procedures')).text()).toContain('住民票の写し等の交付請求');
    const overview = await (await web.get('/portal/procedures/residence-certificate')).text();
    expect(overview).toContain('住民記録から入力済み');
    const token = /name="_token" value="([^"]+)"/.exec(overview)![1]!;
    const started = await web.post('/portal/procedures/residence-certificate/applications', { _token: token });
    expect(started.status).toBe(303);
    const first = started.headers.get('location')!;
    const id = /\/portal\/applications\/([^/]+)\//.exec(first)![1]!;
    // Prefilled through procedures.resident_household (the registry is not readable by jichi_public).
    const page1 = await (await web.get(first)).text();
    expect(page1).toContain(`value="${t.account('head-1').familyName}"`);
    const ok1 = await web.post(first, formOf(page1, { 'applicant.phone': '0263-52-0280', relation: 'self' }));
    expect(ok1.headers.get('location')).toBe(`/portal/applications/${id}/pages/certificate`);
    await web.post(`/portal/applications/${id}/pages/certificate`, { scope: 'self', copies: '1' });
    expect((await web.post(`/portal/applications/${id}/pages/purpose`, { purpose: '勤務先へ提出' })).headers.get('location')).toBe(`/portal/applications/${id}/attachments`);
    // An attachment, checked by content on the public side and kept with its SHA-256.
    const upload = new FormData();
    upload.set('_csrf', csrf);
    upload.set('code', 'identity-document');
    upload.set('file', new File([PNG], '免許証.png', { type: 'image/png' }));
    const attached = await web.request('POST', `/portal/applications/${id}/attachments`, { body: upload, headers: { origin: 'http://127.0.0.1' } });
    expect(attached.headers.get('location')).toBe(`/portal/applications/${id}/attachments`);
    expect(await (await web.get(`/portal/applications/${id}/attachments`)).text()).toContain('免許証.png');
    expect((await web.get(`/portal/applications/${id}/check`)).status).toBe(200);
    const sent = await web.post(`/portal/applications/${id}/submission`);
    expect(sent.headers.get('location')).toBe(`/portal/applications/${id}?done=submitted`);
    expect((await web.post(`/portal/applications/${id}/submission`)).headers.get('location')).toBe(`/portal/applications/${id}?done=submitted`);

    // In the inbox: submitted, no case; the resident sees it being received.
    const owner = t.services.db.owner;
    const row = async () => (await sql<{ status: string; caseId: string | null; caseNo: string | null; submission: unknown }>`
      SELECT status, case_id, case_no, submission FROM procedures.application WHERE application_id = ${id}`.execute(owner)).rows[0]!;
    expect(await row()).toMatchObject({ status: 'submitted', caseId: null });
    const waiting = await (await web.get(`/portal/applications/${id}?done=submitted`)).text();
    expect(waiting).toContain('受付処理中です');
    expect(waiting).toContain('受付番号は、受付の処理が済みしだい');
    expect(await (await web.get('/portal/status')).text()).toContain('受付処理中です');

    // The LGWAN side's task opens exactly one case, once, even when it runs twice at the same time.
    const runs = await onLgwanSide(() => Promise.all([t.services.proceduresIntake.runAll(), t.services.proceduresIntake.runAll()]));
    expect(runs.reduce((n, r) => n + (r[SHIOJIRI]?.opened ?? 0), 0)).toBe(1);
    expect((await onLgwanSide(() => t.services.proceduresIntake.runAll()))[SHIOJIRI]?.opened ?? 0).toBe(0);
    const linked = await row();
    expect(linked.caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(linked.submission).toBeNull();
    const kase = (await sql<{ channel: string; receivedOn: string }>`
      SELECT channel, received_on FROM cases.case WHERE case_no = ${linked.caseNo}`.execute(owner)).rows;
    expect(kase).toHaveLength(1);
    expect(kase[0]).toMatchObject({ channel: 'online' });
    // Staff see the attachment sent on the public side on the case page.
    const staffView = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM procedures.attachment t JOIN procedures.application a
      ON a.municipality_code = t.municipality_code AND a.application_id = t.application_id WHERE a.case_id = ${linked.caseId}`.execute(owner)).rows[0]!;
    expect(staffView.n).toBe(1);

    // The status page on the public side: number, plain words, the expected completion in 和暦 (procedures.resident_cases).
    const status = await (await web.get(`/portal/applications/${id}`)).text();
    expect(status).toContain(linked.caseNo!);
    expect(status).toMatch(/data-testid="expected">令和\d+年\d+月\d+日ごろ（遅くとも令和\d+年\d+月\d+日まで）/);

    // Staff ask for a 補正 on the LGWAN side; the resident answers it on the public side; the task records it on the case.
    const reviewer = await onLgwanSide(async () => t.login(SHIOJIRI, (await t.staff(SHIOJIRI, ['reviewer'])).loginId));
    const asked = await onLgwanSide(() => reviewer.request('POST', `/api/v1/cases/${linked.caseId}/corrections`, { message: '請求の目的を具体的に記入してください' }));
    expect(asked.status).toBeLessThan(300);
    const page = await (await web.get(`/portal/applications/${id}`)).text();
    expect(page).toContain('請求の目的を具体的に記入してください');
    const correctionId = /corrections\/([0-9a-f-]{36})"/.exec(page)![1]!;
    expect((await web.post(`/portal/applications/${id}/corrections/${correctionId}`, { message: ' ' })).status).toBe(422);
    const answered = await web.post(`/portal/applications/${id}/corrections/${correctionId}`, { message: '勤務先（塩尻市内）へ提出するためです' });
    expect(answered.headers.get('location')).toBe(`/portal/applications/${id}?done=answered`);
    expect(await (await web.get(`/portal/applications/${id}`)).text()).toContain('勤務先（塩尻市内）へ提出するためです');
    const again = await web.post(`/portal/applications/${id}/corrections/${correctionId}`, { message: '二度目' });
    expect(again.headers.get('location')).toBe(`/portal/applications/${id}?done=answered`);
    expect((await onLgwanSide(() => t.services.proceduresIntake.runAll()))[SHIOJIRI]?.answered).toBe(1);
    const onCase = (await sql<{ answerMessage: string; statusCode: string }>`SELECT k.answer_message, c.status_code FROM cases.correction k
      JOIN cases.case c ON c.municipality_code = k.municipality_code AND c.case_id = k.case_id WHERE k.correction_id = ${correctionId}`.execute(owner)).rows[0]!;
    expect(onCase.answerMessage).toBe('勤務先（塩尻市内）へ提出するためです');
    expect(onCase.statusCode).not.toBe('awaiting-correction');
  });

  it('keeps a resident\'s e-mail address for notifications on the public side, their own only', async () => {
    const browser = new TestBrowser((path, init) => publicApp.request(path, init));
    await browser.signIn(t.account('member-1').subject, SHIOJIRI);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await browser.fetch('/portal/my')).text())![1]!;
    const web = browser.client(t.account('member-1'), csrf);
    expect((await web.post('/portal/my/notifications', { email: 'not-an-address', consent: 'yes' })).status).toBe(422);
    expect((await web.post('/portal/my/notifications', { email: 'hanako@example.jp', consent: 'yes' })).headers.get('location')).toBe('/portal/my/notifications?done=saved');
    expect(await (await web.get('/portal/my/notifications')).text()).toContain('hanako@example.jp');
    expect((await web.post('/portal/my/notifications', { stop: 'yes' })).headers.get('location')).toBe('/portal/my/notifications?done=stopped');
    expect(await (await web.get('/portal/my/notifications')).text()).not.toContain('hanako@example.jp');
  });
});
