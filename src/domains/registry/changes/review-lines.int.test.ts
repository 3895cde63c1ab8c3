// Lines the conformance review of 2026-12-03 found met, shown here through the API so the conformance table
// (docs/registry-conformance.md) can name a test for each: 住所設定 (R5), 出生 (R10), 戸籍記載通知 (R13) and
// 誤記修正 (R15).
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays, japanDay, toWareki } from '../../../platform/dates/jp-date.ts';

const M = '202151';

describe('registry procedures met at the review', () => {
  const t = useTestApp();
  let counter: Client, approver: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  type Recorded = { changeId: string; personIds: string[]; householdIds: string[]; reasonLabel: string; reasonCode: string };

  async function change(body: Record<string, unknown>): Promise<Recorded> {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<Recorded>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }
  const version = async (h: string) => (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;
  const person = async (id: string) => json<Record<string, unknown>>(await approver.request('GET', `/api/v1/persons/${id}`));
  const history = async (id: string) => (await json<{ items: Array<Record<string, unknown>> }>(await approver.request('GET', `/api/v1/persons/${id}/history`))).items;

  beforeAll(async () => {
    today = japanDay(new Date());
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
  });

  it('住所設定 (R5): a 職権記載 of a person found living here, 転入前住所 「不明」, the dates set to the 異動日', async () => {
    const on = addDays(today, -3);
    const set = await change({ kind: 'ex-officio-entry', occurredOn: on, previousAddress: '不明', address: { townName: '大字広丘野村', banchi: '71番地' },
      persons: [newPerson(7101, '世帯主', '1970-01-01', { familyName: '設定', givenName: '一', familyNameKana: 'セッテイ', givenNameKana: 'ハジメ' })] });
    expect(set).toMatchObject({ reasonCode: 'A04', reasonLabel: '職権記載' });
    const rec = await person(set.personIds[0]!);
    expect(rec).toMatchObject({ status: 'resident', previousAddress: '不明', relationship: '世帯主' });
    expect(rec.becameResidentOn).toBe(toWareki(on));
    expect(rec.addressFixedOn).toBe(toWareki(on));
    expect((await history(set.personIds[0]!)).map((h) => (h.change as { kind: string }).kind)).toEqual(['ex-officio-entry']);
  });

  it('出生 (R10): a new person in the household with reason 出生, a 宛名番号 and a 住民票コード of their own', async () => {
    const family = await change({ kind: 'move-in', occurredOn: addDays(today, -40), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '72番地' },
      persons: [newPerson(7201, '世帯主', '1985-04-01', { familyName: '生田', givenName: '親', familyNameKana: 'イクタ', givenNameKana: 'オヤ', honseki: '長野県松本市丸の内3番' })] });
    const h = family.householdIds[0]!;
    const born = addDays(today, -2);
    const birth = await change({ kind: 'birth', occurredOn: born, householdId: h, parentPersonIds: [family.personIds[0]],
      person: newPerson(7202, '子', born, { familyName: '生田', givenName: '子', familyNameKana: 'イクタ', givenNameKana: 'コ', honseki: '長野県松本市丸の内3番' }),
      expectedVersions: { [h]: await version(h) } });
    expect(birth.reasonLabel).toBe('出生');
    const child = await person(birth.personIds[0]!);
    const parent = await person(family.personIds[0]!);
    expect(child).toMatchObject({ status: 'resident', relationship: '子', householdId: h, honseki: parent.honseki });
    expect(child.residentCode).toMatch(/^\d{11}$/);
    expect(child.residentCode).not.toBe(parent.residentCode);
    expect(child.atenaNo).not.toBe(parent.atenaNo);
  });

  it('戸籍記載通知 (R13): a 職権修正 of the 戸籍の表示 and the head\'s 氏 keeps the 通知日, and the 世帯票 names the head anew', async () => {
    const family = await change({ kind: 'move-in', occurredOn: addDays(today, -40), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '73番地' },
      persons: [newPerson(7301, '世帯主', '1975-04-01', { familyName: '旧姓', givenName: '主', familyNameKana: 'キュウセイ', givenNameKana: 'ヌシ' }),
        newPerson(7302, '子', '2005-04-01', { familyName: '旧姓', givenName: '娘', familyNameKana: 'キュウセイ', givenNameKana: 'ムスメ' })] });
    const h = family.householdIds[0]!;
    const [head, child] = family.personIds as [string, string];
    const noticeDay = addDays(today, -1);
    const fix = await change({ kind: 'ex-officio-correction', exOfficio: true, occurredOn: addDays(today, -5), notifiedOn: noticeDay, personId: head,
      patch: { familyName: '新姓', familyNameKana: 'シンセイ', honseki: '長野県塩尻市大字広丘野村73番地', hittosha: '新姓　主' }, expectedVersions: { [h]: await version(h) } });
    expect(fix.reasonLabel).toBe('職権修正');
    expect(await person(head)).toMatchObject({ familyName: '新姓', honseki: '長野県塩尻市大字広丘野村73番地', hittosha: '新姓　主' });
    const entry = (await history(head)).at(-1)!.change as { notifiedOn: string };
    expect(entry.notifiedOn).toBe(noticeDay);
    const household = await json<{ members: Array<{ personId: string; familyName: string; relationship: string }> }>(await counter.request('GET', `/api/v1/households/${h}`));
    expect(household.members.find((m) => m.relationship === '世帯主')!.familyName).toBe('新姓');
    expect((await person(child)).familyName).toBe('旧姓');
  });

  it('誤記修正 (R15): the corrected record is a new history entry and the wrong one stays in the history', async () => {
    const family = await change({ kind: 'move-in', occurredOn: addDays(today, -40), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '74番地' },
      persons: [newPerson(7401, '世帯主', '1975-04-01', { familyName: '誤記', givenName: '間違', familyNameKana: 'ゴキ', givenNameKana: 'マチガイ' })] });
    const h = family.householdIds[0]!;
    const id = family.personIds[0]!;
    const fix = await change({ kind: 'clerical-correction', exOfficio: true, occurredOn: today, personId: id, patch: { givenName: '正' , givenNameKana: 'タダシ' }, expectedVersions: { [h]: await version(h) } });
    expect(fix.reasonLabel).toBe('誤記修正');
    const entries = await history(id);
    expect(entries.map((e) => (e.record as { givenName: string }).givenName)).toEqual(['間違', '正']);
    expect(entries.at(-1)!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ before: '誤記　間違', after: '誤記　正' })]));
    expect((await person(id)).givenName).toBe('正');
  });
});
