// SPDX-License-Identifier: EUPL-1.2
// 住民検索 (issue #13, spec §2.1.1, §2.1.3): the search keys 宛名番号, 世帯番号, 性別, 続柄, 消除事由 and date ranges
// (生年月日, 異動日); 旧氏 and 通称 in every mode; a criterion still required; every hit access-logged. The search
// history per staff member: criteria only (never a 個人番号), one's own only, run again, purged after retention.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';
const OTHER = '131016';

describe('search keys and search history', () => {
  const t = useTestApp();
  let counter: Client, counter2: Client, admin: Client, foreignCounter: Client;
  let today: string;
  let head: { personId: string; atenaNo: string; householdNo: string; householdId: string };
  let wife: string, child: string, foreigner: string, dead: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const record = (o: Record<string, unknown>) => t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, ...o }));
  const version = async (h: string) => ({ [h]: (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version });
  type Hit = { personId: string; householdNo: string; oldSurname: string | null; alias: string | null; removalReason: string | null };
  const search = async (q: string, as = counter) => {
    const res = await as.request('GET', `/api/v1/persons?${q}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await json<{ items: Hit[] }>(res)).items;
  };
  const ids = async (q: string, as = counter) => (await search(q, as)).map((h) => h.personId).sort();

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    counter = await mk(M, ['counter']);
    counter2 = await mk(M, ['counter']);
    admin = await mk(M, ['admin']);
    foreignCounter = await mk(OTHER, ['counter']);
    const fam = (await record({ kind: 'move-in', occurredOn: addDays(today, -400), previousAddress: '東京都新宿区', address: { townName: '大字広丘野村', banchi: '901番地' }, persons: [
      newPerson(901, '世帯主', '1960-05-05', { familyName: '検索', givenName: '一郎', familyNameKana: 'ケンサク', givenNameKana: 'イチロウ', sex: 'male' }),
      newPerson(902, '妻', '1962-06-06', { familyName: '検索', givenName: '花子', familyNameKana: 'ケンサク', givenNameKana: 'ハナコ', sex: 'female' }),
      newPerson(903, '子', '1990-07-07', { familyName: '検索', givenName: '次郎', familyNameKana: 'ケンサク', givenNameKana: 'ジロウ', sex: 'male' }),
    ] })).plan.snapshots;
    head = { personId: fam[0]!.personId, atenaNo: fam[0]!.record.atenaNo, householdNo: fam[0]!.record.householdNo, householdId: fam[0]!.record.householdId };
    [wife, child] = [fam[1]!.personId, fam[2]!.personId];
    // 旧氏 of the wife (recorded 100 days ago: a change in the 異動日 range below).
    await record({ kind: 'old-surname', occurredOn: addDays(today, -100), personId: wife, action: 'enter', oldSurname: '旧姓野', oldSurnameKana: 'キュウセイノ', expectedVersions: await version(head.householdId) });
    const f = (await record({ kind: 'move-in', occurredOn: addDays(today, -300), fromAbroad: true, previousAddress: 'ブラジル', address: { townName: '大字広丘野村', banchi: '902番地' }, persons: [
      newPerson(904, '世帯主', '1985-01-01', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'SILVA JOAO', honseki: undefined, myNumber: undefined,
        foreign: { nationality: 'ブラジル', category: '中長期在留者', residenceStatus: '定住者', residencePeriod: '5年', residenceExpiry: addDays(today, 900), residenceCardNo: 'AB12345670CD' } })] })).plan.snapshots;
    foreigner = f[0]!.personId;
    await record({ kind: 'alias', occurredOn: addDays(today, -200), personId: foreigner, action: 'enter', alias: '志留場太郎', aliasKana: 'シルバタロウ', expectedVersions: await version(f[0]!.record.householdId) });
    const d = (await record({ kind: 'move-in', occurredOn: addDays(today, -500), previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '903番地' }, persons: [
      newPerson(905, '世帯主', '1930-02-02', { familyName: '検索', givenName: '故人', familyNameKana: 'ケンサク', givenNameKana: 'コジン', sex: 'female' })] })).plan.snapshots;
    dead = d[0]!.personId;
    await record({ kind: 'death', occurredOn: addDays(today, -50), personId: dead, exOfficio: true, expectedVersions: await version(d[0]!.record.householdId) });
  });

  it('finds residents by 宛名番号 and 世帯番号, narrowed by 性別 and 続柄', async () => {
    expect(await ids(`atenaNo=${head.atenaNo}`)).toEqual([head.personId]);
    expect(await ids(`householdNo=${head.householdNo}`)).toEqual([head.personId, wife, child].sort());
    // Full-width digits are read as digits.
    const wide = head.householdNo.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await ids(`householdNo=${encodeURIComponent(wide)}`)).toEqual([head.personId, wife, child].sort());
    expect(await ids(`householdNo=${head.householdNo}&sex=male`)).toEqual([head.personId, child].sort());
    expect(await ids(`householdNo=${head.householdNo}&relationship=${encodeURIComponent('子')}`)).toEqual([child]);
    expect((await search(`atenaNo=${head.atenaNo}`))[0]!.householdNo).toBe(head.householdNo);
    expect(await ids('atenaNo=999999999999')).toEqual([]);
  });

  it('refuses 性別 or 続柄 alone, a bad range or a bad value with a stable code, and lists nobody', async () => {
    for (const [q, status, code] of [
      ['sex=male', 400, 'search-criteria-required'],
      [`relationship=${encodeURIComponent('妻')}&sex=female`, 400, 'search-criteria-required'],
      ['birthFrom=1990-01-01&birthTo=1980-01-01', 422, 'invalid-date-range'],
      [`changedFrom=${encodeURIComponent('令和9年13月')}`, 422, 'invalid-date'],
      ['sex=other&name=x', 400, 'invalid-params'],
      [`removalReason=${encodeURIComponent('失踪')}`, 400, 'invalid-params'],
    ] as const) {
      const res = await counter.request('GET', `/api/v1/persons?${q}`);
      expect(res.status, q).toBe(status);
      expect((await json<{ code: string }>(res)).code).toBe(code);
    }
  });

  it('searches 生年月日 and 異動日 ranges (和暦 or 西暦, either end open) and 消除事由', async () => {
    expect(await ids(`birthFrom=${encodeURIComponent('昭和35年')}&birthTo=${encodeURIComponent('昭和37年12月')}&name=${encodeURIComponent('検索')}`)).toEqual([head.personId, wife].sort());
    expect(await ids(`birthFrom=1989-01-01&name=${encodeURIComponent('ケンサク')}`)).toEqual([child]);
    // 異動日: the 旧氏 entry 100 days ago is a change of the wife only.
    expect(await ids(`changedFrom=${addDays(today, -120)}&changedTo=${addDays(today, -90)}`)).toEqual([wife]);
    expect(await ids(`changedFrom=${addDays(today, -420)}&changedTo=${addDays(today, -380)}`)).toEqual([head.personId, wife, child].sort());
    // 消除事由 finds 除票 without includeRemoved; a removed person is not found by name without it.
    const removed = await search(`removalReason=${encodeURIComponent('死亡')}`);
    expect(removed.map((h) => h.personId)).toEqual([dead]);
    expect(removed[0]!.removalReason).toBe('死亡');
    expect(await ids(`name=${encodeURIComponent('検索故人')}`)).toEqual([]);
    expect(await ids(`name=${encodeURIComponent('検索故人')}&includeRemoved=true`)).toEqual([dead]);
  });

  it('finds residents whose item is blank (空欄検索), within the other conditions', async () => {
    // The foreign resident was entered without a 個人番号 and has no reading; the family has both.
    expect(await ids(`emptyItem=myNumber&name=SILVA`)).toEqual([foreigner]);
    expect((await ids('emptyItem=myNumber'))).toContain(foreigner);
    expect((await ids('emptyItem=myNumber'))).not.toContain(head.personId);
    expect(await ids(`emptyItem=reading&birthFrom=1985-01-01&birthTo=1985-01-01`)).toEqual([foreigner]);
    expect(await ids(`emptyItem=residenceCardNo&name=SILVA`)).toEqual([]);
    expect(await ids(`emptyItem=honseki&name=${encodeURIComponent('検索')}`)).toEqual([]);
    const res = await counter.request('GET', '/api/v1/persons?emptyItem=phone');
    expect(res.status).toBe(400);
    expect((await json<{ code: string }>(res)).code).toBe('invalid-params');
  });

  it('finds 旧氏 and 通称 in every mode (prefix, exact, partial), by kanji and by reading', async () => {
    for (const mode of ['prefix', 'exact', 'partial']) {
      expect(await ids(`name=${encodeURIComponent('旧姓野')}&mode=${mode}`), mode).toEqual([wife]);
      expect(await ids(`name=${encodeURIComponent('志留場太郎')}&mode=${mode}`), mode).toEqual([foreigner]);
      expect(await ids(`name=${encodeURIComponent('キュウセイノ')}&mode=${mode}`), mode).toEqual([wife]);
    }
    expect(await ids(`name=${encodeURIComponent('志留')}&mode=prefix`)).toEqual([foreigner]);
    expect(await ids(`name=${encodeURIComponent('志留')}&mode=exact`)).toEqual([]);
    expect(await ids(`name=${encodeURIComponent('留場')}&mode=prefix`)).toEqual([]);
    expect(await ids(`name=${encodeURIComponent('留場')}&mode=partial`)).toEqual([foreigner]);
    const hit = (await search(`name=${encodeURIComponent('旧姓野')}&mode=exact`))[0]!;
    expect(hit.oldSurname).toBe('旧姓野');
    expect((await search(`name=${encodeURIComponent('志留場')}`))[0]!.alias).toBe('志留場太郎');
  });

  it('keeps each staff member\'s own searches (criteria only, no 個人番号), runs one again, and logs every hit', async () => {
    await search(`householdNo=${head.householdNo}&sex=male&purpose=${encodeURIComponent('窓口での照会')}`, counter2);
    await search(`householdNo=${head.householdNo}&sex=male&purpose=${encodeURIComponent('窓口での照会')}`, counter2); // same criteria: one entry, twice
    const myNumber = newPerson(901, '世帯主', '1960-05-05').myNumber;
    await search(`myNumber=${myNumber}`, counter2);
    const res = await counter2.request('GET', '/api/v1/search-history');
    expect(res.status).toBe(200);
    const items = (await json<{ items: Array<{ searchId: string; criteria: Record<string, unknown>; summary: string; times: number; hitCount: number; rerunnable: boolean }> }>(res)).items;
    expect(items).toHaveLength(2);
    expect(JSON.stringify(items)).not.toContain(myNumber);
    expect(items[0]!.criteria).toEqual({ myNumberUsed: true });
    expect(items[0]!.rerunnable).toBe(false);
    expect(items[0]!.summary).toBe('個人番号（番号は保存しません）');
    expect(items[1]!).toMatchObject({ times: 2, hitCount: 2, rerunnable: true, criteria: { householdNo: head.householdNo, sex: 'male', purpose: '窓口での照会' } });
    expect(items[1]!.summary).toBe(`世帯番号 ${head.householdNo}、性別 男`);
    // Raw rows: no 個人番号 stored anywhere.
    const rows = await sql<{ criteria: unknown }>`SELECT criteria FROM registry.search_history`.execute(t.services.db.owner);
    expect(JSON.stringify(rows.rows)).not.toContain(myNumber);
    // Run again: the hits now, logged like any search.
    const again = await counter2.request('GET', `/api/v1/search-history/${items[1]!.searchId}/hits`);
    expect(again.status).toBe(200);
    expect((await json<{ items: Hit[] }>(again)).items.map((h) => h.personId).sort()).toEqual([head.personId, child].sort());
    const log = await json<{ items: Array<{ action: string; actorId: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${child}`));
    expect(log.items.filter((e) => e.action === 'registry.person.search' && e.actorId === counter2.staffId).length).toBeGreaterThanOrEqual(3);
    // Not rerunnable, another clerk's, another municipality's, unknown: refused, nothing found.
    expect((await json<{ code: string }>(await counter2.request('GET', `/api/v1/search-history/${items[0]!.searchId}/hits`))).code).toBe('search-history-not-rerunnable');
    for (const who of [counter, foreignCounter]) {
      const r = await who.request('GET', `/api/v1/search-history/${items[1]!.searchId}/hits`);
      expect(r.status).toBe(404);
      expect((await json<{ code: string }>(r)).code).toBe('search-history-not-found');
      expect(JSON.stringify(await json(await who.request('GET', '/api/v1/search-history')))).not.toContain(head.householdNo);
    }
    expect((await admin.request('GET', '/api/v1/search-history')).status).toBe(403);
  });

  it('purges entries not used for the retention period', async () => {
    await search(`atenaNo=${head.atenaNo}`, counter);
    await sql`UPDATE registry.search_history SET searched_at = now() - interval '31 days' WHERE staff_id = ${counter.staffId}`.execute(t.services.db.owner);
    const kept = (await json<{ items: unknown[] }>(await counter2.request('GET', '/api/v1/search-history'))).items.length;
    const r = await t.services.registry.purgeSearchHistory();
    expect(r.purged).toBeGreaterThanOrEqual(1);
    expect((await json<{ items: unknown[] }>(await counter.request('GET', '/api/v1/search-history'))).items).toEqual([]);
    expect((await json<{ items: unknown[] }>(await counter2.request('GET', '/api/v1/search-history'))).items).toHaveLength(kept);
  });
});
