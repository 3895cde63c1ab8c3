// SPDX-License-Identifier: EUPL-1.2
// 住所一括変更 by a CSV of 世帯番号 with the address before and after (spec §9.7, issue #13): the trial writes
// nothing; the real run records one 職権 change per household as 仮登録; a household whose address is no longer
// the one before, an unknown 世帯番号, a 仮登録 and a change since the trial are skipped; a bad file changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';

const M = '202151';
const HEADER = '世帯番号,変更前町字,変更前番地,変更前方書,変更後町字,変更後番地,変更後方書';

describe('住所一括変更 by a list of households (CSV)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, reviewer: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  type Household = { householdNo: string; version: number; address: { townName: string; banchi: string; katagaki: string }; pendingChangeId: string | null; members: Array<{ personId: string }> };
  const household = async (id: string) => json<Household>(await counter.request('GET', `/api/v1/households/${id}`));
  const provisional = async () => (await json<{ items: Array<{ changeId: string }> }>(await reviewer.request('GET', '/api/v1/provisional-changes'))).items.length;
  let serial = 900;
  async function enter(banchi: string, katagaki = '') {
    const res = await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -30), address: { townName: '大字広丘堅石', banchi, katagaki },
      persons: [newPerson(++serial, '世帯主', '1970-01-01'), newPerson(++serial, '妻', '1971-01-01')] });
    expect(res.status).toBe(201);
    const rec = await json<{ changeId: string; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    const householdId = rec.householdIds[0]!;
    return { householdId, ...(await household(householdId)) };
  }

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    reviewer = await mk(['reviewer']);
  });

  it('changes the households the CSV names, skipping each one whose data changed, as a trial then for real', async () => {
    const a = await enter('5100番地', 'コーポ堅石101');
    const b = await enter('5101番地');
    const moved = await enter('5102番地');
    const later = await enter('5103番地');
    // After the list was made, one household's address was corrected: the CSV's "before" no longer matches it.
    const mh = await household(moved.householdId);
    const fix = await counter.request('POST', '/api/v1/changes', { kind: 'address-renaming', occurredOn: today, householdId: moved.householdId, cause: '住居表示',
      address: { townName: '大字広丘堅石', banchi: '5102番地1' }, expectedVersions: { [moved.householdId]: mh.version } });
    expect(fix.status).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${(await json<{ changeId: string }>(fix)).changeId}/approvals`)).status).toBe(201);
    const csv = [HEADER,
      `${a.householdNo},大字広丘堅石,5100番地,コーポ堅石101,大字広丘吉田,3番1号,コーポ堅石101`,
      `${b.householdNo},広丘堅石,５１０１番地,,大字広丘吉田,3番2号,`,
      `${moved.householdNo},大字広丘堅石,5102番地,,大字広丘吉田,3番3号,`,
      '99999999,大字広丘堅石,1番地,,大字広丘吉田,1番1号,',
      `${later.householdNo},大字広丘堅石,5103番地,,大字広丘吉田,3番4号,`].join('\r\n');
    const body = { cause: '区画整理', occurredOn: today, csv };
    const before = await provisional();

    const trial = await counter.request('POST', '/api/v1/household-address-changes', { ...body, dryRun: true });
    expect(trial.status).toBe(200);
    const tr = await json<{ households: number; persons: number; items: Array<{ line: number; householdId: string; version: number; changeId: null; to: { townName: string; banchi: string; katagaki: string } }>;
      conflicts: Array<{ line: number; householdNo: string; householdId: string | null; code: string }> }>(trial);
    expect(tr.items.map((i) => i.householdId)).toEqual([a.householdId, b.householdId, later.householdId]);
    expect(tr.items.map((i) => i.line)).toEqual([2, 3, 6]);
    expect(tr.items[0]!.to).toMatchObject({ townName: '大字広丘吉田', banchi: '3番1号', katagaki: 'コーポ堅石101' });
    expect(tr.persons).toBe(6);
    expect(tr.conflicts).toEqual([
      { line: 4, householdNo: moved.householdNo, householdId: moved.householdId, code: 'address-before-mismatch' },
      { line: 5, householdNo: '99999999', householdId: null, code: 'household-not-found' },
    ]);
    expect(await provisional()).toBe(before);
    expect((await household(a.householdId)).version).toBe(a.version);

    // A household changed after the trial is skipped when its trial version is passed back.
    const lh = await household(later.householdId);
    const wife = lh.members[1]!.personId;
    const surname = await counter.request('POST', '/api/v1/changes', { kind: 'old-surname', occurredOn: today, personId: wife, action: 'enter', oldSurname: '鈴木', expectedVersions: { [later.householdId]: lh.version } });
    expect(surname.status).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${(await json<{ changeId: string }>(surname)).changeId}/approvals`)).status).toBe(201);
    const expectedVersions = Object.fromEntries(tr.items.map((i) => [i.householdId, i.version]));
    const res = await counter.request('POST', '/api/v1/household-address-changes', { ...body, dryRun: false, expectedVersions });
    expect(res.status).toBe(201);
    const real = await json<{ items: Array<{ householdId: string; changeId: string }>; conflicts: Array<{ line: number; code: string }> }>(res);
    expect(real.items.map((i) => i.householdId)).toEqual([a.householdId, b.householdId]);
    expect(real.conflicts.map((c) => [c.line, c.code])).toEqual([[4, 'address-before-mismatch'], [5, 'household-not-found'], [6, 'household-version-conflict']]);
    expect(await provisional()).toBe(before + 2);
    const change = await json<{ reasonCode: string; exOfficio: boolean; status: string }>(await counter.request('GET', `/api/v1/changes/${real.items[0]!.changeId}`));
    expect(change).toMatchObject({ exOfficio: true, status: 'provisional' });
    expect((await approver.request('POST', '/api/v1/provisional-changes/approvals', { changeIds: real.items.map((i) => i.changeId) })).status).toBe(201);
    expect((await household(a.householdId)).address).toMatchObject({ townName: '大字広丘吉田', banchi: '3番1号', katagaki: 'コーポ堅石101' });
    expect((await household(b.householdId)).address).toMatchObject({ townName: '大字広丘吉田', banchi: '3番2号', katagaki: '' });
    expect((await household(moved.householdId)).address).toMatchObject({ townName: '大字広丘堅石', banchi: '5102番地1' });
    expect((await household(later.householdId)).address).toMatchObject({ townName: '大字広丘堅石', banchi: '5103番地' });
  });

  it('refuses a file it cannot use, and a clerk without the permission, changing nothing', async () => {
    const h = await enter('5200番地');
    const before = await provisional();
    const row = `${h.householdNo},大字広丘堅石,5200番地,,大字広丘吉田,4番1号,`;
    for (const [csv, line] of [
      ['世帯番号,町字\n1,2', 1], // not the header
      [`${HEADER}\n${row}\n${row}`, 3], // the same household twice
      [`${HEADER}\n${h.householdNo},大字広丘堅石,5200番地,,,4番1号,`, 2], // no town after
      [`${HEADER}\n${h.householdNo},大字広丘堅石`, 2], // too few columns
      [HEADER, 2], // no rows
    ] as const) {
      const res = await counter.request('POST', '/api/v1/household-address-changes', { dryRun: false, cause: '区画整理', occurredOn: today, csv });
      expect(res.status, csv).toBe(422);
      const p = await json<{ code: string; title: string; problems: Array<{ line: number; code: string }> }>(res);
      expect(p.code).toBe('address-csv-invalid');
      expect(p.title).toContain('世帯番号');
      expect(p.problems[0]!.line).toBe(line);
    }
    const forbidden = await reviewer.request('POST', '/api/v1/household-address-changes', { dryRun: false, cause: '区画整理', occurredOn: today, csv: `${HEADER}\n${row}` });
    expect(forbidden.status).toBe(403);
    expect((await counter.request('POST', '/api/v1/household-address-changes', { dryRun: false, cause: '区画整理', occurredOn: today })).status).toBe(400);
    expect(await provisional()).toBe(before);
    expect((await household(h.householdId)).version).toBe(h.version);
  });
});
