// HTTP-level tests of the registry: status codes, problem codes, that refused requests change nothing,
// tenant isolation, provisional visibility, 個人番号 masking and the access log.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from './registry.service.ts';
import { addDays } from '../../platform/dates/jp-date.ts';

const M = '202151';
const OTHER = '131016';

describe('registry API', () => {
  const t = useTestApp();
  let counter: Client, counter2: Client, reviewer: Client, approver: Client, admin: Client, analyst: Client, foreignClerk: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    counter = await mk(M, ['counter']);
    counter2 = await mk(M, ['counter']);
    reviewer = await mk(M, ['reviewer']);
    approver = await mk(M, ['approver']);
    admin = await mk(M, ['admin']);
    analyst = await mk(M, ['analyst']);
    foreignClerk = await mk(OTHER, ['counter', 'approver']);
  });

  const moveIn = (n: number, extra: Record<string, unknown> = {}) => ({
    kind: 'move-in', occurredOn: addDays(today, -3), previousAddress: '東京都新宿区西新宿2-8-1',
    address: { townName: '大字広丘野村', banchi: `${n}番地` },
    persons: [newPerson(n * 10, '世帯主', '1975-04-01', { familyName: '髙橋', givenName: '一郎', familyNameKana: 'タカハシ', givenNameKana: 'イチロウ' }),
      newPerson(n * 10 + 1, '妻', '1978-08-08', { familyName: '髙橋', givenName: '花子', familyNameKana: 'タカハシ', givenNameKana: 'ハナコ' })],
    ...extra,
  });
  async function enter(n: number, extra: Record<string, unknown> = {}) {
    const res = await counter.request('POST', '/api/v1/changes', moveIn(n, extra));
    expect(res.status).toBe(201);
    const body = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${body.changeId}/approvals`)).status).toBe(201);
    return body;
  }
  const household = async (id: string) => json<{ version: number; members: Array<{ personId: string; relationship: string }>; headPersonId: string }>(await counter.request('GET', `/api/v1/households/${id}`));

  it('records a 転入 as provisional: invisible until approved, then searchable with folding', async () => {
    const res = await counter.request('POST', '/api/v1/changes', moveIn(1));
    expect(res.status).toBe(201);
    const rec = await json<{ changeId: string; status: string; personIds: string[]; reasonLabel: string }>(res);
    expect(rec).toMatchObject({ status: 'provisional', reasonLabel: '国内転入' });
    expect((await counter.request('GET', `/api/v1/persons/${rec.personIds[0]}`)).status).toBe(404);
    expect((await json<{ items: unknown[] }>(await counter.request('GET', '/api/v1/persons?name=高橋'))).items).toHaveLength(0);

    const list = await json<{ items: Array<{ changeId: string; persons: unknown[] }> }>(await reviewer.request('GET', '/api/v1/provisional-changes'));
    expect(list.items.map((c) => c.changeId)).toContain(rec.changeId);
    // The reviewer sees the household in its order: 世帯主 first, then the members as entered.
    expect(list.items.find((c) => c.changeId === rec.changeId)!.persons.map((p) => (p as { relationship: string }).relationship)).toEqual(['世帯主', '妻']);
    expect((await counter.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(403);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(409);

    for (const q of ['高橋', '髙橋一', 'ﾀｶﾊｼ', 'たかはし いちろう', 'イチロー']) {
      const hits = await json<{ items: Array<{ personId: string }> }>(await counter.request('GET', `/api/v1/persons?name=${encodeURIComponent(q)}`));
      expect(hits.items.map((h) => h.personId), q).toContain(rec.personIds[0]);
    }
    const partial = await json<{ items: unknown[] }>(await counter.request('GET', `/api/v1/persons?name=${encodeURIComponent('花子')}&mode=partial`));
    expect(partial.items.length).toBeGreaterThan(0);
    const byBirth = await json<{ items: Array<{ personId: string; birthDate: string }> }>(await counter.request('GET', `/api/v1/persons?birthDate=${encodeURIComponent('昭和50年4月')}`));
    expect(byBirth.items.map((h) => h.personId)).toContain(rec.personIds[0]);
    expect(byBirth.items[0]!.birthDate).toBe('昭和50年4月1日');
  });

  it('returns the first matches in key order when a prefix matches more than the limit', async () => {
    const a = await enter(41, { persons: [newPerson(411, '世帯主', '1960-01-01', { familyName: '鈴鹿', givenName: '三郎', familyNameKana: 'スズカ', givenNameKana: 'サブロウ' })] });
    await enter(42, { persons: [newPerson(421, '世帯主', '1961-01-01', { familyName: '鈴鹿', givenName: '次郎', familyNameKana: 'スズカ', givenNameKana: 'ジロウ' })] });
    const b = await enter(43, { persons: [newPerson(431, '世帯主', '1962-01-01', { familyName: '鈴鹿', givenName: '一郎', familyNameKana: 'スズカ', givenNameKana: 'イチロウ' })] });
    const top = async (q: string, limit: number) => (await json<{ items: Array<{ personId: string }> }>(
      await counter.request('GET', `/api/v1/persons?name=${encodeURIComponent(q)}&limit=${limit}`))).items.map((h) => h.personId);
    // スズカイチロウ < スズカサブロウ < スズカジロウ: the first one by kana, whichever was entered first.
    expect(await top('スズカ', 1)).toEqual([b.personIds[0]]);
    expect(await top('スズカ', 2)).toEqual([b.personIds[0], a.personIds[0]]);
    expect(await top('すずか　さ', 5)).toEqual([a.personIds[0]]);
  });

  it('masks the 個人番号 unless the role and a purpose allow, and logs every read and unmasking', async () => {
    const { personIds } = await enter(2);
    const id = personIds[0]!;
    const plain = await json<{ myNumber: string; myNumberUnmasked: boolean; stored?: unknown }>(await counter.request('GET', `/api/v1/persons/${id}`));
    expect(plain.myNumber).toBe('************');
    expect((await counter.request('GET', `/api/v1/persons/${id}?unmask=my-number&purpose=test`)).status).toBe(403);
    const noPurpose = await approver.request('GET', `/api/v1/persons/${id}?unmask=my-number`);
    expect(noPurpose.status).toBe(422);
    expect((await json(noPurpose)).code).toBe('purpose-required');
    const shown = await json<{ myNumber: string; myNumberUnmasked: boolean }>(await approver.request('GET', `/api/v1/persons/${id}?unmask=my-number&purpose=${encodeURIComponent('税務照会')}`));
    expect(shown.myNumber).toMatch(/^\d{12}$/);
    expect(shown.myNumberUnmasked).toBe(true);

    const log = await json<{ items: Array<{ action: string; purpose: string; myNumberAccessed: boolean; actorId: string }> }>(
      await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${id}`));
    const reads = log.items.filter((e) => e.action === 'registry.person.read');
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.some((e) => e.myNumberAccessed && e.purpose === '税務照会' && e.actorId === approver.staffId)).toBe(true);
    expect(reads.some((e) => !e.myNumberAccessed && e.actorId === counter.staffId)).toBe(true);
  });

  it('hides every record from another municipality', async () => {
    const { personIds, householdIds } = await enter(3);
    expect((await foreignClerk.request('GET', `/api/v1/persons/${personIds[0]}`)).status).toBe(404);
    expect((await foreignClerk.request('GET', `/api/v1/households/${householdIds[0]}`)).status).toBe(404);
    expect((await json<{ items: unknown[] }>(await foreignClerk.request('GET', '/api/v1/persons?name=高橋'))).items).toHaveLength(0);
    const stats = await json<{ total: { persons: number } }>(await foreignClerk.request('GET', '/api/v1/registry-statistics'));
    expect(stats.total.persons).toBe(0);
  });

  it('refuses invalid changes with a stable code and changes nothing', async () => {
    const base = moveIn(4).persons as unknown[];
    const { householdIds } = await enter(4, { persons: [...base, newPerson(45, '子', '2012-02-02')] });
    const before = await household(householdIds[0]!);
    const provisionalBefore = (await json<{ items: unknown[] }>(await reviewer.request('GET', '/api/v1/provisional-changes'))).items.length;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...moveIn(40), occurredOn: addDays(today, 2) }, 422, 'change-date-in-future'],
      [moveIn(41, { persons: [newPerson(410, '世帯主', '1980-01-01', { myNumber: '123456789017' })] }), 422, 'invalid-my-number'],
      [moveIn(42, { address: { townName: '霞が関', banchi: '1' } }), 422, 'unknown-town'],
      [moveIn(43, { persons: [newPerson(430, '世帯主', '1980-01-01'), newPerson(431, '孫', '2010-01-01')] }), 422, 'invalid-relationship'],
      // issue #9: a non-calendar or out-of-era birth date, a 届出日 before the event, a Latin reading.
      [moveIn(46, { persons: [newPerson(460, '世帯主', '令和7年2月29日')] }), 422, 'invalid-date'],
      [moveIn(47, { persons: [newPerson(470, '世帯主', '昭和64年1月8日')] }), 422, 'invalid-date'],
      [{ ...moveIn(48), notifiedOn: addDays(today, -4) }, 422, 'notification-before-change'],
      [moveIn(49, { persons: [newPerson(490, '世帯主', '1980-01-01', { familyNameKana: 'Takahashi' })] }), 422, 'invalid-reading'],
      [{ kind: 'birth', occurredOn: today, householdId: householdIds[0], parentPersonIds: [before.headPersonId], person: newPerson(44, '子', '1960-01-01'),
        expectedVersions: { [householdIds[0]!]: before.version } }, 422, 'birth-before-parent'],
      [{ kind: 'head-change', occurredOn: today, householdId: householdIds[0], newHeadPersonId: before.members[1]!.personId, relationships: { [before.headPersonId]: '夫', [before.members[2]!.personId]: '子' } }, 400, 'household-version-required'],
      [{ kind: 'nonsense' }, 400, 'invalid-params'],
    ];
    for (const [body, status, code] of cases) {
      const res = await counter.request('POST', '/api/v1/changes', body);
      expect(res.status, code).toBe(status);
      const problem = await json<{ code: string; title: string }>(res);
      expect(problem.code).toBe(code);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await household(householdIds[0]!)).toEqual(before);
    expect((await json<{ items: unknown[] }>(await reviewer.request('GET', '/api/v1/provisional-changes'))).items.length).toBe(provisionalBefore);
  });

  // issue #9 (reproduced through the API first): a member who moves alone within the city failed with
  // household-head-required; the head dying with two members left was refused. Both are accepted now: the mover
  // heads their new household; the household left without a head is flagged until a 世帯主変更.
  it('accepts a one-person 転居 and a head leaving several members, flags the headless household, and a 世帯主変更 resolves it', async () => {
    const base = moveIn(56).persons as unknown[];
    const { householdIds, personIds } = await enter(56, { persons: [...base, newPerson(565, '子', '2012-02-02')] });
    let h = await household(householdIds[0]!);
    const child = personIds[2]!;
    const alone = await counter.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: today, personIds: [child],
      address: { townName: '大字広丘吉田', banchi: '6番地' }, expectedVersions: { [householdIds[0]!]: h.version } });
    expect(alone.status).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${(await json<{ changeId: string }>(alone)).changeId}/approvals`)).status).toBe(201);
    const moved = await json<{ relationship: string; householdId: string }>(await counter.request('GET', `/api/v1/persons/${child}`));
    expect(moved.relationship).toBe('世帯主');
    expect(moved.householdId).not.toBe(householdIds[0]);
    // Back to a household of three, then the head dies.
    const merge = await counter.request('POST', '/api/v1/changes', { kind: 'household-merge', occurredOn: today, fromHouseholdId: moved.householdId, toHouseholdId: householdIds[0],
      relationships: { [child]: '子' }, expectedVersions: { [householdIds[0]!]: (await household(householdIds[0]!)).version, [moved.householdId]: (await household(moved.householdId)).version } });
    expect(merge.status).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${(await json<{ changeId: string }>(merge)).changeId}/approvals`)).status).toBe(201);
    h = await household(householdIds[0]!);
    const death = await counter.request('POST', '/api/v1/changes', { kind: 'death', occurredOn: today, exOfficio: true, personId: h.headPersonId, expectedVersions: { [householdIds[0]!]: h.version } });
    expect(death.status).toBe(201);
    const rec = await json<{ changeId: string; alerts: Array<{ code: string }> }>(death);
    expect(rec.alerts.map((a) => a.code)).toContain('household-head-missing');
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    h = await household(householdIds[0]!);
    expect(h.headPersonId).toBeNull();
    expect((h as unknown as { address: unknown }).address).not.toBeNull();
    const wife = personIds[1]!;
    const head = await counter.request('POST', '/api/v1/changes', { kind: 'head-change', occurredOn: today, householdId: householdIds[0], newHeadPersonId: wife,
      relationships: { [child]: '子' }, expectedVersions: { [householdIds[0]!]: h.version } });
    expect(head.status).toBe(201);
    const headRec = await json<{ changeId: string; alerts: Array<{ code: string }> }>(head);
    expect(headRec.alerts.map((a) => a.code)).not.toContain('household-head-missing');
    expect((await approver.request('POST', `/api/v1/changes/${headRec.changeId}/approvals`)).status).toBe(201);
    expect((await household(householdIds[0]!)).headPersonId).toBe(wife);
  });

  // issue #9: invalid dates in query parameters were read as dates (「令和8年13月45日」 on the statistics).
  it('refuses an invalid date in a query parameter with a 400 in Japanese', async () => {
    const { personIds } = await enter(57);
    for (const path of [`/api/v1/persons/${personIds[0]}?asOf=2026-13-45`, '/api/v1/registry-statistics?asOf=2026-13-45', '/api/v1/registry-statistics?asOf=2025-02-29', '/api/v1/registry-statistics?asOf=abc']) {
      const res = await analyst.request('GET', path);
      expect(res.status, path).toBe(400);
      const problem = await json<{ code: string; title: string }>(res);
      expect(problem.code).toBe('invalid-params');
      expect(problem.title).toMatch(/基準日が正しい日付ではありません/);
    }
    expect((await analyst.request('GET', '/api/v1/registry-statistics?asOf=令和7年4月1日')).status).toBe(200);
    const ok = await json<{ asOf: string }>(await analyst.request('GET', '/api/v1/registry-statistics?asOf=2025-04-01'));
    expect(ok.asOf).toBe('2025-04-01');
  });

  it('gives the second of two clerks editing one household a conflict, and loses nothing', async () => {
    const { householdIds, personIds } = await enter(5);
    const h = await household(householdIds[0]!);
    const v = { [householdIds[0]!]: h.version };
    const first = await counter.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: today, personIds, address: { townName: '大字広丘吉田', banchi: '9番地' }, expectedVersions: v });
    const second = await counter2.request('POST', '/api/v1/changes', { kind: 'head-change', occurredOn: today, householdId: householdIds[0], newHeadPersonId: personIds[1],
      relationships: { [personIds[0]!]: '夫' }, expectedVersions: v });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect((await json(second)).code).toBe('provisional-change-pending');
    const firstId = (await json<{ changeId: string }>(first)).changeId;
    expect((await approver.request('POST', `/api/v1/changes/${firstId}/approvals`)).status).toBe(201);
    const retry = await counter2.request('POST', '/api/v1/changes', { kind: 'head-change', occurredOn: today, householdId: householdIds[0], newHeadPersonId: personIds[1],
      relationships: { [personIds[0]!]: '夫' }, expectedVersions: v });
    expect(retry.status).toBe(409);
    expect((await json(retry)).code).toBe('household-version-conflict');
    const after = await json<{ address: { townName: string } }>(await counter.request('GET', `/api/v1/persons/${personIds[0]}`));
    expect(after.address.townName).toBe('大字広丘吉田');
  });

  it('lets exactly one of two simultaneous changes to a household through', async () => {
    const { householdIds, personIds } = await enter(11);
    const h = await household(householdIds[0]!);
    const v = { [householdIds[0]!]: h.version };
    const [a, b] = await Promise.all([
      counter.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: today, personIds, address: { townName: '大字広丘吉田', banchi: '11番地' }, expectedVersions: v }),
      counter2.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: today, personIds, address: { townName: '大字洗馬', banchi: '11番地' }, expectedVersions: v }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it('finds residents by 個人番号 and 住民票コード, logging the 個人番号 use', async () => {
    const input = moveIn(12);
    const { personIds } = await enter(12);
    const p = (input.persons as Array<{ myNumber: string; residentCode: string }>)[0]!;
    const byNumber = await json<{ items: Array<{ personId: string }> }>(await counter.request('GET', `/api/v1/persons?myNumber=${p.myNumber}`));
    expect(byNumber.items.map((i) => i.personId)).toEqual([personIds[0]]);
    const byCode = await json<{ items: Array<{ personId: string }> }>(await counter.request('GET', `/api/v1/persons?residentCode=${p.residentCode}`));
    expect(byCode.items.map((i) => i.personId)).toEqual([personIds[0]]);
    const bad = await counter.request('GET', '/api/v1/persons?myNumber=123456789017');
    expect(bad.status).toBe(422);
    const log = await json<{ items: Array<{ action: string; myNumberAccessed: boolean }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${personIds[0]}`));
    expect(log.items.some((e) => e.action === 'registry.person.search' && e.myNumberAccessed)).toBe(true);
  });

  it('registers a foreign resident from abroad, shown in 西暦, and re-admits them by 在留カード番号', async () => {
    const foreigner = newPerson(130, '世帯主', '1995-03-04', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '',
      romanName: 'NGUYEN VAN AN', honseki: undefined, myNumber: undefined,
      foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技能実習', residencePeriod: '1年', residenceExpiry: addDays(today, 300), residenceCardNo: 'AB12345678CD' } });
    const res = await counter.request('POST', '/api/v1/changes', { ...moveIn(13), fromAbroad: true, previousAddress: 'ベトナム', persons: [foreigner] });
    expect(res.status).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; reasonLabel: string }>(res);
    expect(rec.reasonLabel).toBe('国外転入');
    await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`);
    const p = await json<{ birthDate: { display: string }; becameResidentOn: string; foreign: { residenceExpiry: string } }>(await counter.request('GET', `/api/v1/persons/${rec.personIds[0]}`));
    expect(p.birthDate.display).toBe('1995年3月4日');
    expect(p.foreign.residenceExpiry).toMatch(/^\d{4}年/);
    const hits = await json<{ items: Array<{ personId: string }> }>(await counter.request('GET', '/api/v1/persons?name=nguyen'));
    expect(hits.items.map((h) => h.personId)).toContain(rec.personIds[0]);
    const { householdId } = await json<{ householdId: string }>(await counter.request('GET', `/api/v1/persons/${rec.personIds[0]}`));
    const h = await household(householdId);
    const out = await json<{ changeId: string }>(await counter.request('POST', '/api/v1/changes', { kind: 'move-out', occurredOn: today, personIds: rec.personIds, abroad: true,
      destination: 'ベトナム', expectedVersions: { [householdId]: h.version } }));
    await approver.request('POST', `/api/v1/changes/${out.changeId}/approvals`);
    const back = await json<{ changeId: string; personIds: string[]; alerts: Array<{ code: string }> }>(await counter.request('POST', '/api/v1/changes', { ...moveIn(14), fromAbroad: true, persons: [foreigner] }));
    await approver.request('POST', `/api/v1/changes/${back.changeId}/approvals`);
    // A new record for the new period of residence, under the same 宛名番号 (spec §1.1.5); the 除票 stays.
    expect(back.personIds).not.toEqual(rec.personIds);
    expect((await json<{ atenaNo: string }>(await counter.request('GET', `/api/v1/persons/${back.personIds[0]}`))).atenaNo)
      .toBe((await json<{ atenaNo: string }>(await counter.request('GET', `/api/v1/persons/${rec.personIds[0]}`))).atenaNo);
    expect(back.alerts.map((a) => a.code)).toContain('readmitted');
  });

  it('approves provisional changes in bulk and refuses self-approval', async () => {
    const a = await json<{ changeId: string }>(await counter.request('POST', '/api/v1/changes', moveIn(6)));
    const b = await json<{ changeId: string }>(await counter.request('POST', '/api/v1/changes', moveIn(7)));
    const res = await approver.request('POST', '/api/v1/provisional-changes/approvals', { changeIds: [a.changeId, b.changeId] });
    expect(res.status).toBe(201);
    const both = await t.login(M, (await t.staff(M, ['counter', 'approver'])).loginId);
    const own = await json<{ changeId: string }>(await both.request('POST', '/api/v1/changes', moveIn(8)));
    const self = await both.request('POST', `/api/v1/changes/${own.changeId}/approvals`);
    expect(self.status).toBe(403);
    expect((await json(self)).code).toBe('self-approval');
    // Issue #15: another counter clerk may not withdraw it; the clerk who entered it may.
    expect((await counter.request('POST', `/api/v1/changes/${own.changeId}/withdrawals`)).status).toBe(403);
    expect((await both.request('POST', `/api/v1/changes/${own.changeId}/withdrawals`)).status).toBe(201);
    expect((await json<{ status: string }>(await counter.request('GET', `/api/v1/changes/${own.changeId}`))).status).toBe('withdrawn');
  });

  it('turns a 転出 into a 除票 that stays searchable, keeps history, and shows the record as of a date', async () => {
    const { householdIds, personIds } = await enter(9);
    const h = await household(householdIds[0]!);
    const out = await json<{ changeId: string; alerts: unknown[] }>(await counter.request('POST', '/api/v1/changes', {
      kind: 'move-out', occurredOn: today, personIds, destination: '東京都千代田区霞が関1-1', expectedVersions: { [householdIds[0]!]: h.version } }));
    expect((await approver.request('POST', `/api/v1/changes/${out.changeId}/approvals`)).status).toBe(201);
    const rec = await json<{ status: string; removalReason: string }>(await counter.request('GET', `/api/v1/persons/${personIds[0]}`));
    expect(rec).toMatchObject({ status: 'removed', removalReason: '国内転出' });
    const q = `/api/v1/persons?name=${encodeURIComponent('タカハシ')}&address=${encodeURIComponent('広丘野村9番地')}`;
    expect((await json<{ items: unknown[] }>(await counter.request('GET', q))).items).toHaveLength(0);
    expect((await json<{ items: Array<{ status: string }> }>(await counter.request('GET', `${q}&includeRemoved=true`))).items[0]!.status).toBe('removed');
    const history = await json<{ items: Array<{ historyNo: number; change: { kind: string; status: string } }> }>(await counter.request('GET', `/api/v1/persons/${personIds[0]}/history`));
    expect(history.items.map((i) => [i.historyNo, i.change.kind, i.change.status])).toEqual([[1, 'move-in', 'final'], [2, 'move-out', 'final']]);
    const asOf = await json<{ status: string; historyNo: number }>(await counter.request('GET', `/api/v1/persons/${personIds[0]}?asOf=${addDays(today, -1)}`));
    expect(asOf).toMatchObject({ status: 'resident', historyNo: 1 });
  });

  it('keeps a resident with a planned 転出 until the move-out date, then counts them as 除票', async () => {
    const { householdIds, personIds } = await enter(15);
    const h = await household(householdIds[0]!);
    const planned = addDays(today, 10);
    const out = await json<{ changeId: string }>(await counter.request('POST', '/api/v1/changes', {
      kind: 'move-out', occurredOn: planned, personIds, destination: '長野県松本市', expectedVersions: { [householdIds[0]!]: h.version } }));
    await approver.request('POST', `/api/v1/changes/${out.changeId}/approvals`);
    const rec = await json<{ status: string; removedOn: string }>(await counter.request('GET', `/api/v1/persons/${personIds[0]}`));
    expect(rec).toMatchObject({ status: 'leaving', removedOn: planned });
    const stat = async (d: string) => (await json<{ byTown: Array<{ townName: string; persons: number }> }>(await analyst.request('GET', `/api/v1/registry-statistics?asOf=${d}`)));
    const before = (await stat(addDays(planned, -1))).byTown.find((x) => x.townName === '大字広丘野村')!.persons;
    const after = (await stat(planned)).byTown.find((x) => x.townName === '大字広丘野村')?.persons ?? 0;
    expect(before - after).toBe(2);
  });

  it('cancels a change by appending (異動の取消し)', async () => {
    const { householdIds, personIds } = await enter(10);
    const h = await household(householdIds[0]!);
    const mv = await json<{ changeId: string }>(await counter.request('POST', '/api/v1/changes', {
      kind: 'move-within', occurredOn: today, personIds, address: { townName: '大字洗馬', banchi: '5番地' }, expectedVersions: { [householdIds[0]!]: h.version } }));
    await approver.request('POST', `/api/v1/changes/${mv.changeId}/approvals`);
    const h2 = await household(householdIds[0]!);
    const cancel = await json<{ changeId: string; reasonLabel: string }>(await counter.request('POST', '/api/v1/changes', {
      kind: 'cancellation', occurredOn: today, exOfficio: true, changeId: mv.changeId, expectedVersions: { [householdIds[0]!]: h2.version } }));
    expect(cancel.reasonLabel).toBe('異動の取消し（修正）');
    await approver.request('POST', `/api/v1/changes/${cancel.changeId}/approvals`);
    const rec = await json<{ address: { townName: string }; historyNo: number }>(await counter.request('GET', `/api/v1/persons/${personIds[0]}`));
    expect(rec).toMatchObject({ address: { townName: '大字広丘野村' }, historyNo: 3 });
  });

  it('reports statistics as of a date in JSON and CSV', async () => {
    const stats = await json<{ total: { persons: number; households: number; japanese: number }; byTown: Array<{ townName: string; persons: number }>; byAgeBand: Array<{ label: string; male: number; female: number }> }>(
      await analyst.request('GET', '/api/v1/registry-statistics'));
    expect(stats.total.persons).toBeGreaterThan(0);
    expect(stats.total.households).toBeGreaterThan(0);
    expect(stats.byTown.find((x) => x.townName === '大字広丘野村')!.persons).toBeGreaterThan(0);
    expect(stats.byAgeBand).toHaveLength(22);
    expect(stats.byAgeBand.map((b) => b.label).slice(-2)).toEqual(['100歳以上', '年月日不詳']);
    const past = await json<{ total: { persons: number } }>(await analyst.request('GET', '/api/v1/registry-statistics?asOf=2000-01-01'));
    expect(past.total.persons).toBe(0);
    const csv = await analyst.request('GET', '/api/v1/registry-statistics?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('基準日,町字コード,町字,世帯数,人口,男,女,日本人,外国人');
    expect((await counter.request('GET', '/api/v1/registry-towns')).status).toBe(200);
  });
});
