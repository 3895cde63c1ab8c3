// SPDX-License-Identifier: EUPL-1.2
// 世帯員の並び順 (spec §5.2, issue #13): the 世帯票 and the 住民票の写し list a household by the standard's rule.
// Newcomers (a 同居人 who moves in, then a newborn) are stored in the order of entry but take their place by the
// rule: the newborn comes after the older child and before the 同居人 who joined first.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistryCsvService } from './csv/registry-csv.service.ts';
import { CSV_COLUMNS } from './csv/registry-csv-format.ts';
import { createMyNumberCipher } from './numbers/my-number-cipher.ts';
import { loadMyNumberKeys } from './registry.config.ts';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from './registry.service.ts';
import { addDays } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('世帯員の並び順 on the 世帯票 and certificates', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client;
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
    admin = await mk(['admin']);
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
    // The stored 記載順位 follows the rule too (renumbered by each change): 1, 2, 3 … in the order shown.
    expect(h.members.map((m) => m.memberOrder)).toEqual(h.members.map((_, i) => i + 1));

    const preview = await counter.request('POST', '/api/v1/certificate-previews', { kind: 'residence-copy', householdId, requester: { type: 'household', personId: h.members[0]!.personId }, purpose: '勤務先へ提出' });
    expect(preview.status, await preview.clone().text()).toBe(200);
    const printed = (await json<{ persons: Array<{ personId: string }> }>(preview)).persons.map((p) => p.personId);
    expect(printed).toEqual(h.members.map((m) => m.personId));
  });

  it('keeps each married 子 with their own spouse and children (link entered when ambiguous), in the stored order, the CSV export and the change feed', async () => {
    const consumer = await admin.request('POST', '/api/v1/registry-feed/consumers', { name: 'order-check', purpose: '並び順の確認', scopes: ['name', 'household'] });
    expect(consumer.status, await consumer.clone().text()).toBe(201);
    const token = ((await consumer.json()) as { token: string }).token;
    const feed = async (cursor: string) => (await (await t.app.request(`/api/v1/registry-feed/changes?cursor=${cursor}&limit=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as
      { cursor: string; changes: Array<{ records: Array<{ items: Record<string, string> }> }> };
    const start = (await feed('0')).cursor;

    const moved = await approve(await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -50), address: { townName: '大字広丘野村', banchi: '3301番地' },
      persons: [newPerson(5301, '世帯主', '1950-01-01'), newPerson(5302, '妻', '1952-01-01'), newPerson(5303, '子', '1975-01-01'), newPerson(5304, '子', '1978-01-01')] }));
    const householdId = moved.householdIds[0]!;
    let h = await household(householdId);
    const id = (year: string) => h.members.find((m) => m.birthDate.sortKey.startsWith(year))!.personId;
    const [taro, jiro] = [id('1975'), id('1978')];
    // Refused, nothing written: a link to someone who is not a 子, or on a 続柄 that has none.
    for (const [person, code] of [[newPerson(5305, '子の妻', '1976-01-01', { familyOf: id('1950') }), 'family-link-invalid'], [newPerson(5306, '同居人', '1990-01-01', { familyOf: taro }), 'family-link-not-applicable']] as const) {
      const res = await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -40), householdId, persons: [person], expectedVersions: { [householdId]: h.version } });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    expect((await household(householdId)).version).toBe(h.version);
    // 太郎's wife moves in (linked to 太郎), then 次郎's child is born (linked to 次郎).
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -40), householdId,
      persons: [newPerson(5307, '子の妻', '1976-01-01', { familyOf: taro })], expectedVersions: { [householdId]: h.version } }));
    h = await household(householdId);
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'birth', occurredOn: addDays(today, -2), householdId,
      person: newPerson(5308, '子の子', addDays(today, -2), { familyOf: jiro }), expectedVersions: { [householdId]: h.version } }));
    h = await household(householdId);
    const born = addDays(today, -2).slice(0, 4);
    expect(h.members.map((m) => `${m.relationship}${m.birthDate.sortKey.slice(0, 4)}`)).toEqual(['世帯主1950', '妻1952', '子1975', '子の妻1976', '子1978', `子の子${born}`]);
    expect(h.members.map((m) => m.memberOrder)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(h.members.find((m) => m.relationship === '子の妻')).toMatchObject({ familyOf: taro });

    // The change feed carries the new 記載順位 of 次郎, renumbered when 太郎's wife joined.
    const records = (await feed(start)).changes.flatMap((c) => c.records.map((r) => r.items));
    const jiroNo = h.members.find((m) => m.personId === jiro)!;
    const jiroRecords = records.filter((r) => r['宛名番号'] === (jiroNo as unknown as { atenaNo: string }).atenaNo);
    expect(jiroRecords.map((r) => r['記載順位'])).toEqual(['4', '5']);

    // The CSV export lists the household in that order, with that 記載順位.
    const csv = createRegistryCsvService({ db: t.services.db, cipher: createMyNumberCipher(loadMyNumberKeys({})), clock: t.services.clock });
    let text = '';
    await csv.exportCsv(M, (c) => { text += c; });
    const atena = h.members.map((m) => (m as unknown as { atenaNo: string }).atenaNo);
    const fields = (l: string) => l.split(',').map((f) => f.replace(/"/g, ''));
    const lines = text.split('\r\n').filter((l) => atena.some((a) => fields(l).includes(a)));
    expect(lines.map((l) => atena.findIndex((a) => fields(l).includes(a)))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(lines.map((l) => fields(l)[CSV_COLUMNS.indexOf('記載順位')])).toEqual(['1', '2', '3', '4', '5', '6']);

    // The municipality may keep the order of entry instead: a newcomer is then appended, shown and stored last.
    expect((await counter.request('PUT', '/api/v1/certificate-settings', { memberOrder: 'entry' })).status).toBe(403);
    const set = await admin.request('PUT', '/api/v1/certificate-settings', { memberOrder: 'entry' });
    expect(set.status, await set.clone().text()).toBe(200);
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -1), householdId,
      persons: [newPerson(5309, '母', '1925-01-01')], expectedVersions: { [householdId]: h.version } }));
    h = await household(householdId);
    expect(h.members.map((m) => m.relationship)).toEqual(['世帯主', '妻', '子', '子の妻', '子', '子の子', '母']);
    expect(h.members.at(-1)!.memberOrder).toBe(7);
    expect((await admin.request('PUT', '/api/v1/certificate-settings', { memberOrder: 'standard' })).status).toBe(200);
    h = await household(householdId);
    expect(h.members.map((m) => m.relationship)).toEqual(['世帯主', '妻', '子', '子の妻', '子', '子の子', '母']);
  });
});
