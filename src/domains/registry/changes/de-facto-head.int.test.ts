// SPDX-License-Identifier: EUPL-1.2
// 事実上の世帯主 (issue #13, spec §4.1.4.3): recorded on request as a household remark through 仮登録 → 本登録, carried by
// every living member, given to a member who joins and taken from one who leaves for another household, deleted
// with its own 異動事由; refusals with stable codes change nothing (console and certificate: test/web-registry-search-memo.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';

describe('事実上の世帯主 (de facto head)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client;
  let today: string;
  let head: string, child: string, householdId: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  type Household = { version: number; deFactoHead: string | null; members: Array<{ personId: string; deFactoHead: string | null }> };
  const household = async (id: string) => json<Household>(await counter.request('GET', `/api/v1/households/${id}`));
  const record = async (body: Record<string, unknown>) => {
    const res = await counter.request('POST', '/api/v1/changes', body);
    const out = await json<{ changeId: string; reasonCode: string; reasonLabel: string; code?: string; personIds: string[]; householdIds: string[] }>(res);
    return { ...out, status: res.status };
  };
  const approve = async (changeId: string) => expect((await approver.request('POST', `/api/v1/changes/${changeId}/approvals`)).status).toBe(201);

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    const s = (await t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, kind: 'move-in', occurredOn: addDays(today, -60), previousAddress: '松本市',
      address: { townName: '大字広丘野村', banchi: '961番地' }, persons: [newPerson(961, '世帯主', '2008-01-01', { familyName: '実際', givenName: '太郎' }),
        newPerson(962, '兄', '2010-02-02', { familyName: '実際', givenName: '次郎' })] }))).plan.snapshots;
    [head, child] = [s[0]!.personId, s[1]!.personId];
    householdId = s[0]!.record.householdId;
  });

  it('records it on request for the whole household (C25), after 本登録 only', async () => {
    const v = (await household(householdId)).version;
    const r = await record({ kind: 'de-facto-head', occurredOn: addDays(today, -1), householdId, action: 'enter', name: '実際　花子', notifier: '実際　花子', expectedVersions: { [householdId]: v } });
    expect(r.status, JSON.stringify(r)).toBe(201);
    expect([r.reasonCode, r.reasonLabel]).toEqual(['C25', '事実上の世帯主の記載']);
    expect(r.personIds.sort()).toEqual([head, child].sort());
    expect((await household(householdId)).deFactoHead).toBeNull(); // 仮登録: not yet visible
    await approve(r.changeId);
    const h = await household(householdId);
    expect(h.deFactoHead).toBe('実際　花子'); // stored as entered, never normalised
    expect(h.members.map((m) => m.deFactoHead)).toEqual(['実際　花子', '実際　花子']);
  });

  it('refuses the registered head, the same name again, an empty name and a stale version, recording nothing', async () => {
    const v = (await household(householdId)).version;
    for (const [body, status, code] of [
      [{ action: 'enter', name: '実際 太郎', expectedVersions: { [householdId]: v } }, 422, 'de-facto-head-is-head'],
      [{ action: 'enter', name: '実際　花子', expectedVersions: { [householdId]: v } }, 422, 'de-facto-head-unchanged'],
      [{ action: 'enter', name: '　', expectedVersions: { [householdId]: v } }, 422, 'de-facto-head-required'],
      [{ action: 'enter', name: '別人', expectedVersions: { [householdId]: v - 1 } }, 409, 'household-version-conflict'],
      [{ action: 'rename', name: '別人', expectedVersions: { [householdId]: v } }, 400, 'invalid-params'],
    ] as const) {
      const r = await record({ kind: 'de-facto-head', occurredOn: today, householdId, ...body });
      expect([r.status, r.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await household(householdId)).version).toBe(v);
  });

  it('gives it to a newborn of the household and takes it from a member who leaves for a new household', async () => {
    const b = await record({ kind: 'birth', occurredOn: addDays(today, -1), householdId, parentPersonIds: [], person: newPerson(963, '弟', addDays(today, -1), { familyName: '実際', givenName: '三郎' }),
      expectedVersions: { [householdId]: (await household(householdId)).version } });
    expect(b.status, JSON.stringify(b)).toBe(201);
    await approve(b.changeId);
    const born = (await household(householdId)).members.find((m) => !([head, child] as string[]).includes(m.personId))!;
    expect(born.deFactoHead).toBe('実際　花子');
    const split = await record({ kind: 'household-split', occurredOn: today, personIds: [child], newHeadPersonId: child, expectedVersions: { [householdId]: (await household(householdId)).version } });
    expect(split.status, JSON.stringify(split)).toBe(201);
    await approve(split.changeId);
    const moved = await json<{ householdId: string; deFactoHead: string | null }>(await counter.request('GET', `/api/v1/persons/${child}`));
    expect(moved.householdId).not.toBe(householdId);
    expect(moved.deFactoHead).toBeNull();
    expect((await household(householdId)).members.every((m) => m.deFactoHead === '実際　花子')).toBe(true);
  });

  it('deletes it (C26); deleting when none is recorded is refused; both stay in the history', async () => {
    const d = await record({ kind: 'de-facto-head', occurredOn: today, householdId, action: 'delete', expectedVersions: { [householdId]: (await household(householdId)).version } });
    expect([d.status, d.reasonCode, d.reasonLabel]).toEqual([201, 'C26', '事実上の世帯主の削除']);
    await approve(d.changeId);
    expect((await household(householdId)).deFactoHead).toBeNull();
    const again = await record({ kind: 'de-facto-head', occurredOn: today, householdId, action: 'delete', expectedVersions: { [householdId]: (await household(householdId)).version } });
    expect([again.status, again.code]).toEqual([422, 'de-facto-head-not-recorded']);
    // History keeps both, each with its item-level before → after (spec §2.2.1).
    const hist = await json<{ items: Array<{ change: { reasonCode: string }; changes: Array<{ item: string; before: string; after: string }> }> }>(await counter.request('GET', `/api/v1/persons/${head}/history`));
    expect(hist.items.map((h) => h.change.reasonCode)).toEqual(expect.arrayContaining(['C25', 'C26']));
    expect(hist.items.find((h) => h.change.reasonCode === 'C25')!.changes).toEqual([{ item: 'deFactoHead', before: '', after: '実際　花子' }]);
    expect(hist.items.find((h) => h.change.reasonCode === 'C26')!.changes).toEqual([{ item: 'deFactoHead', before: '実際　花子', after: '' }]);
    // The first entry (転入) lists the items it entered, with nothing before.
    expect(hist.items[0]!.changes.find((c) => c.item === 'name')).toEqual({ item: 'name', before: '', after: '実際　太郎' });
  });
});
