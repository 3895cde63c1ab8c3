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

  it('refuses a POST without the CSRF token and hides the pages from staff without case roles', async () => {
    expect((await s.post(reviewer, `/console/cases/${caseNo}/notes`, { body: 'x' })).status).toBe(403);
    const daycareless = await s.signIn(['analyst']);
    expect((await s.get(daycareless, '/console/cases')).status).toBe(403);
    expect((await s.get(reviewer, '/console/cases/9999-999999')).status).toBe(404);
  });
});
