// SPDX-License-Identifier: EUPL-1.2
// 過去の住所による検索 (issue #13, spec §2.1.3): with `pastAddress=true` the address key also matches every earlier
// address of the person in the municipality (after a 転居) and the 転入前住所, folded like the current address;
// without it only the current address; every hit access-logged; the option kept in the search history.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';

describe('search by past address', () => {
  const t = useTestApp();
  let counter: Client, admin: Client;
  let mover: string, neighbour: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const record = (o: Record<string, unknown>) => t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, ...o }));
  const ids = async (q: string) => {
    const res = await counter.request('GET', `/api/v1/persons?${q}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await json<{ items: Array<{ personId: string }> }>(res)).items.map((h) => h.personId).sort();
  };

  beforeAll(async () => {
    const today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    admin = await mk(['admin']);
    const a = (await record({ kind: 'move-in', occurredOn: addDays(today, -300), previousAddress: '東京都葛飾区柴又七丁目１番', address: { townName: '大字広丘野村', banchi: '771番地' }, persons: [
      newPerson(771, '世帯主', '1970-03-03', { familyName: '旧居', givenName: '太郎', familyNameKana: 'キュウキョ', givenNameKana: 'タロウ', sex: 'male' })] })).plan.snapshots;
    mover = a[0]!.personId;
    const hh = a[0]!.record.householdId;
    const v = (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${hh}`))).version;
    // 転居 within the municipality: 771番地 is now a past address.
    await record({ kind: 'move-within', occurredOn: addDays(today, -30), personIds: [mover], address: { townName: '大字洗馬', banchi: '772番地' }, expectedVersions: { [hh]: v } });
    const b = (await record({ kind: 'move-in', occurredOn: addDays(today, -20), previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '773番地' }, persons: [
      newPerson(773, '世帯主', '1971-04-04', { familyName: '隣家', givenName: '次郎', familyNameKana: 'リンカ', givenNameKana: 'ジロウ', sex: 'male' })] })).plan.snapshots;
    neighbour = b[0]!.personId;
  });

  it('finds a resident by a former address (after a 転居) and by the 転入前住所 only with the option; hits access-logged', async () => {
    const former = encodeURIComponent('広丘野村771');
    expect(await ids(`address=${former}`)).toEqual([]);
    expect(await ids(`address=${former}&pastAddress=true`)).toEqual([mover]);
    // The current address is still found with the option, and another resident's current address too.
    expect(await ids(`address=${encodeURIComponent('洗馬772')}&pastAddress=true`)).toEqual([mover]);
    expect(await ids(`address=${encodeURIComponent('広丘野村773')}&pastAddress=true`)).toEqual([neighbour]);
    // 転入前住所, folded like the current address (full-width digits, a space typed).
    const previous = encodeURIComponent('葛飾区柴又 七丁目1');
    expect(await ids(`address=${previous}`)).toEqual([]);
    expect(await ids(`address=${previous}&pastAddress=true`)).toEqual([mover]);
    expect(await ids(`address=${encodeURIComponent('葛飾区亀有')}&pastAddress=true`)).toEqual([]);
    const log = await json<{ items: Array<{ action: string; actorId: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${mover}`));
    expect(log.items.filter((e) => e.action === 'registry.person.search' && e.actorId === counter.staffId)).toHaveLength(3);
    // The option alone is no criterion; a bad value is refused.
    const alone = await counter.request('GET', '/api/v1/persons?pastAddress=true');
    expect(alone.status).toBe(400);
    expect((await json<{ code: string }>(alone)).code).toBe('search-criteria-required');
    expect((await counter.request('GET', `/api/v1/persons?address=${former}&pastAddress=yes`)).status).toBe(400);
    // Kept in the search history and said in its summary.
    const h = (await json<{ items: Array<{ summary: string; criteria: Record<string, unknown> }> }>(await counter.request('GET', '/api/v1/search-history'))).items;
    expect(h[0]!.criteria).toMatchObject({ address: '葛飾区亀有', pastAddress: true });
    expect(h[0]!.summary).toBe('住所「葛飾区亀有」（過去の住所・転入前住所を含む）');
  });
});
