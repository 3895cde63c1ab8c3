// SPDX-License-Identifier: EUPL-1.2
// 世帯員の並び順 (spec §5.2, issue #13): the 世帯票 and the 住民票の写し list a household by the standard's rule.
// Newcomers (a 同居人 who moves in, then a newborn) are stored in the order of entry but take their place by the
// rule: the newborn comes after the older child and before the 同居人 who joined first.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from './registry.service.ts';
import { addDays } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('世帯員の並び順 on the 世帯票 and certificates', () => {
  const t = useTestApp();
  let counter: Client, approver: Client;
  let today: string;
  const json = async <T>(res: Response) => (await res.json()) as T;
  type Household = { version: number; members: Array<{ personId: string; relationship: string; birthDate: { sortKey: string }; memberOrder: number }> };
  const household = async (id: string) => json<Household>(await counter.request('GET', `/api/v1/households/${id}`));
  const approve = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<{ changeId: string; householdIds: string[]; personIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎', certificateFees: { 'residence-copy': 350 } });
  });

  it('lists the members by the rule, with newcomers in their place, on the 世帯票 and the 住民票の写し', async () => {
    // Entered with the younger child first: the rule lists children by birth date.
    const moved = await approve(await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -60), address: { townName: '大字広丘野村', banchi: '3300番地' },
      persons: [newPerson(5201, '世帯主', '1975-04-01'), newPerson(5202, '子', '2012-06-01'), newPerson(5203, '妻', '1977-04-01'), newPerson(5204, '子', '2009-09-01')] }));
    const householdId = moved.householdIds[0]!;
    let h = await household(householdId);
    // A 同居人 and then the head's mother join: stored after everyone (order of entry).
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -40), householdId,
      persons: [newPerson(5205, '同居人', '1990-01-01')], expectedVersions: { [householdId]: h.version } }));
    h = await household(householdId);
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -30), householdId,
      persons: [newPerson(5206, '母', '1948-02-02')], expectedVersions: { [householdId]: h.version } }));
    h = await household(householdId);
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'birth', occurredOn: addDays(today, -3), householdId,
      person: newPerson(5207, '子', addDays(today, -3)), expectedVersions: { [householdId]: h.version } }));
    h = await household(householdId);

    const shown = h.members.map((m) => `${m.relationship}${m.birthDate.sortKey.slice(0, 4)}`);
    expect(shown).toEqual(['世帯主1975', '妻1977', '子2009', '子2012', `子${addDays(today, -3).slice(0, 4)}`, '母1948', '同居人1990']);
    // Stored in the order of entry: the 同居人 before the mother and the newborn (the rule, not the storage, decides).
    const stored = Object.fromEntries(h.members.map((m) => [m.relationship + m.birthDate.sortKey.slice(0, 4), m.memberOrder]));
    expect(stored['同居人1990']).toBeLessThan(stored['母1948']!);

    const preview = await counter.request('POST', '/api/v1/certificate-previews', { kind: 'residence-copy', householdId, requester: { type: 'household', personId: h.members[0]!.personId }, purpose: '勤務先へ提出' });
    expect(preview.status, await preview.clone().text()).toBe(200);
    const printed = (await json<{ persons: Array<{ personId: string }> }>(preview)).persons.map((p) => p.personId);
    expect(printed).toEqual(h.members.map((m) => m.personId));
  });
});
