// The resident's procedure pages (issue #14): the catalogue, prefill only for a matched resident (otherwise empty and
// saying why), Japanese messages beside the field and in a summary with a stable page status, save and resume,
// attachments checked by content, one case per submission (post/redirect/get), 申請状況 with the expected date in 和暦
// and a 補正 answered online; bad input never a 5xx and never a change.
import crypto from 'node:crypto';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resident } from '../src/platform/auth/resident.ts';
import type { AppEnv } from '../src/platform/http/app-env.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { shiftDays } from '../src/domains/cases/business-days.ts';
import { enterHousehold, type FixturePerson } from '../src/domains/cases/testing/case-fixtures.ts';
import { residentOf } from '../src/domains/procedures/testing/residents.ts';
import type { Client } from './test-app.ts';
import { useResidentTestApp } from './resident-session.ts';

const M = '202151';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bf0000000049454e44ae426082', 'hex');

describe('resident procedure pages', () => {
  const t = useResidentTestApp({ persons: 60 });
  let family: FixturePerson[];
  let reviewer: Client;
  /** The app with a signed-in resident (until the resident sign-in's test helper is used here). */
  const as = (r: Resident) => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => { c.set('resident', r); await next(); });
    app.route('/', t.app);
    const send = (method: string, path: string, body?: Record<string, string | string[]> | FormData) => {
      let payload: BodyInit | undefined;
      const headers: Record<string, string> = { accept: 'text/html' };
      if (body instanceof FormData) payload = body;
      else if (body) {
        const u = new URLSearchParams();
        for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, x);
        payload = u.toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      return app.request(path, { method, headers, body: payload });
    };
    return { get: (path: string) => send('GET', path), post: (path: string, body: Record<string, string | string[]> | FormData) => send('POST', path, body) };
  };
  const cases = async () => Number((await sql<{ n: string }>`select count(*)::text as n from cases.case`.execute(t.services.db.owner)).rows[0]!.n);
  const visible = (html: string) => html.replace(/<[^>]+>/g, ' ');

  beforeAll(async () => {
    await t.tenant(M);
    const today = japanToday(t.services.clock);
    family = await enterHousehold(t.services, M, { banchi: '300番地', movedInOn: shiftDays(today, -400), members: [
      { givenName: '太郎', birthDate: '1985-04-01', relationship: '世帯主' }, { givenName: '一郎', birthDate: shiftDays(today, -700), relationship: '子' }] });
    reviewer = await t.login(M, (await t.staff(M, ['reviewer', 'counter'])).loginId);
  });

  it('sends a visitor without a resident session to sign in', async () => {
    const res = await t.app.request('/portal/procedures', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/portal\/login\?next=/);
  });

  it('applies for a 住民票の写し: prefilled, checked, submitted once, followed in 申請状況', async () => {
    const r = residentOf(M, family[0]!);
    const web = as(r);
    const catalogue = await (await web.get('/portal/procedures')).text();
    for (const title of ['住民票の写し等の交付請求', '転出届', '転入・転居の来庁予約', '保育所等利用申込', '児童手当 認定請求', '国民健康保険 資格取得届', '印鑑登録証明書交付申請']) expect(catalogue).toContain(title);
    const overview = await (await web.get('/portal/procedures/residence-certificate')).text();
    expect(overview).toContain('住民記録から入力済み');
    const token = /name="_token" value="([^"]+)"/.exec(overview)![1]!;
    const started = await web.post('/portal/procedures/residence-certificate/applications', { _csrf: r.csrfToken, _token: token });
    expect(started.status).toBe(303);
    const first = started.headers.get('location')!;
    expect((await web.post('/portal/procedures/residence-certificate/applications', { _csrf: r.csrfToken, _token: token })).headers.get('location')).toBe(first);
    const id = /\/portal\/applications\/([^/]+)\//.exec(first)![1]!;
    const page1 = await (await web.get(first)).text();
    expect(page1).toContain('value="小松"');
    expect(page1).toContain('昭和60年4月1日');

    // Bad input: the page again with 422, the message beside the field and in the summary linking to it.
    const bad = await web.post(first, { _csrf: r.csrfToken, 'applicant.familyName': '小松', 'applicant.givenName': '太郎', 'applicant.familyNameKana': 'こまつ',
      'applicant.givenNameKana': 'タロウ', 'applicant.birthDate': '昭和60年4月1日', 'applicant.phone': '', relation: 'self' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('入力内容を確認してください');
    expect(badHtml).toContain('href="#f-applicant-familyNameKana"');
    expect(badHtml).toContain('氏（フリガナ）は全角カタカナで入力してください');
    expect(badHtml).toContain('日中の連絡先電話番号を入力してください');
    expect(badHtml).toMatch(/id="f-applicant-phone-error"/);

    const ok1 = await web.post(first, { _csrf: r.csrfToken, 'applicant.familyName': '小松', 'applicant.givenName': '太郎', 'applicant.familyNameKana': 'コマツ',
      'applicant.givenNameKana': 'タロウ', 'applicant.birthDate': '昭和60年4月1日', 'applicant.phone': '0263-52-0280', relation: 'self' });
    expect(ok1.status).toBe(303);
    expect(ok1.headers.get('location')).toBe(`/portal/applications/${id}/pages/certificate`);
    // Save and resume: 一時保存 goes to 申請状況, where the draft waits.
    const saved = await web.post(`/portal/applications/${id}/pages/certificate`, { _csrf: r.csrfToken, scope: 'self', copies: '1', _action: 'save' });
    expect(saved.headers.get('location')).toBe('/portal/status?done=saved');
    const status = await (await web.get('/portal/status?done=saved')).text();
    expect(status).toContain('入力内容を保存しました');
    expect(status).toContain('続きを入力する');
    await web.post(`/portal/applications/${id}/pages/certificate`, { _csrf: r.csrfToken, scope: 'self', copies: '1' });
    const last = await web.post(`/portal/applications/${id}/pages/purpose`, { _csrf: r.csrfToken, purpose: '勤務先へ提出' });
    expect(last.headers.get('location')).toBe(`/portal/applications/${id}/attachments`);

    // An attachment that is not what it says is refused (by content), a real one is kept.
    const fake = new FormData();
    fake.set('_csrf', r.csrfToken); fake.set('code', 'identity-document'); fake.set('file', new File([Buffer.from('MZ not a picture')], 'license.png', { type: 'image/png' }));
    const refused = await web.post(`/portal/applications/${id}/attachments`, fake);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('このファイルの種類は添付できません');
    const real = new FormData();
    real.set('_csrf', r.csrfToken); real.set('code', 'identity-document'); real.set('file', new File([PNG], 'license.png', { type: 'image/png' }));
    expect((await web.post(`/portal/applications/${id}/attachments`, real)).status).toBe(303);

    const check = await (await web.get(`/portal/applications/${id}/check`)).text();
    expect(check).toContain('勤務先へ提出');
    expect(check).toContain('300円');
    expect(visible(check)).not.toMatch(UUID);
    const before = await cases();
    const sent = await web.post(`/portal/applications/${id}/submission`, { _csrf: r.csrfToken });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/portal/applications/${id}?done=submitted`);
    const again = await web.post(`/portal/applications/${id}/submission`, { _csrf: r.csrfToken });
    expect(again.status).toBe(303);
    expect(await cases()).toBe(before + 1);
    const done = await (await web.get(`/portal/applications/${id}?done=submitted`)).text();
    expect(done).toContain('申請を受け付けました');
    expect(done).toMatch(/\d{4}-\d{6}/);
    expect(done).toMatch(/令和\d+年\d+月\d+日ごろ（遅くとも令和\d+年\d+月\d+日まで）|完了しました/);
    expect(visible(done)).not.toMatch(UUID);
  });

  it('signs a demo resident in through the provider and prefills from the registry; a visitor starts empty', async () => {
    const head = await t.signIn('head-1');
    const my = await (await head.get('/portal/my')).text();
    expect(my).toContain('申請できる手続');
    const overview = await (await head.get('/portal/procedures/residence-certificate')).text();
    expect(overview).toContain('住民記録から入力済み');
    const token = /name="_token" value="([^"]+)"/.exec(overview)![1]!;
    const started = await head.post('/portal/procedures/residence-certificate/applications', { _token: token });
    expect(started.status).toBe(303);
    const page = await (await head.get(started.headers.get('location')!)).text();
    expect(page).toContain(`value="${head.account.familyName}"`);
    expect(page).toContain(`value="${head.account.givenName}"`);
    const visitor = await t.signIn('visitor');
    expect(await (await visitor.get('/portal/procedures/residence-certificate')).text()).toContain('住民記録の一人と一致しなかったため');
    // Without the session's CSRF token a form is refused and nothing starts.
    const forged = await head.post('/portal/procedures/residence-certificate/applications', { _csrf: 'forged', _token: crypto.randomUUID() });
    expect(forged.status).toBe(403);
  });

  it('starts empty for a resident not matched to the registry and says why', async () => {
    const r = residentOf(M, null);
    const web = as(r);
    const overview = await (await web.get('/portal/procedures/residence-certificate')).text();
    expect(overview).toContain('住民記録の一人と一致しなかったため');
    const token = /name="_token" value="([^"]+)"/.exec(overview)![1]!;
    const first = (await web.post('/portal/procedures/residence-certificate/applications', { _csrf: r.csrfToken, _token: token })).headers.get('location')!;
    const page = await (await web.get(first)).text();
    expect(page).toContain('住民記録と照合できなかったため、空欄から入力してください');
    expect(page).not.toContain('value="小松"');
  });

  it('answers a 補正 online from 申請状況', async () => {
    const r = residentOf(M, family[0]!);
    const web = as(r);
    const p = t.services.procedures;
    const ctx = { clientIp: '', requestId: 't' };
    const { applicationId } = await p.start(r, 'seal-certificate', ctx);
    await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['小松'], 'applicant.givenName': ['太郎'], 'applicant.familyNameKana': ['コマツ'],
      'applicant.givenNameKana': ['タロウ'], 'applicant.birthDate': ['1985-04-01'], 'applicant.phone': ['0263-52-0280'] });
    await p.savePage(r, applicationId, 'seal', { sealRegistrationNo: ['77'], copies: ['1'] });
    const { caseId } = await p.submit(r, applicationId, ctx);
    await reviewer.request('POST', `/api/v1/cases/${caseId}/corrections`, { message: '印鑑登録証の番号を確認してください' });
    const page = await (await web.get(`/portal/applications/${applicationId}`)).text();
    expect(page).toContain('補正をお願いしています');
    expect(page).toContain('補正への回答をいただいてから改めてお知らせします');
    const correctionId = /corrections\/([0-9a-f-]{36})"/.exec(page)![1]!;
    const empty = await web.post(`/portal/applications/${applicationId}/corrections/${correctionId}`, { _csrf: r.csrfToken, message: ' ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('補正への回答を入力してください');
    const answered = await web.post(`/portal/applications/${applicationId}/corrections/${correctionId}`, { _csrf: r.csrfToken, message: '番号は77です' });
    expect(answered.status).toBe(303);
    const after = await (await web.get(`/portal/applications/${applicationId}?done=answered`)).text();
    expect(after).toContain('審査しています');
    expect(after).toContain('番号は77です');
  });

  it('refuses bad requests with a page, never a 5xx, and changes nothing', async () => {
    const r = residentOf(M, family[0]!);
    const other = residentOf(M, null);
    const web = as(r);
    const { applicationId } = await t.services.procedures.start(other, 'move-out', { clientIp: '', requestId: 't' });
    const before = await cases();
    const probes: Array<[string, string, Record<string, string>?]> = [
      ['GET', '/portal/procedures/no-such-procedure'], ['GET', '/portal/procedures/..%2f'], ['GET', `/portal/applications/${applicationId}/pages/applicant`],
      ['GET', '/portal/applications/not-an-id/pages/x'], ['GET', `/portal/applications/${applicationId}`],
      ['POST', `/portal/applications/${applicationId}/submission`, { _csrf: r.csrfToken }],
      ['POST', '/portal/procedures/residence-certificate/applications', { _csrf: 'wrong' }],
      ['POST', `/portal/applications/${applicationId}/pages/move`, { _csrf: r.csrfToken, movingOn: 'x'.repeat(5000) }],
    ];
    for (const [method, path, body] of probes) {
      const res = method === 'GET' ? await web.get(path) : await web.post(path, body ?? {});
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
    expect(await cases()).toBe(before);
  });
});
