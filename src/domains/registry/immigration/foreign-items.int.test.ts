// Issue #13, checklist 1.1.2 (外国人住民の記載事項, 住基法 第30条の45): 上陸期間 (一時庇護許可者), 仮滞在期間 (仮滞在許可者),
// 経過滞在の事由 (出生・国籍喪失), 旧外国人登録法による登録年月日, 住居地の届出の有無, 上陸許可証による転入 — entered, validated,
// kept in the history, and masked like the 在留資格 (spec §10.4) for staff who may not see it.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays, japanDay } from '../../../platform/dates/jp-date.ts';

const M = '202151';
const foreigner = (n: number, foreign: Record<string, unknown>) => newPerson(n, '世帯主', '1991-03-04', {
  residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: `PERSON ${n}`, honseki: undefined, foreign: foreign as never,
});

describe('foreign resident items of 1.1.2', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, contractor: Client, admin: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const moveIn = (n: number, foreign: Record<string, unknown>) => ({
    kind: 'move-in', abroadGround: '30条の46', occurredOn: addDays(today, -3), address: { townName: '大字広丘野村', banchi: `${n}番地` }, persons: [foreigner(n, foreign)],
  });
  async function enter(body: Record<string, unknown>) {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }
  const persons = async () => Number((await t.services.db.owner.selectFrom('registry.person').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst())?.n);

  beforeAll(async () => {
    today = japanDay(new Date());
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
    expect((await admin.request('POST', '/api/v1/staff', { loginId: 'itaku-fi', displayName: '委託 二郎', roles: ['counter'], password: TEST_PASSWORD, contractor: true })).status).toBe(201);
    contractor = await t.login(M, 'itaku-fi');
  });

  it('records 上陸期間, 仮滞在期間, the 経過滞在 cause, the 旧外登法 date and both markers, shown on the record (和暦) and masked like the 在留資格', async () => {
    const refuge = await enter(moveIn(8101, { nationality: 'ミャンマー', category: '一時庇護許可者', landingPeriodEnd: addDays(today, 120), residenceNotified: true, landingPermitMoveIn: true }));
    const prov = await enter(moveIn(8102, { nationality: 'スリランカ', category: '仮滞在許可者', provisionalStayEnd: addDays(today, 90), residenceNotified: false }));
    const trans = await enter(moveIn(8103, { nationality: '中国', category: '経過滞在者', transitionalCause: '出生' }));
    const old = await enter(moveIn(8104, { nationality: '韓国', category: '特別永住者', residenceCardNo: 'AB12348104CD', alienRegistrationDate: '1985-06-01', residenceNotified: true }));
    const get = async (c: Client, id: string) => json<{ foreign: Record<string, unknown>; maskedItems: string[] }>(await c.request('GET', `/api/v1/persons/${id}`));

    const r1 = await get(counter, refuge.personIds[0]!);
    expect(r1.foreign).toMatchObject({ category: '一時庇護許可者', residenceNotified: true, landingPermitMoveIn: true });
    expect(r1.foreign.landingPeriodEnd).toMatch(/^令和\d+年\d+月\d+日$/);
    expect(r1.foreign.provisionalStayEnd).toBeNull();
    expect((await get(counter, prov.personIds[0]!)).foreign).toMatchObject({ category: '仮滞在許可者', residenceNotified: false });
    expect((await get(counter, prov.personIds[0]!)).foreign.provisionalStayEnd).toMatch(/^令和/);
    expect((await get(counter, trans.personIds[0]!)).foreign).toMatchObject({ category: '経過滞在者', transitionalCause: '出生' });
    expect((await get(counter, old.personIds[0]!)).foreign).toMatchObject({ alienRegistrationDate: '昭和60年6月1日', residenceNotified: true });

    // §10.4: contractor staff do not see 在留資格等; the new periods and the cause are masked with them, the markers are not.
    const masked = await get(contractor, refuge.personIds[0]!);
    expect(masked.maskedItems).toContain('residence-status');
    expect(masked.foreign).toMatchObject({ landingPeriodEnd: '＊＊＊＊', landingPermitMoveIn: true, nationality: 'ミャンマー' });
    expect((await get(contractor, trans.personIds[0]!)).foreign).toMatchObject({ transitionalCause: '＊＊＊＊' });
    expect((await get(contractor, prov.personIds[0]!)).foreign.provisionalStayEnd).toBe('＊＊＊＊');
    expect((await get(contractor, old.personIds[0]!)).maskedItems).not.toContain('residence-status');
  });

  it('keeps the items in the history when a 職権修正 changes them', async () => {
    const p = await enter(moveIn(8105, { nationality: 'ネパール', category: '仮滞在許可者', provisionalStayEnd: addDays(today, 30) }));
    const id = p.personIds[0]!;
    const h = p.householdIds[0]!;
    const version = (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;
    await enter({ kind: 'ex-officio-correction', occurredOn: today, personId: id, expectedVersions: { [h]: version },
      patch: { foreign: { nationality: 'ネパール', category: '仮滞在許可者', provisionalStayEnd: addDays(today, 200), residenceNotified: true } } });
    const history = await json<{ items: Array<{ record: { foreign: Record<string, unknown> } }> }>(await approver.request('GET', `/api/v1/persons/${id}/history`));
    expect(history.items).toHaveLength(2);
    expect(history.items[0]!.record.foreign.provisionalStayEnd).not.toEqual(history.items[1]!.record.foreign.provisionalStayEnd);
    expect(history.items[0]!.record.foreign.residenceNotified).toBeUndefined();
    expect(history.items[1]!.record.foreign.residenceNotified).toBe(true);
  });

  it('refuses an item of another category, a missing one, a 旧外登法 date after the law ended or an impossible date, and writes nothing', async () => {
    const before = await persons();
    const refused = async (foreign: Record<string, unknown>, code: string, n: number) => {
      const res = await counter.request('POST', '/api/v1/changes', moveIn(n, foreign));
      const body = await json<{ code: string; title: string }>(res);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(body.code).toBe(code);
      expect(body.title).toMatch(/[ぁ-んァ-ン一-龯]/);
    };
    const card = { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '留学', residencePeriod: '1年', residenceExpiry: addDays(today, 300), residenceCardNo: 'AB12348110CD' };
    await refused({ ...card, landingPeriodEnd: addDays(today, 30) }, 'foreign-item-category', 8110); // 上陸期間 only for 一時庇護許可者
    await refused({ nationality: 'ベトナム', category: '一時庇護許可者' }, 'foreign-item-category', 8111); // 上陸期間 missing
    await refused({ nationality: 'ベトナム', category: '仮滞在許可者', provisionalStayEnd: addDays(today, 30), transitionalCause: '出生' }, 'foreign-item-category', 8112);
    await refused({ nationality: 'ベトナム', category: '経過滞在者' }, 'foreign-item-category', 8113);
    await refused({ ...card, alienRegistrationDate: '2013-01-01' }, 'alien-registration-date-after-law', 8114);
    await refused({ ...card, alienRegistrationDate: '2001-02-30' }, 'invalid-date', 8115);
    await refused({ nationality: 'ベトナム', category: '仮滞在許可者', provisionalStayEnd: addDays(today, -400) }, 'stay-period-before-since', 8116);
    expect(await persons()).toBe(before);
  });
});
