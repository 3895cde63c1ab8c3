// Effects of approval in the same transaction as the decision (issue #10): a 住民票の写し等の交付請求 issues the
// certificate through the certificates domain and queues it for postal delivery; a clean 転居届 is finalised (本登録)
// by rule; a retried approval never writes twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { japanToday } from '../registry/index.ts';
import { shiftDays } from './business-days.ts';
import { enterHousehold, moveWithinSubmission, type FixturePerson } from './testing/case-fixtures.ts';

const M = '202151';

describe('effects of an approved case', () => {
  const t = useTestApp();
  let counter: Client, reviewer: Client, approver: Client;
  let today: string;
  let n = 0;
  const json = async <T = Record<string, any>>(res: Response) => (await res.json()) as T;
  const household = async () => enterHousehold(t.services, M, {
    banchi: `${3000 + ++n}番地`, movedInOn: shiftDays(today, -300),
    members: [{ givenName: `誠${n}`, birthDate: '1975-02-03', relationship: '世帯主' }, { givenName: `恵${n}`, birthDate: '1978-09-09', relationship: '妻' }],
  });
  const stated = (p: FixturePerson) => ({ atenaNo: p.atenaNo, familyName: p.familyName, givenName: p.givenName, birthDate: p.birthDate });
  const certificateCase = (persons: FixturePerson[], data: Record<string, unknown> = {}) => ({
    caseTypeCode: 'residence-certificate', channel: 'online', applicant: stated(persons[0]!), subjects: [stated(persons[0]!)],
    data: { purpose: '年金の手続きのため', delivery: 'post', copies: 2, ...data },
  });
  const submitAndReview = async (body: unknown) => {
    const res = await counter.request('POST', '/api/v1/cases', body);
    expect(res.status).toBe(201);
    const { caseId } = await json(res);
    await t.services.cases.drainJobs();
    return json(await reviewer.request('GET', `/api/v1/cases/${caseId}`));
  };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    reviewer = await mk(['reviewer']);
    approver = await mk(['approver']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
  });

  it('issues the certificate of a clean 住民票の写し request in the approval, queues it for post, and a clerk marks it sent once', async () => {
    const persons = await household();
    const c = await submitAndReview(certificateCase(persons));
    expect(c).toMatchObject({ statusCode: 'closed', resultCode: 'approved' });
    const effect = c.decision.effect as { kind: string; state: string; issueNo: number; delivery: string; feeYen: number };
    expect(effect).toMatchObject({ kind: 'certificate', state: 'issued-awaiting-post', delivery: 'post' });
    expect(effect.issueNo).toBeGreaterThan(0);
    // The ledger holds it, issued by the system for this case, for the person asked, two copies.
    const ledger = (await json<{ items: Array<Record<string, any>> }>(await counter.request('GET', '/api/v1/certificate-issuances?limit=50'))).items;
    const row = ledger.find((r) => r.issueNo === effect.issueNo)!;
    expect(row).toMatchObject({ certificateKind: 'residence-copy', requesterType: 'self', copies: 2, staffId: null, personIds: [persons[0]!.personId] });
    expect(effect.feeYen).toBe(row.feeYen);
    // The postal queue lists it by name; the clerk prints the PDF and marks it sent (a repeat changes nothing).
    const page = await (await counter.request('GET', '/console/certificates/postal')).text();
    expect(page).toContain(`${persons[0]!.familyName}　${persons[0]!.givenName}`);
    expect(page).toContain(`/console/certificates/issuances/${effect.issueNo}/pdf`);
    const pdf = await counter.request('GET', `/console/certificates/issuances/${effect.issueNo}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const form = new URLSearchParams({ _csrf: counter.csrfToken });
    const send = () => counter.send('POST', `/console/certificates/postal/${effect.issueNo}/sent`, form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const first = await send();
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/console/certificates/postal?sent=${effect.issueNo}`);
    const again = await send();
    expect(again.status).toBe(303);
    const after = await (await counter.request('GET', '/console/certificates/postal')).text();
    expect(after).not.toContain(`/console/certificates/issuances/${effect.issueNo}/pdf"`);
    expect(after).toContain('最近郵送したもの');
    // The case page links to the issued certificate.
    const casePage = await (await reviewer.request('GET', `/console/cases/${c.caseNo}`)).text();
    expect(casePage).toContain(`/console/certificates/issuances/${effect.issueNo}`);
    // …which the reviewer may open (the record, read-only: no printing, which stays with the counter).
    const record = await reviewer.request('GET', `/console/certificates/issuances/${effect.issueNo}`);
    expect(record.status).toBe(200);
    const recordPage = await record.text();
    expect(recordPage).toContain('交付記録: 住民票の写し');
    expect(recordPage).toContain(`${persons[0]!.familyName}　${persons[0]!.givenName}`);
    expect(recordPage).not.toContain(`/console/certificates/issuances/${effect.issueNo}/pdf`);
    expect((await reviewer.request('GET', `/console/certificates/issuances/${effect.issueNo}/pdf`)).status).toBe(403);
    expect((await reviewer.request('GET', '/console/certificates/postal')).status).toBe(403);
    expect((await reviewer.request('GET', '/console/certificates')).status).toBe(403);
    // Marking a certificate that is not in the postal queue is refused with a stable code, changing nothing.
    const bad = await counter.send('POST', '/console/certificates/postal/999999/sent', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(bad.status).toBe(404);
  });

  it('sends a request whose certificate cannot be issued (a 仮登録 pending) to a person, issuing nothing; the person\'s approval issues it once', async () => {
    const persons = await household();
    // A 転居 of the person waits as 仮登録 (a reviewer's approval does not finalise it).
    const move = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '5番5号' });
    move.subjects[1]!.birthDate = '1978-09-10'; // fails identity: goes to a person
    const mc = await submitAndReview(move);
    move.subjects[1]!.birthDate = persons[1]!.birthDate;
    expect(mc.statusCode).toBe('in-review');
    const ok = await reviewer.request('POST', `/api/v1/cases/${mc.caseId}/decisions`, { outcome: 'approved', reasons: '電話で生年月日を確認' });
    expect(ok.status).toBe(201);
    const decided = await json(await reviewer.request('GET', `/api/v1/cases/${mc.caseId}`));
    expect(decided.decision.effect.registryStatus).toBe('provisional');

    const ledgerNow = async () => (await json<{ items: Array<{ issueNo: number; staffId: string | null }> }>(await counter.request('GET', '/api/v1/certificate-issuances?limit=200'))).items;
    const before = await ledgerNow();
    const c = await submitAndReview(certificateCase(persons, { delivery: 'counter', copies: 1 }));
    expect(c).toMatchObject({ statusCode: 'in-review', reviewOutcome: 'needs-person' });
    const failed = c.review.checks.filter((x: { passed: boolean }) => !x.passed);
    expect(failed.map((x: { message: string }) => x.message).join()).toContain('仮登録');
    expect((await ledgerNow()).length).toBe(before.length);
    // The reviewer has seen the check and approves: issued now, at the counter (not queued for post); a repeat answers the same decision.
    const d1 = await reviewer.request('POST', `/api/v1/cases/${c.caseId}/decisions`, { outcome: 'approved', reasons: '仮登録の内容を確認済み' });
    expect(d1.status).toBe(201);
    const issued = (await json(await reviewer.request('GET', `/api/v1/cases/${c.caseId}`))).decision.effect;
    expect(issued).toMatchObject({ kind: 'certificate', state: 'issued', delivery: 'counter' });
    const d2 = await reviewer.request('POST', `/api/v1/cases/${c.caseId}/decisions`, { outcome: 'approved', reasons: '仮登録の内容を確認済み' });
    expect(d2.status).toBeLessThan(500);
    const ledger = await ledgerNow();
    expect(ledger.length).toBe(before.length + 1);
    expect(ledger.find((r) => r.issueNo === issued.issueNo)!.staffId).toBe(reviewer.staffId);
    const page = await (await counter.request('GET', '/console/certificates/postal')).text();
    expect(page).not.toContain(`/console/certificates/issuances/${issued.issueNo}/pdf"`);
  });

  it('finalises (本登録) a clean, automatically approved 転居届 by rule in the same transaction', async () => {
    const persons = await household();
    const c = await submitAndReview(moveWithinSubmission(persons, { movedOn: shiftDays(today, -2), banchi: '9番9号' }));
    expect(c).toMatchObject({ statusCode: 'closed', resultCode: 'approved' });
    expect(c.decision.effect.registryStatus).toBe('final');
    const change = await json(await reviewer.request('GET', `/api/v1/changes/${c.decision.effect.registryChangeId}`));
    expect(change).toMatchObject({ status: 'final', operatorId: 'auto-review' });
    const person = await json(await reviewer.request('GET', `/api/v1/persons/${persons[0]!.personId}`));
    expect(JSON.stringify(person.address)).toContain('9番9号');
    // Nothing is left for the approver.
    const again = await approver.request('POST', `/api/v1/changes/${c.decision.effect.registryChangeId}/approvals`);
    expect(again.status).toBe(409);
  });

  it('enters an approved 保育所等利用申込 in the open round, scored by the rule table, and the case names the round and facilities', async () => {
    const daycare = await t.login(M, (await t.staff(M, ['daycare'])).loginId);
    expect((await daycare.request('POST', '/api/v1/daycare-rounds', {
      roundId: 'R-case', name: '令和9年4月 一次利用調整', kind: 'primary', referenceDate: '2027-04-01', ruleTableId: 'example-hachioji-style', lotterySeed: 'seed',
    })).status).toBe(201);
    for (const [id, name, seats] of [['F1', 'さくら保育園', [1, 2, 0, 0, 0, 0]], ['F2', 'ひまわり保育園', [0, 1, 0, 0, 0, 0]]] as const) {
      expect((await daycare.request('PUT', `/api/v1/daycare-rounds/R-case/facilities/${id}`, { name, seats })).status).toBe(201);
    }
    const family = await enterHousehold(t.services, M, { banchi: `${3000 + ++n}番地`, movedInOn: shiftDays(today, -300),
      members: [{ givenName: '陽子', birthDate: '1990-01-01', relationship: '世帯主' }, { givenName: '陽太', birthDate: '2025-06-01', relationship: '子' }] });
    const body = {
      caseTypeCode: 'daycare-application', channel: 'online', applicant: stated(family[0]!), subjects: [stated(family[1]!)],
      data: { desiredStart: '2027-04-01', preferences: ['ひまわり保育園', 'さくら保育園'], needReason: '就労（月120時間以上）', facts: { parents: [{ need: 'employed', weeklyHours: 40 }] } },
    };
    const c = await submitAndReview(body);
    expect(c).toMatchObject({ statusCode: 'in-review', reviewOutcome: 'clean' }); // the case type leaves the decision to a person
    const bad = await submitAndReview({ ...body, subjects: [stated(family[1]!)], data: { ...body.data, preferences: ['存在しない保育園'] } });
    // A facility the round does not have: refused with the reason, nothing entered, the case stays open.
    const refused = await approver.request('POST', `/api/v1/cases/${bad.caseId}/decisions`, { outcome: 'approved', reasons: '要件確認済み' });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('存在しない保育園');
    expect((await approver.request('POST', `/api/v1/cases/${c.caseId}/decisions`, { outcome: 'approved', reasons: '要件確認済み' })).status).toBe(201);
    const decided = await json(await reviewer.request('GET', `/api/v1/cases/${c.caseId}`));
    expect(decided.decision.effect).toMatchObject({ kind: 'daycare-application', state: 'entered-in-round', roundName: '令和9年4月 一次利用調整', facilityNames: ['ひまわり保育園', 'さくら保育園'] });
    expect(decided.decision.effect.score).toBeGreaterThan(0);
    const apps = await json<{ items: Array<{ childName: string; ageClass: number; preferences: string[]; score: number }> }>(await daycare.request('GET', '/api/v1/daycare-rounds/R-case/applications'));
    expect(apps.items).toHaveLength(1);
    expect(apps.items[0]).toMatchObject({ ageClass: 1, preferences: ['F2', 'F1'], score: decided.decision.effect.score });
    const page = await (await reviewer.request('GET', `/console/cases/${c.caseNo}`)).text();
    expect(page).toContain('令和9年4月 一次利用調整');
    expect(page).toContain('ひまわり保育園、さくら保育園');
    expect(page).not.toContain('R-case');
  });

  it('recomputes the due dates of open cases when a closure day is added or removed (API and console), idempotently', async () => {
    const admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    const persons = await household();
    const sub = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '1番1号' });
    sub.subjects[0]!.givenName = '別人';
    const open = await submitAndReview(sub);
    expect(open.statusCode).toBe('in-review');
    const due0 = open.legalDueOn as string;
    // A closure day inside the period (a business day before the due date) pushes the due date to a later business day.
    let closure = due0;
    const { isBusinessDay } = await import('./business-days.ts');
    do closure = shiftDays(closure, -1); while (!isBusinessDay(closure) && closure > today);
    expect(closure > today).toBe(true);
    const added = await admin.request('POST', '/api/v1/case-closure-days', { day: closure, label: '臨時閉庁' });
    expect(added.status).toBe(201);
    expect((await json(added)).recomputedCases).toBeGreaterThanOrEqual(1);
    const due1 = (await json(await reviewer.request('GET', `/api/v1/cases/${open.caseId}`))).legalDueOn as string;
    expect(due1 > due0).toBe(true);
    // Removed through the console (post/redirect/get): back to the first due date; a repeat changes nothing.
    const form = new URLSearchParams({ _csrf: admin.csrfToken, day: closure }).toString();
    const post = () => admin.send('POST', '/console/closure-days/removals', form, { 'content-type': 'application/x-www-form-urlencoded' });
    const r1 = await post();
    expect(r1.status).toBe(303);
    expect(r1.headers.get('location')).toMatch(/^\/console\/closure-days\?done=removed&moved=[1-9]/);
    expect((await json(await reviewer.request('GET', `/api/v1/cases/${open.caseId}`))).legalDueOn).toBe(due0);
    expect((await post()).headers.get('location')).toBe('/console/closure-days?done=removed&moved=0');
    const del = await admin.request('DELETE', `/api/v1/case-closure-days/${closure}`);
    expect(await json(del)).toMatchObject({ removed: false, recomputedCases: 0 });
    // The console page lists closure days in 和暦; bad input is refused with a message and changes nothing; others may not.
    const bad = await admin.send('POST', '/console/closure-days', new URLSearchParams({ _csrf: admin.csrfToken, day: '2026-02-30' }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('日付を正しく入力してください');
    expect((await reviewer.request('DELETE', `/api/v1/case-closure-days/${closure}`)).status).toBe(403);
    expect((await reviewer.request('GET', '/console/closure-days')).status).toBe(403);
  });
});
