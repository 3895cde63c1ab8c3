// The case pages (案件): a reviewer's queue with filters, the case page with checks in words, and every action as
// post/redirect/get; no ids or raw data on screen, dates in 和暦.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { shiftDays } from '../src/domains/cases/business-days.ts';
import { enterHousehold, moveWithinSubmission } from '../src/domains/cases/testing/case-fixtures.ts';

const M = '202151';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('case pages', () => {
  const t = useTestApp();
  const s = consoleSessions(t, M);
  let reviewer: ConsoleSession, counter: ConsoleSession;
  let caseNo = '';

  beforeAll(async () => {
    reviewer = await s.signIn(['reviewer']);
    counter = await s.signIn(['counter']);
    const today = japanToday(t.services.clock);
    const persons = await enterHousehold(t.services, M, { banchi: '3000番地', movedInOn: shiftDays(today, -100),
      members: [{ givenName: '健', birthDate: '1975-01-10', relationship: '世帯主' }] });
    const sub = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '1番1号' });
    sub.subjects[0]!.birthDate = '1975-01-11';
    const actor = { type: 'staff' as const, municipalityCode: M, staffId: counter.staffId, loginId: 'c', displayName: 'c', roles: ['counter' as const], csrfToken: '', sessionTokenHash: '', authMethod: 'password' as const };
    caseNo = (await t.services.cases.submit(actor, sub, { clientIp: '', requestId: 't' })).caseNo;
    await t.services.cases.drainJobs();
  });

  it('lists the case in the reviewer queue with its failed checks, in 和暦, without ids', async () => {
    const res = await s.get(reviewer, '/console/cases?view=all&caseTypeCode=move-within');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(caseNo);
    expect(html).toContain('転居届');
    expect(html).toContain('不適合 1件');
    expect(html).toMatch(/令和\d+年/);
    expect(html.replace(/value="[^"]*"/g, '')).not.toMatch(UUID);
  });

  it('filters by legal deadline typed in 和暦 (no browser date picker), and says beside the field when the day cannot be read', async () => {
    const wareki = await s.get(reviewer, `/console/cases?view=all&dueBefore=${encodeURIComponent('令和30年1月1日')}`);
    const html = await wareki.text();
    expect(wareki.status).toBe(200);
    expect(html).toContain(caseNo);
    expect(html).not.toContain('type="date"');
    expect(html).toContain('data-date-input="day"');
    const past = await (await s.get(reviewer, `/console/cases?view=all&dueBefore=${encodeURIComponent('R2.1.1')}`)).text();
    expect(past).not.toContain(caseNo);
    const bad = await s.get(reviewer, `/console/cases?view=all&dueBefore=${encodeURIComponent('令和8年13月1日')}`);
    expect(bad.status).toBe(200);
    const badHtml = await bad.text();
    expect(badHtml).toContain('日付は「令和8年12月10日」「R8.12.10」のように入力してください');
    expect(badHtml).toContain(caseNo); // the filter that cannot be read is not applied
  });

  it('shows the case page with every check explained and acts by post/redirect/get', async () => {
    const page = await (await s.get(reviewer, `/console/cases/${caseNo}`)).text();
    expect(page).toContain('本人確認（氏名・生年月日・住所）');
    expect(page).toContain('対象者1人目の生年月日が住民記録と一致しません');
    expect(page.replace(/value="[^"]*"/g, '').replace(/action="[^"]*"/g, '')).not.toMatch(UUID);
    expect(page).not.toContain('{"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const assign = await s.post(reviewer, `/console/cases/${caseNo}/assignment`, { _csrf: csrf, to: 'me' });
    expect(assign.status).toBe(303);
    expect(assign.headers.get('location')).toBe(`/console/cases/${caseNo}?done=assigned`);
    const note = await s.post(reviewer, `/console/cases/${caseNo}/notes`, { _csrf: csrf, body: '電話で確認する' });
    expect(note.status).toBe(303);
    const empty = await s.post(reviewer, `/console/cases/${caseNo}/correction`, { _csrf: csrf, message: '' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('補正依頼の内容を入力してください');
    // A decision without one of the two outcomes is refused, never read as an approval; the case stays open.
    for (const outcome of [undefined, 'withdrawn']) {
      const odd = await s.post(reviewer, `/console/cases/${caseNo}/decision`, { _csrf: csrf, ...(outcome ? { outcome } : {}), reasons: '' });
      expect(odd.status).toBe(422);
      expect(await odd.text()).toContain('承認か却下かを選んでください');
    }
    const reject = await s.post(reviewer, `/console/cases/${caseNo}/decision`, { _csrf: csrf, outcome: 'rejected', reasons: '' });
    expect(reject.status).toBe(422);
    expect(await reject.text()).toContain('理由を入力してください');
    const corr = await s.post(reviewer, `/console/cases/${caseNo}/correction`, { _csrf: csrf, message: '生年月日をご確認ください' });
    expect(corr.status).toBe(303);
    const after = await (await s.get(reviewer, `/console/cases/${caseNo}?done=corrected`)).text();
    expect(after).toContain('補正を依頼しました');
    expect(after).toContain('補正待ち');
    expect(after).toContain('電話で確認する');
    expect(after).toContain('停止中（補正待ち）');
  });

  it('approves in bulk only the cases whose automatic review found nothing wrong; a repeat changes nothing', async () => {
    const today = japanToday(t.services.clock);
    const family = await enterHousehold(t.services, M, { banchi: '3100番地', movedInOn: shiftDays(today, -100), members: [
      { givenName: '父', birthDate: '1980-04-01', relationship: '世帯主' }, { givenName: '子', birthDate: '2016-05-05', relationship: '子' }, { givenName: '次', birthDate: '2019-06-06', relationship: '子' }] });
    const stated = (p: (typeof family)[number], birthDate = p.birthDate) => ({ atenaNo: p.atenaNo, familyName: p.familyName, givenName: p.givenName, birthDate });
    const actor = { type: 'staff' as const, municipalityCode: M, staffId: counter.staffId, loginId: 'c', displayName: 'c', roles: ['counter' as const], csrfToken: '', sessionTokenHash: '', authMethod: 'password' as const };
    // 児童手当 is decided by a person even when clean: two clean claims and one with a wrong birth date.
    const claim = (child: (typeof family)[number], birthDate?: string) => t.services.cases.submit(actor, { caseTypeCode: 'child-allowance', channel: 'online', applicant: stated(family[0]!),
      subjects: [stated(child, birthDate)], data: { bankName: '八十二銀行', branchName: '塩尻支店', accountType: 'ordinary', accountNumber: '7654321', publicServant: false } },
    { clientIp: '', requestId: 't' });
    const clean = await claim(family[1]!);
    const faulty = await claim(family[2]!, '2019-06-07');
    await t.services.cases.drainJobs();
    const queue = await (await s.get(reviewer, '/console/cases?caseTypeCode=child-allowance')).text();
    expect(queue).toContain(`${clean.caseNo}を選択`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(queue)![1]!;
    const bulk = (body: Record<string, string | string[]>) => s.post(reviewer, '/console/cases/bulk', body);
    expect((await bulk({ caseNo: [clean.caseNo, faulty.caseNo], bulk: 'approve' })).status).toBe(403);
    const res = await bulk({ _csrf: csrf, caseNo: [clean.caseNo, faulty.caseNo, '9999-999999'], bulk: 'approve', f_caseTypeCode: 'child-allowance' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/cases?caseTypeCode=child-allowance&bulk=approved&n=1&already=0&skipped=${faulty.caseNo}%2C9999-999999`);
    const after = await (await s.get(reviewer, res.headers.get('location')!)).text();
    expect(after).toContain('1件を承認しました');
    expect(after).toContain(`承認しなかった案件（自動審査で問題が見つかった、又は決定する役割がない）: ${faulty.caseNo}、9999-999999`);
    const reviewerActor = { ...actor, staffId: reviewer.staffId, roles: ['reviewer' as const] };
    expect(await t.services.cases.get(reviewerActor, clean.caseId, { clientIp: '', requestId: 't' })).toMatchObject({ statusCode: 'closed', resultCode: 'approved' });
    expect((await t.services.cases.get(reviewerActor, faulty.caseId, { clientIp: '', requestId: 't' })).statusCode).toBe('in-review');
    // The same request again: already closed, nothing decided twice.
    const again = await bulk({ _csrf: csrf, caseNo: [clean.caseNo], bulk: 'approve' });
    expect(again.headers.get('location')).toBe('/console/cases?bulk=approved&n=0&already=1');
    const events = await t.services.caseEvents.caseEvents(reviewerActor, clean.caseId, { clientIp: '', requestId: 't' });
    expect(events.filter((e: { activity: string }) => e.activity === 'decision:approved')).toHaveLength(1);
    // The same through the API: per case approved / already / skipped with the reason.
    const third = await claim(family[1]!);
    await t.services.cases.drainJobs();
    const api = await t.login(M, (await t.staff(M, ['reviewer'])).loginId);
    const out = await api.request('POST', '/api/v1/case-approvals', { caseIds: [third.caseId, faulty.caseId, clean.caseId] });
    expect(out.status).toBe(200);
    const items = ((await out.json()) as { items: Array<{ caseId: string; result: string; message?: string }> }).items;
    expect(items.map((i) => [i.caseId, i.result])).toEqual([[third.caseId, 'approved'], [faulty.caseId, 'skipped'], [clean.caseId, 'already']]);
    expect(items[1]!.message).toBeTruthy();
    expect((await api.request('POST', '/api/v1/case-approvals', { caseIds: [] })).status).toBe(400);
    const clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    // A counter clerk decides nothing: the case is skipped with the reason.
    expect(((await (await clerk.request('POST', '/api/v1/case-approvals', { caseIds: [faulty.caseId] })).json()) as { items: Array<{ result: string }> }).items[0]!.result).toBe('skipped');
    expect((await t.services.cases.get(reviewerActor, faulty.caseId, { clientIp: '', requestId: 't' })).statusCode).toBe('in-review');
    // Nothing selected, or an unknown action: said in words, nothing changes.
    expect((await bulk({ _csrf: csrf, bulk: 'approve' })).headers.get('location')).toBe('/console/cases?bulk=none');
    expect((await bulk({ _csrf: csrf, caseNo: faulty.caseNo, bulk: 'delete' })).status).toBe(422);
  });

  it('refuses a POST without the CSRF token and hides the pages from staff without case roles', async () => {
    expect((await s.post(reviewer, `/console/cases/${caseNo}/notes`, { body: 'x' })).status).toBe(403);
    const daycareless = await s.signIn(['analyst']);
    expect((await s.get(daycareless, '/console/cases')).status).toBe(403);
    expect((await s.get(reviewer, '/console/cases/9999-999999')).status).toBe(404);
  });
});
