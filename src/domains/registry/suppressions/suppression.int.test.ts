// SPDX-License-Identifier: EUPL-1.2
// HTTP tests of 抑止 (spec §3.1, §3.2, §9.2): set per operation and level on a person or a household, checked in 異動入力,
// 照会・検索, 証明書発行 and the change feed; temporary lifting with a reason; explicit 解除; the 抑止対象者一覧; separate
// permissions; every access logged; refusals change nothing; another municipality sees nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';

const M = '202151';
const OTHER = '131016';

describe('suppressions (抑止) API', () => {
  const t = useTestApp();
  let counter: Client, reviewer: Client, approver: Client, admin: Client, foreignApprover: Client;
  let today: string;
  let head: string, wife: string, householdId: string, single: string, singleHousehold: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const version = async (h: string) => (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;
  const certificate = (personId: string, hh: string) => counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', householdId: hh, personIds: [personId],
    requester: { type: 'self', personId }, purpose: '勤務先へ提出' });
  const search = async (q: string) => (await json<{ items: Array<{ personId: string }> }>(await counter.request('GET', `/api/v1/persons?${q}`))).items.map((i) => i.personId);
  const set = (body: Record<string, unknown>, as = approver) => as.request('POST', '/api/v1/suppressions', body);
  const deathInput = async (personId: string, hh: string) => ({ kind: 'ex-officio-correction', occurredOn: today, personId, patch: { hittosha: '抑止　確認' }, expectedVersions: { [hh]: await version(hh) } });

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    counter = await mk(M, ['counter']);
    reviewer = await mk(M, ['reviewer']);
    approver = await mk(M, ['approver']);
    admin = await mk(M, ['admin']);
    foreignApprover = await mk(OTHER, ['approver']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
    const moveIn = async (banchi: string, persons: unknown[]) => {
      const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(await counter.request('POST', '/api/v1/changes', {
        kind: 'move-in', occurredOn: addDays(today, -5), address: { townName: '大字広丘野村', banchi }, persons }));
      expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
      return rec;
    };
    const a = await moveIn('4400番地', [newPerson(701, '世帯主', '1980-01-01', { familyName: '抑止', givenName: '一郎' }), newPerson(702, '妻', '1982-02-02', { familyName: '抑止', givenName: '花子' })]);
    [head, wife] = a.personIds as [string, string];
    householdId = a.householdIds[0]!;
    const b = await moveIn('4401番地', [newPerson(703, '世帯主', '1990-03-03', { familyName: '抑止', givenName: '三郎' })]);
    single = b.personIds[0]!;
    singleHousehold = b.householdIds[0]!;
  });

  it('lets only approvers set a suppression; bad input is refused with a stable code and changes nothing', async () => {
    const body = { subjectType: 'person', subjectId: head, operations: ['certificate'], level: 'error', reason: '本人からの申出（不正請求のおそれ）' };
    for (const who of [counter, reviewer, admin]) expect((await set(body, who)).status).toBe(403);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...body, operations: [] }, 400, 'invalid-params'],
      [{ ...body, operations: ['tax'] }, 400, 'invalid-params'],
      [{ ...body, level: 'warn' }, 400, 'invalid-params'],
      [{ ...body, reason: ' ' }, 400, 'invalid-params'],
      [{ ...body, startsOn: '2025-02-30' }, 422, 'invalid-date'],
      [{ ...body, subjectId: '00000000-0000-4000-8000-000000000000' }, 404, 'person-not-found'],
      [{ ...body, subjectType: 'household', subjectId: '00000000-0000-4000-8000-000000000000' }, 404, 'household-not-found'],
    ];
    for (const [b, status, code] of cases) {
      const res = await set(b);
      expect(res.status, code).toBe(status);
      const problem = await json<{ code: string; title: string }>(res);
      expect(problem.code).toBe(code);
      expect(problem.title).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    expect((await json<{ items: unknown[] }>(await approver.request('GET', `/api/v1/persons/${head}/suppressions`))).items).toEqual([]);
    expect((await set(body, foreignApprover)).status).toBe(404); // another municipality's person does not exist there
  });

  it('stops 証明書発行 for the person (error), lifts it for a while with a reason, and ends it explicitly', async () => {
    const first = await certificate(head, householdId);
    expect(first.status, await first.clone().text()).toBe(201);
    const res = await set({ subjectType: 'person', subjectId: head, operations: ['certificate'], level: 'error', reason: '不正請求のおそれ' });
    expect(res.status, await res.clone().text()).toBe(201);
    const [s] = (await json<{ items: Array<{ suppressionId: string; active: boolean; operationLabel: string }> }>(res)).items;
    expect(s).toMatchObject({ active: true, operationLabel: '証明書発行' });
    const refused = await certificate(head, householdId);
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'suppressed' });
    expect((await certificate(wife, householdId)).status).toBe(201); // the wife is not suppressed

    // 一時解除: reviewers or approvers, never the counter; a reason and 1–480 minutes.
    const lift = (as: Client, body: Record<string, unknown>) => as.request('POST', `/api/v1/suppressions/${s!.suppressionId}/lifts`, body);
    expect((await lift(counter, { minutes: 10, reason: '本人確認済み' })).status).toBe(403);
    expect((await lift(reviewer, { minutes: 481, reason: '本人確認済み' })).status).toBe(400);
    expect((await lift(reviewer, { minutes: 10, reason: '' })).status).toBe(400);
    const lifted = await lift(reviewer, { minutes: 10, reason: '本人が来庁、本人確認済み' });
    expect(lifted.status).toBe(201);
    expect(await json(lifted)).toMatchObject({ liftedNow: true, lifts: [{ reason: '本人が来庁、本人確認済み' }] });
    expect((await certificate(head, householdId)).status).toBe(201);

    // 解除 is explicit and once.
    const end = (body: Record<string, unknown>) => approver.request('POST', `/api/v1/suppressions/${s!.suppressionId}/endings`, body);
    expect((await end({ reason: '申出の取下げ', endedOn: addDays(today, -400) })).status).toBe(422);
    const ended = await end({ reason: '申出の取下げ' });
    expect(ended.status).toBe(201);
    expect(await json(ended)).toMatchObject({ endedOn: today, active: false });
    expect((await end({ reason: '二重' })).status).toBe(409);

    const log = await json<{ items: Array<{ action: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${head}`));
    for (const a of ['registry.suppression.set', 'registry.suppression.lift', 'registry.suppression.end', 'registry.suppression.read']) expect(log.items.map((e) => e.action)).toContain(a);
  });

  it('stops 異動入力 for every member of a suppressed household, and only warns at level alert', async () => {
    const res = await set({ subjectType: 'household', subjectId: householdId, operations: ['change'], level: 'error', reason: '調査中（職権消除の検討）' });
    expect(res.status).toBe(201);
    const before = await version(householdId);
    const refused = await counter.request('POST', '/api/v1/changes', await deathInput(wife, householdId));
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'suppressed' });
    expect(await version(householdId)).toBe(before); // nothing recorded

    expect((await set({ subjectType: 'person', subjectId: single, operations: ['change'], level: 'alert', reason: '届出内容に疑義あり' })).status).toBe(201);
    const warned = await counter.request('POST', '/api/v1/changes', await deathInput(single, singleHousehold));
    expect(warned.status).toBe(201);
    expect((await json<{ alerts: Array<{ code: string }> }>(warned)).alerts.map((a) => a.code)).toContain('suppression-alert');
  });

  it('hides a person suppressed for 照会・検索 from search and refuses the record; the feed carries issuance and 連携 suppressions without liftings', async () => {
    expect(await search(`name=${encodeURIComponent('抑止')}&mode=partial`)).toContain(single);
    const [s] = (await json<{ items: Array<{ suppressionId: string }> }>(await set({ subjectType: 'person', subjectId: single, operations: ['inquiry', 'certificate', 'feed'], level: 'error', reason: '本人の申出' }))).items;
    expect(await search(`name=${encodeURIComponent('抑止')}&mode=partial`)).not.toContain(single);
    const read = await counter.request('GET', `/api/v1/persons/${single}`);
    expect(read.status).toBe(403);
    expect(await json(read)).toMatchObject({ code: 'suppressed' });

    const consumer = await json<{ token: string }>(await admin.request('POST', '/api/v1/registry-feed/consumers', { name: 'tax-suppression', purpose: '住民税の賦課', scopes: ['name', 'address'] }));
    const extract = async () => (await json<{ records: Array<{ items: Record<string, string> }> }>(await t.app.request('/api/v1/registry-feed/extract?limit=1000',
      { headers: { authorization: `Bearer ${consumer.token}` } }))).records;
    const mine = (await extract()).find((r) => r.items['氏'] === '' && r.items['宛名番号'] !== '' && r.items['連携抑止'] === '2');
    expect(mine).toBeDefined();
    expect(mine!.items).toMatchObject({ 証明書発行抑止: '2', 連携抑止: '2', 住所_町字: '' });
    const others = (await extract()).filter((r) => r.items['氏'] === '抑止');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.items['連携抑止'] === '0')).toBe(true);

    // A temporary lifting lets the search through locally, but other systems still see the suppression.
    const inquiry = (await json<{ items: Array<{ suppressionId: string; operation: string }> }>(await approver.request('GET', `/api/v1/persons/${head}/suppressions`))).items;
    expect(inquiry.every((x) => x.operation !== 'inquiry')).toBe(true);
    const list = await json<{ items: Array<{ suppressionId: string; subjectId: string; operation: string; subjectLabel: string }> }>(await approver.request('GET', '/api/v1/suppressions'));
    const feedSuppression = list.items.find((x) => x.subjectId === single && x.operation === 'feed')!;
    expect((await reviewer.request('POST', `/api/v1/suppressions/${feedSuppression.suppressionId}/lifts`, { minutes: 5, reason: '連携確認' })).status).toBe(201);
    expect((await extract()).some((r) => r.items['連携抑止'] === '2' && r.items['氏'] === '')).toBe(true);
    expect(s).toBeDefined();
  });

  it('lists every suppression not ended (抑止対象者一覧) for approvers only, with the person or household named', async () => {
    expect((await counter.request('GET', '/api/v1/suppressions')).status).toBe(403);
    const list = await json<{ items: Array<{ subjectId: string; subjectType: string; operation: string; level: string; subjectLabel: string; endedOn: string | null }> }>(
      await approver.request('GET', '/api/v1/suppressions'));
    expect(list.items.every((x) => x.endedOn === null)).toBe(true);
    expect(list.items.find((x) => x.subjectId === householdId)).toMatchObject({ subjectType: 'household', operation: 'change', level: 'error', subjectLabel: expect.stringMatching(/^世帯番号 \d+$/) });
    expect(list.items.find((x) => x.subjectId === single && x.operation === 'inquiry')!.subjectLabel).toMatch(/^抑止　三郎（宛名番号 \d+）$/);
    expect(list.items.some((x) => x.subjectId === head)).toBe(false); // ended
    expect((await json<{ items: unknown[] }>(await foreignApprover.request('GET', '/api/v1/suppressions'))).items).toEqual([]);
  });
});
