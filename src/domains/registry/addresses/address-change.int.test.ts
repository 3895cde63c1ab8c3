// HTTP tests of 住所一括変更 (trial run writes nothing; the real run records one 職権 change per household as
// 仮登録 in one transaction, approvable in bulk) and of the new change kinds through POST /changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';

const M = '202151';

describe('address changes and item changes API', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, reviewer: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const household = async (id: string) => json<{ version: number; address: { townName: string; banchi: string }; pendingChangeId: string | null; members: Array<{ personId: string }> }>(
    await counter.request('GET', `/api/v1/households/${id}`));
  const provisional = async () => (await json<{ items: Array<{ changeId: string }> }>(await reviewer.request('GET', '/api/v1/provisional-changes'))).items.length;
  let serial = 700;
  async function enter(banchi: string, approve = true) {
    const res = await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -30), address: { townName: '大字広丘堅石', banchi },
      persons: [newPerson(++serial, '世帯主', '1970-01-01'), newPerson(++serial, '妻', '1971-01-01')] });
    expect(res.status).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    if (approve) expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return { ...rec, householdId: rec.householdIds[0]! };
  }

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    reviewer = await mk(['reviewer']);
  });

  it('lists every household whose change the rules refuse, with the reason, and goes on with the others', async () => {
    const c = await enter('4370番地');
    const d = await enter('4371番地');
    // Both moved in 30 days ago: a batch dated 40 days ago would put a change before their last one.
    const res = await counter.request('POST', '/api/v1/address-changes', { cause: '住居表示', occurredOn: addDays(today, -40), dryRun: true,
      rules: [{ from: { townName: '広丘堅石', banchiFrom: 4370, banchiTo: 4371 }, to: { townName: '広丘吉田', banchi: '7番1号' } }] });
    expect(res.status).toBe(200);
    const tr = await json<{ items: unknown[]; conflicts: Array<{ householdId: string; code: string; message?: string }> }>(res);
    expect(tr.items).toEqual([]);
    expect(tr.conflicts.map((x) => x.householdId).sort()).toEqual([c.householdId, d.householdId].sort());
    for (const x of tr.conflicts) {
      expect(x.code).toBe('change-date-before-last');
      expect(x.message).toMatch(/異動日/);
    }
  });

  it('runs a 住居表示 batch: trial writes nothing, the real run records 仮登録 per household, approved in bulk', async () => {
    const a = await enter('4100番地');
    const b = await enter('4150番地2');
    const outside = await enter('4900番地');
    const pending = await enter('4160番地');
    const ph = await household(pending.householdId);
    expect((await counter.request('POST', '/api/v1/changes', { kind: 'old-surname', occurredOn: today, personId: ph.members[1]!.personId, action: 'enter', oldSurname: '鈴木',
      expectedVersions: { [pending.householdId]: ph.version } })).status).toBe(201);
    const body = { cause: '住居表示', occurredOn: today, rules: [{ from: { townName: '広丘堅石', banchiFrom: 4000, banchiTo: 4199 }, to: { townName: '広丘吉田', banchi: '5番1号' } },
      { from: { townName: '広丘堅石', banchi: '9999番地' }, to: { townName: '広丘吉田' } }] };
    const versionBefore = (await household(a.householdId)).version;
    const before = await provisional();

    const trial = await counter.request('POST', '/api/v1/address-changes', { ...body, dryRun: true });
    expect(trial.status).toBe(200);
    const tr = await json<{ households: number; items: Array<{ householdId: string; version: number; changeId: null; to: { townName: string; banchi: string } }>; conflicts: Array<{ householdId: string; code: string }>; unusedRules: number[] }>(trial);
    expect(tr.items.map((i) => i.householdId).sort()).toEqual([a.householdId, b.householdId].sort());
    expect(tr.items[0]!.to).toMatchObject({ townName: '大字広丘吉田', banchi: '5番1号' });
    expect(tr.conflicts).toEqual([{ householdId: pending.householdId, code: 'provisional-change-pending' }]);
    expect(tr.unusedRules).toEqual([1]);
    expect(await provisional()).toBe(before);
    expect((await household(a.householdId)).version).toBe(versionBefore);

    // A household changed after the trial is skipped when its trial version is passed back.
    const expectedVersions = Object.fromEntries(tr.items.map((i) => [i.householdId, i.version]));
    const res = await counter.request('POST', '/api/v1/address-changes', { ...body, dryRun: false, expectedVersions: { ...expectedVersions, [b.householdId]: 99 } });
    expect(res.status).toBe(201);
    const real = await json<{ items: Array<{ householdId: string; changeId: string }>; conflicts: Array<{ householdId: string; code: string }> }>(res);
    expect(real.items.map((i) => i.householdId)).toEqual([a.householdId]);
    expect(real.conflicts).toContainEqual({ householdId: b.householdId, code: 'household-version-conflict' });
    expect(await provisional()).toBe(before + 1);
    expect(real.conflicts).toContainEqual({ householdId: pending.householdId, code: 'provisional-change-pending' });
    const change = await json<{ reasonCode: string; exOfficio: boolean; status: string }>(await counter.request('GET', `/api/v1/changes/${real.items[0]!.changeId}`));
    expect(change).toMatchObject({ reasonCode: 'C17', exOfficio: true, status: 'provisional' });
    expect((await approver.request('POST', '/api/v1/provisional-changes/approvals', { changeIds: real.items.map((i) => i.changeId) })).status).toBe(201);
    expect((await household(a.householdId)).address).toMatchObject({ townName: '大字広丘吉田', banchi: '5番1号' });
    expect((await household(outside.householdId)).address).toMatchObject({ townName: '大字広丘堅石', banchi: '4900番地' });
  });

  it('refuses an invalid table and a clerk without the permission, changing nothing', async () => {
    const before = await provisional();
    const bad = await counter.request('POST', '/api/v1/address-changes', { dryRun: false, cause: '区画整理', occurredOn: today, rules: [{ from: { townName: '広丘堅石', banchiFrom: 10, banchiTo: 5 }, to: { townName: '広丘吉田' } }] });
    expect(bad.status).toBe(422);
    expect((await json<{ code: string }>(bad)).code).toBe('address-rule-invalid');
    expect((await reviewer.request('POST', '/api/v1/address-changes', { dryRun: true, cause: '区画整理', occurredOn: today, rules: [{ from: { townName: '広丘堅石' }, to: { townName: '広丘吉田' } }] })).status).toBe(403);
    expect(await provisional()).toBe(before);
  });

  it('records 旧氏 and 転入通知 through POST /changes; refusals change nothing', async () => {
    const h = await enter('100番地');
    const hh = await household(h.householdId);
    const wife = hh.members[1]!.personId;
    const before = await provisional();
    for (const [body, code] of [
      [{ kind: 'move-in-notice', occurredOn: today, personId: wife, destination: '東京都千代田区', movedOn: today }, 'no-move-out-record'],
      [{ kind: 'alias', occurredOn: today, personId: wife, action: 'enter', alias: '通称', expectedVersions: { [h.householdId]: hh.version } }, 'alias-foreign-only'],
      [{ kind: 'residence-status-change', occurredOn: today, personId: wife, residenceStatus: '定住者', residencePeriod: '1年', residenceExpiry: addDays(today, 365), expectedVersions: { [h.householdId]: hh.version } }, 'not-foreign-resident'],
    ] as const) {
      const res = await counter.request('POST', '/api/v1/changes', body);
      expect(res.status, code).toBe(422);
      const p = await json<{ code: string; title: string }>(res);
      expect(p.code).toBe(code);
      expect(p.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(await provisional()).toBe(before);
    expect((await household(h.householdId)).version).toBe(hh.version);

    const res = await counter.request('POST', '/api/v1/changes', { kind: 'old-surname', occurredOn: today, personId: wife, action: 'enter', oldSurname: '佐藤', oldSurnameKana: 'サトウ',
      expectedVersions: { [h.householdId]: hh.version } });
    expect(res.status).toBe(201);
    const rec = await json<{ changeId: string; reasonLabel: string }>(res);
    expect(rec.reasonLabel).toBe('旧氏の記載');
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    const person = await json<{ oldSurname: string }>(await counter.request('GET', `/api/v1/persons/${wife}`));
    expect(person.oldSurname).toBe('佐藤');
    const hits = await json<{ items: Array<{ personId: string }> }>(await counter.request('GET', `/api/v1/persons?name=${encodeURIComponent('佐藤')}&mode=partial`));
    expect(hits.items.map((x) => x.personId)).toContain(wife);
  });
});
