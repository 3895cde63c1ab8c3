// Issue #13 item 2, "rules that block ordinary counter work", through the API: 推定/不詳 dates of death and 失踪,
// the head who dies leaving several members, the late 転出 forced to 職権 with its 準ずる証明書, 申出を受けた職権,
// 個人番号/住民票コード changes with their reasons, 国外転入等 and 未届転入, and corrections that may not blank items.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays, japanDay, toWareki } from '../../../platform/dates/jp-date.ts';
import { pdfPageTexts, squash } from '../../certificates/testing/pdf-text.ts';
import { myNumberCheckDigit } from '../numbers/my-number.ts';
import { createFileJukinetAdapter } from '../jukinet/jukinet-adapter.ts';

// The 住基ネット file link's inbox (転出証明書情報 received for 特例転入), read by the services this file starts.
const INBOX = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-inbox-'));
process.env.JICHI_JUKINET_INBOX_DIR = INBOX;
const OTHER = '131016';

const M = '202151';
const FOREIGN = { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年', residenceExpiry: '2029-01-01', residenceCardNo: 'AB12345678CD' };

describe('registry counter rules (issue #13)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, otherCounter: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const daysAgo = (n: number) => addDays(today, -n);
  type Recorded = { changeId: string; personIds: string[]; householdIds: string[]; reasonLabel: string; reasonCode: string; alerts: Array<{ code: string }> };

  async function change(body: Record<string, unknown>, approve = true): Promise<Recorded> {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<Recorded>(res);
    if (approve) expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }
  async function refused(body: Record<string, unknown>, code: string) {
    const res = await counter.request('POST', '/api/v1/changes', body);
    const problem = await json<{ code: string; title: string }>(res);
    expect(res.status, JSON.stringify(problem)).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.code).toBe(code);
    expect(problem.title).toMatch(/[ぁ-んァ-ン一-龯]/);
    return problem;
  }
  const version = async (h: string) => (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;
  // Read as the approver: the 住民票コード is shown to 審査・決裁 only (spec §10.4; field-visibility.int.test.ts).
  const person = async (id: string) => json<Record<string, unknown>>(await approver.request('GET', `/api/v1/persons/${id}`));
  const family = async (n: number, extra: Record<string, unknown> = {}) => change({
    kind: 'move-in', occurredOn: daysAgo(60), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: `${n}番地` },
    persons: [newPerson(n * 10, '世帯主', '1950-04-01', { familyName: '百瀬', givenName: '一', familyNameKana: 'モモセ', givenNameKana: 'ハジメ' }),
      newPerson(n * 10 + 1, '妻', '1952-08-08', { familyName: '百瀬', givenName: '和子', familyNameKana: 'モモセ', givenNameKana: 'カズコ' }),
      newPerson(n * 10 + 2, '子', '1980-06-15', { familyName: '百瀬', givenName: '健', familyNameKana: 'モモセ', givenNameKana: 'ケン' })],
    ...extra,
  });
  const certificate = async (body: Record<string, unknown>) => {
    const res = await counter.request('POST', '/api/v1/certificates', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await pdfPageTexts(new Uint8Array(await res.arrayBuffer()))).join('');
  };

  beforeAll(async () => {
    today = japanDay(new Date());
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    otherCounter = await t.login(OTHER, (await t.staff(OTHER, ['counter'])).loginId);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
  });

  it('records a 死亡 of the head with an estimated date: allowed with an alert, printed as recorded; a 世帯主変更 follows', async () => {
    const f = await family(601);
    const [head, wife, child] = f.personIds as [string, string, string];
    const h = f.householdIds[0]!;
    // An estimated month (「推定…頃」): the change is allowed although two members are left without a head.
    const month = toWareki(daysAgo(45)).replace(/\d+日$/, '');
    const text = `推定${month}頃`;
    const death = await change({ kind: 'death', occurredOn: text, exOfficio: true, personId: head, expectedVersions: { [h]: await version(h) } });
    expect(death.reasonLabel).toBe('死亡');
    expect(death.alerts.map((a) => a.code)).toContain('household-head-missing');
    expect(await person(head)).toMatchObject({ status: 'removed', removalReason: '死亡', removedOnText: text });
    const hh = await json<{ headPersonId: string | null; members: unknown[] }>(await counter.request('GET', `/api/v1/households/${h}`));
    expect(hh.headPersonId).toBeNull();
    // The 除票の写し prints the date as recorded, not as a calendar day.
    const removed = await certificate({ kind: 'removed-copy', personIds: [head], requester: { type: 'household', personId: wife } });
    expect(removed).toContain(squash(`${text}　死亡`));
    // The 世帯主変更 follows and ends the alert.
    const hc = await change({ kind: 'head-change', occurredOn: today, householdId: h, newHeadPersonId: wife, relationships: { [child]: '子' }, expectedVersions: { [h]: await version(h) } });
    expect(hc.alerts.map((a) => a.code)).not.toContain('household-head-missing');
    expect((await json<{ headPersonId: string }>(await counter.request('GET', `/api/v1/households/${h}`))).headPersonId).toBe(wife);
  });

  it('records a 失踪宣告 as its own 職権消除 ground with an unknown date (年月日不詳), and prints it', async () => {
    const f = await family(602);
    const [, wife, child] = f.personIds as [string, string, string];
    const h = f.householdIds[0]!;
    const rec = await change({ kind: 'ex-officio-removal', ground: '失踪宣告', occurredOn: '年月日不詳', personId: child, expectedVersions: { [h]: await version(h) } });
    expect(rec).toMatchObject({ reasonCode: 'B05', reasonLabel: '職権消除（失踪宣告）' });
    expect(await person(child)).toMatchObject({ status: 'removed', removalReason: '職権消除', removalGround: '失踪宣告', removedOnText: '年月日不詳' });
    const removed = await certificate({ kind: 'removed-copy', personIds: [child], requester: { type: 'household', personId: wife } });
    expect(removed).toContain(squash('年月日不詳　職権消除（失踪宣告）'));
    // A date that is neither a day nor a recognised vague date is refused, in Japanese, and changes nothing.
    await refused({ kind: 'death', occurredOn: 'そのうち', exOfficio: true, personId: wife, expectedVersions: { [h]: await version(h) } }, 'invalid-date');
    expect((await person(wife)).status).toBe('resident');
  });

  it('forces a 転出 notified more than 14 days after the move to 職権 and issues the 転出証明書に準ずる証明書', async () => {
    const late = await family(603);
    const h = late.householdIds[0]!;
    const rec = await change({ kind: 'move-out', occurredOn: daysAgo(20), notifiedOn: today, exOfficio: false, personIds: late.personIds, destination: '東京都港区芝公園4-2-8', expectedVersions: { [h]: await version(h) } });
    expect(rec.alerts.map((a) => a.code)).toContain('move-out-ex-officio');
    const detail = await json<{ exOfficio: boolean; notifiedOn: string }>(await counter.request('GET', `/api/v1/changes/${rec.changeId}`));
    expect(detail).toMatchObject({ exOfficio: true, notifiedOn: today });
    expect(await person(late.personIds[0]!)).toMatchObject({ moveOutExOfficio: true, removalReason: '国内転出' });
    const paper = await certificate({ kind: 'move-out', personIds: [late.personIds[0]], requester: { type: 'self', personId: late.personIds[0] } });
    for (const v of ['転出証明書に準ずる証明書', '職権により住民票を消除したことを証明する', '転出年月日', toWareki(daysAgo(20))]) expect(paper, v).toContain(squash(v));
    expect(paper).not.toContain(squash('転出予定年月日'));

    // Within 14 days it stays a 転出届 and its paper the 転出証明書.
    const timely = await family(604);
    const h2 = timely.householdIds[0]!;
    const ok = await change({ kind: 'move-out', occurredOn: daysAgo(10), notifiedOn: today, personIds: timely.personIds, destination: '東京都港区芝公園4-2-8', expectedVersions: { [h2]: await version(h2) } });
    expect(ok.alerts.map((a) => a.code)).not.toContain('move-out-ex-officio');
    expect((await json<{ exOfficio: boolean }>(await counter.request('GET', `/api/v1/changes/${ok.changeId}`))).exOfficio).toBe(false);
    const normal = await certificate({ kind: 'move-out', personIds: [timely.personIds[0]], requester: { type: 'self', personId: timely.personIds[0] } });
    expect(normal).not.toContain(squash('準ずる'));
    expect(normal).toContain(squash('上記の者は、転出の届出をしたことを証明する。'));
  });

  it('never blanks 本籍, 住民票コード or 個人番号 by a 職権修正 or 誤記修正 (refused, nothing changed)', async () => {
    const f = await family(605);
    const [head] = f.personIds as [string];
    const h = f.householdIds[0]!;
    const before = await person(head);
    for (const [kind, field] of [['ex-officio-correction', 'honseki'], ['clerical-correction', 'residentCode'], ['ex-officio-correction', 'myNumber'], ['clerical-correction', 'honseki']] as const) {
      const problem = await refused({ kind, occurredOn: today, personId: head, patch: { [field]: ' ' }, expectedVersions: { [h]: await version(h) } }, 'item-cannot-be-blank');
      expect((problem as unknown as { field: string }).field).toBe(field);
    }
    const after = await person(head);
    expect(after).toMatchObject({ honseki: before.honseki, residentCode: before.residentCode, historyNo: before.historyNo });
    expect(after.honseki).toBeTruthy();
    // 「なし」 is how a correction says there is no 本籍.
    await change({ kind: 'ex-officio-correction', occurredOn: today, personId: head, patch: { honseki: 'なし' }, expectedVersions: { [h]: await version(h) } });
    expect((await person(head)).honseki).toBe('なし');
  });

  it('tells 申出を受けた職権 from 職権 and records the 申出日', async () => {
    const f = await family(606);
    const [head] = f.personIds as [string];
    const h = f.householdIds[0]!;
    await refused({ kind: 'ex-officio-correction', onRequest: true, occurredOn: today, personId: head, patch: { hittosha: '百瀬　一' }, expectedVersions: { [h]: await version(h) } }, 'requested-on-required');
    await refused({ kind: 'ex-officio-correction', onRequest: true, requestedOn: addDays(today, 1), occurredOn: today, personId: head, patch: { hittosha: '百瀬　一' }, expectedVersions: { [h]: await version(h) } }, 'requested-on-in-future');
    await refused({ kind: 'ex-officio-correction', exOfficio: true, requestedOn: daysAgo(3), occurredOn: today, personId: head, patch: { hittosha: '百瀬　一' }, expectedVersions: { [h]: await version(h) } }, 'requested-on-without-request');
    const rec = await change({ kind: 'ex-officio-correction', onRequest: true, requestedOn: daysAgo(3), occurredOn: today, personId: head, patch: { hittosha: '百瀬　一' }, expectedVersions: { [h]: await version(h) } });
    const c = await json<{ exOfficio: boolean; onRequest: boolean; requestedOn: string }>(await counter.request('GET', `/api/v1/changes/${rec.changeId}`));
    expect(c).toMatchObject({ exOfficio: true, onRequest: true, requestedOn: daysAgo(3) });
    const plain = await change({ kind: 'ex-officio-correction', exOfficio: true, occurredOn: today, personId: head, patch: { hittosha: '百瀬　和子' }, expectedVersions: { [h]: await version(h) } });
    expect(await json(await counter.request('GET', `/api/v1/changes/${plain.changeId}`))).toMatchObject({ exOfficio: true, onRequest: false, requestedOn: null });
    const history = await json<{ items: Array<{ change: { changeId: string; onRequest: boolean; requestedOn: string | null } }> }>(await counter.request('GET', `/api/v1/persons/${head}/history`));
    expect(history.items.find((e) => e.change.changeId === rec.changeId)!.change).toMatchObject({ onRequest: true, requestedOn: daysAgo(3) });
  });

  it('changes a 個人番号 and a 住民票コード with the reason of each procedure (変更請求, 職権修正, 職権記載)', async () => {
    const f = await family(607);
    const [head, wife] = f.personIds as [string, string];
    const h = f.householdIds[0]!;
    const base = '98765432109'.slice(0, 11);
    const newNumber = `${base}${myNumberCheckDigit(base)}`;
    const req = await change({ kind: 'my-number-change', ground: 'request', occurredOn: today, personId: head, myNumber: newNumber, expectedVersions: { [h]: await version(h) } });
    expect(req).toMatchObject({ reasonCode: 'C20', reasonLabel: '個人番号の変更請求' });
    expect((await json<{ exOfficio: boolean; notifiedOn: string }>(await counter.request('GET', `/api/v1/changes/${req.changeId}`)))).toMatchObject({ exOfficio: false, notifiedOn: today });
    const shown = await json<{ myNumber: string }>(await approver.request('GET', `/api/v1/persons/${head}?unmask=my-number&purpose=${encodeURIComponent('変更の確認')}`));
    expect(shown.myNumber).toBe(newNumber);
    await refused({ kind: 'my-number-change', ground: 'ex-officio-correction', occurredOn: today, personId: head, myNumber: newNumber, expectedVersions: { [h]: await version(h) } }, 'my-number-unchanged');
    await refused({ kind: 'my-number-change', ground: 'ex-officio-entry', occurredOn: today, personId: head, myNumber: newNumber, expectedVersions: { [h]: await version(h) } }, 'my-number-already-recorded');

    const before = (await person(wife)).residentCode as string;
    const code = await change({ kind: 'resident-code-change', ground: 'request', occurredOn: today, personId: wife, expectedVersions: { [h]: await version(h) } });
    expect(code).toMatchObject({ reasonCode: 'C23', reasonLabel: '住民票コードの変更請求' });
    const after = (await person(wife)).residentCode as string;
    expect(after).toMatch(/^\d{11}$/);
    expect(after).not.toBe(before);
    await refused({ kind: 'resident-code-change', ground: 'request', residentCode: before, occurredOn: today, personId: wife, expectedVersions: { [h]: await version(h) } }, 'resident-code-from-stock');
    const entry = await change({ kind: 'resident-code-change', ground: 'ex-officio-entry', residentCode: before, occurredOn: today, personId: wife, expectedVersions: { [h]: await version(h) } });
    expect(entry).toMatchObject({ reasonCode: 'C24', reasonLabel: '住民票コードの職権記載' });
    expect((await json<{ exOfficio: boolean }>(await counter.request('GET', `/api/v1/changes/${entry.changeId}`))).exOfficio).toBe(true);
  });

  it('records 国外転入等 by its ground (30条の46, 30条の47) and restores the 通称 of a resident back from abroad', async () => {
    const n46 = await change({ kind: 'move-in', abroadGround: '30条の46', occurredOn: daysAgo(5), address: { townName: '大字広丘野村', banchi: '608番地' },
      persons: [newPerson(6080, '世帯主', '1990-01-01', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'TRAN VAN BINH', honseki: undefined,
        alias: '陳文平', aliasKana: 'チンブンペイ', foreign: { ...FOREIGN, residenceCardNo: 'AB12345608CD' } as never })] });
    expect(n46).toMatchObject({ reasonCode: 'A05', reasonLabel: '第30条の46届出' });
    const [x] = n46.personIds as [string];
    const h = n46.householdIds[0]!;
    expect((await person(x)).previousAddress).toBe('国外');
    // 国外転出, then back: a new record under the same 宛名番号 takes the old one's items over, and its 通称 comes back, recorded as an entry in the 通称 history.
    await change({ kind: 'move-out', abroad: true, occurredOn: daysAgo(3), personIds: [x], destination: 'ベトナム社会主義共和国', expectedVersions: { [h]: await version(h) } });
    const back = await change({ kind: 'move-in', abroadGround: '国外転入', occurredOn: daysAgo(1), address: { townName: '大字広丘野村', banchi: '609番地' },
      persons: [newPerson(6080, '世帯主', '1990-01-01', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'TRAN VAN BINH', honseki: undefined,
        foreign: { ...FOREIGN, residenceCardNo: 'AB12345608CD' } as never })] });
    expect(back).toMatchObject({ reasonCode: 'A02', reasonLabel: '国外転入' });
    expect(back.alerts.map((a) => a.code)).toEqual(expect.arrayContaining(['readmitted', 'alias-restored']));
    expect(await person(back.personIds[0]!)).toMatchObject({ alias: '陳文平', aliasKana: 'チンブンペイ' });
    const n47 = await change({ kind: 'move-in', abroadGround: '30条の47', occurredOn: daysAgo(2), previousAddress: '', address: { townName: '大字広丘野村', banchi: '610番地' },
      persons: [newPerson(6100, '世帯主', '1995-05-05', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'LE THI HOA', honseki: undefined,
        foreign: { ...FOREIGN, residenceCardNo: 'AB12345610CD' } as never })] });
    expect(n47).toMatchObject({ reasonCode: 'A06', reasonLabel: '第30条の47届出' });
  });

  it('records a 未届転入: 転入前住所 marked 「（未届）」 and the 最終登録住所地 kept', async () => {
    const rec = await change({ kind: 'move-in', occurredOn: daysAgo(5), previousAddress: '長野県松本市中央1-1-1', unreported: { lastRegisteredAddress: '東京都新宿区西新宿2-8-1' },
      address: { townName: '大字広丘野村', banchi: '611番地' }, persons: [newPerson(6110, '世帯主', '1985-01-01')] });
    expect(await person(rec.personIds[0]!)).toMatchObject({ previousAddress: '長野県松本市中央1-1-1（未届）', lastRegisteredAddress: '東京都新宿区西新宿2-8-1' });
    await refused({ kind: 'move-in', occurredOn: daysAgo(5), previousAddress: '', unreported: { lastRegisteredAddress: '東京都新宿区西新宿2-8-1' },
      address: { townName: '大字広丘野村', banchi: '612番地' }, persons: [newPerson(6120, '世帯主', '1985-01-01')] }, 'unreported-previous-address-required');
    await refused({ kind: 'move-in', fromAbroad: true, occurredOn: daysAgo(5), previousAddress: 'アメリカ合衆国', unreported: { lastRegisteredAddress: '東京都新宿区西新宿2-8-1' },
      address: { townName: '大字広丘野村', banchi: '612番地' }, persons: [newPerson(6120, '世帯主', '1985-01-01')] }, 'unreported-move-in-abroad');
  });
  it('cancels any change, not only the latest, and only some of its persons (異動の取消し)', async () => {
    const f = await family(613);
    const [head, wife, child] = f.personIds as [string, string, string];
    const h = f.householdIds[0]!;
    const all = [head, wife, child];
    const move = await change({ kind: 'move-within', occurredOn: daysAgo(30), personIds: all, address: { townName: '大字広丘吉田', banchi: '613番地' }, expectedVersions: { [h]: await version(h) } });
    const surname = await change({ kind: 'old-surname', occurredOn: daysAgo(20), personId: wife, action: 'enter', oldSurname: '佐藤', expectedVersions: { [h]: await version(h) } });
    // The 転居 is no longer the latest change of the wife: its items go back, the later 旧氏 stays.
    const undo = await change({ kind: 'cancellation', exOfficio: true, occurredOn: today, changeId: move.changeId, expectedVersions: { [h]: await version(h) } });
    expect(undo.reasonLabel).toBe('異動の取消し（修正）');
    for (const id of all) expect((await person(id)).address, id).toMatchObject({ townName: '大字広丘野村', banchi: '613番地' });
    expect(await person(wife)).toMatchObject({ oldSurname: '佐藤' });
    // Some of its persons: a 転出 of two, cancelled for one.
    const out = await change({ kind: 'move-out', occurredOn: today, personIds: [wife, child], destination: '東京都港区芝公園4-2-8', expectedVersions: { [h]: await version(h) } });
    await refused({ kind: 'cancellation', exOfficio: true, occurredOn: today, changeId: out.changeId, personIds: [head], expectedVersions: { [h]: await version(h) } }, 'person-not-in-change');
    const one = await change({ kind: 'cancellation', exOfficio: true, occurredOn: today, changeId: out.changeId, personIds: [child], expectedVersions: { [h]: await version(h) } });
    expect(one.reasonLabel).toBe('異動の取消し（増）');
    expect(one.personIds).toEqual([child]);
    expect((await person(child)).status).toBe('resident');
    expect((await person(wife)).removalReason).toBe('国内転出');
    // A later change altered the same item: refused (409) until that one is cancelled; nothing is written.
    await change({ kind: 'old-surname', occurredOn: today, personId: head, action: 'enter', oldSurname: '木村', expectedVersions: { [h]: await version(h) } });
    const second = await change({ kind: 'old-surname', occurredOn: today, personId: head, action: 'enter', oldSurname: '中村', expectedVersions: { [h]: await version(h) } });
    const first = (await json<{ items: Array<{ change: { changeId: string; kind: string } }> }>(await counter.request('GET', `/api/v1/persons/${head}/history`))).items
      .filter((e) => e.change.kind === 'old-surname').map((e) => e.change.changeId)[0]!;
    const before = await person(head);
    const res = await counter.request('POST', '/api/v1/changes', { kind: 'cancellation', exOfficio: true, occurredOn: today, changeId: first, expectedVersions: { [h]: await version(h) } });
    expect(res.status).toBe(409);
    expect((await json<{ code: string }>(res)).code).toBe('cancellation-conflict');
    expect((await person(head)).historyNo).toBe(before.historyNo);
    await change({ kind: 'cancellation', exOfficio: true, occurredOn: today, changeId: second.changeId, expectedVersions: { [h]: await version(h) } });
    expect((await person(head)).oldSurname).toBe('木村');
    expect(surname.reasonLabel).toBe('旧氏の記載');
  });
  it('records 帰化 and 国籍喪失 as 消除 of one record and 記載 of a new one under the same 宛名番号, each issuable', async () => {
    const moved = await change({ kind: 'move-in', fromAbroad: true, occurredOn: daysAgo(30), address: { townName: '大字広丘野村', banchi: '614番地' },
      persons: [newPerson(6140, '世帯主', '1988-03-03', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'NGUYEN VAN AN', honseki: undefined,
        alias: '阮太郎', foreign: { ...FOREIGN, residenceCardNo: 'AB12345614CD' } as never }),
      newPerson(6141, '妻', '1990-02-02', { familyName: '佐藤', givenName: '花子', familyNameKana: 'サトウ', givenNameKana: 'ハナコ', oldSurname: '鈴木' })] });
    const [x, wife] = moved.personIds as [string, string];
    const h = moved.householdIds[0]!;
    const atenaNo = (await person(x)).atenaNo;
    const nat = await change({ kind: 'naturalization', occurredOn: today, personId: x, honseki: '長野県塩尻市大字広丘野村614番地', hittosha: '阮　安',
      name: { familyName: '阮', givenName: '安', familyNameKana: 'グエン', givenNameKana: 'アン' }, expectedVersions: { [h]: await version(h) } });
    expect(nat).toMatchObject({ reasonCode: 'A07', reasonLabel: '職権記載（帰化等）' });
    const japanese = nat.personIds.find((id) => id !== x)!;
    expect(nat.personIds).toHaveLength(2);
    expect(await person(x)).toMatchObject({ status: 'removed', residentKind: 'foreign', removalReason: '職権消除（帰化等）', alias: '阮太郎', atenaNo });
    expect(await person(japanese)).toMatchObject({ status: 'resident', residentKind: 'japanese', familyName: '阮', atenaNo, relationship: '世帯主', householdId: h, alias: null });
    expect((await json<{ headPersonId: string }>(await counter.request('GET', `/api/v1/households/${h}`))).headPersonId).toBe(japanese);
    // Each record can be issued: the 除票の写し of the foreign record, the 住民票の写し of the Japanese one.
    const removed = await certificate({ kind: 'removed-copy', personIds: [x], requester: { type: 'household', personId: wife } });
    for (const v of ['住民票の除票の写し', 'NGUYEN VAN AN', '職権消除（帰化等）']) expect(removed, v).toContain(squash(v));
    const copy = await certificate({ kind: 'residence-copy', personIds: [japanese], requester: { type: 'self', personId: japanese } });
    expect(copy).toContain(squash('阮　安'));
    expect(copy).not.toContain(squash('NGUYEN'));
    // 国籍喪失 the other way, also under the same 宛名番号.
    const wifeAtena = (await person(wife)).atenaNo;
    const loss = await change({ kind: 'nationality-loss', occurredOn: today, personId: wife, romanName: 'SATO HANAKO', foreign: { nationality: '米国', category: '経過滞在者' }, expectedVersions: { [h]: await version(h) } });
    expect(loss).toMatchObject({ reasonCode: 'A08', reasonLabel: '職権記載（国籍喪失）' });
    const foreignWife = loss.personIds.find((id) => id !== wife)!;
    expect(await person(wife)).toMatchObject({ status: 'removed', removalReason: '職権消除（国籍喪失）', oldSurname: '鈴木', atenaNo: wifeAtena });
    expect(await person(foreignWife)).toMatchObject({ status: 'resident', residentKind: 'foreign', romanName: 'SATO HANAKO', atenaNo: wifeAtena, oldSurname: null });
    // The 帰化 can be cancelled: the foreign record comes back, the Japanese one is removed.
    const undo = await change({ kind: 'cancellation', exOfficio: true, occurredOn: today, changeId: nat.changeId, expectedVersions: { [h]: await version(h) } });
    expect(undo.reasonLabel).toBe('異動の取消し（減）');
    expect((await person(x)).status).toBe('resident');
    expect(await person(japanese)).toMatchObject({ status: 'removed', removalReason: '異動の取消し' });
  });
  it('特例転出: no 転出証明書, the 転出証明書情報 sent through the 住基ネット; the new municipality prefills its 特例転入 from it', async () => {
    const f = await family(615);
    const [head, wife, child] = f.personIds as [string, string, string];
    const h = f.householdIds[0]!;
    const out = (extra: Record<string, unknown>) => ({ kind: 'move-out', special: true, personIds: f.personIds, destination: '東京都千代田区霞が関2-1-2', ...extra });
    await refused(out({ abroad: true, occurredOn: addDays(today, 5), expectedVersions: { [h]: await version(h) } }), 'special-move-out-abroad');
    await refused(out({ occurredOn: daysAgo(20), notifiedOn: today, expectedVersions: { [h]: await version(h) } }), 'special-move-out-late');
    await change(out({ occurredOn: addDays(today, 5), expectedVersions: { [h]: await version(h) } }));
    expect(await person(head)).toMatchObject({ specialMoveOut: true, status: 'leaving' });
    const paper = await counter.request('POST', '/api/v1/certificates', { kind: 'move-out', personIds: [head], requester: { type: 'self', personId: head } });
    expect(paper.status).toBe(409);
    expect((await json<{ code: string }>(paper)).code).toBe('special-move-out');
    // The outbox sends the 転出証明書情報 of each person (after their 本人確認情報).
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-outbox-'));
    await t.services.registry.sendJukinetAll(createFileJukinetAdapter(outDir));
    const sent = fs.readdirSync(path.join(outDir, M)).filter((n) => n.endsWith('-move-out-certificate-info.json'));
    const codes = await Promise.all([head, wife, child].map(async (id) => (await person(id)).residentCode as string));
    const infos = sent.map((n) => JSON.parse(fs.readFileSync(path.join(outDir, M, n), 'utf8')) as { content: Record<string, string> });
    expect(infos.map((i) => i.content['住民票コード']).sort()).toEqual([...codes].sort());
    expect(infos.find((i) => i.content['住民票コード'] === codes[0])!.content).toMatchObject({ 続柄: '世帯主', 転出先住所: '東京都千代田区霞が関2-1-2', 転出予定年月日: addDays(today, 5) });
    // The file link delivers them to the new municipality, which prefills its 転入 from them (all but the names).
    fs.mkdirSync(path.join(INBOX, OTHER), { recursive: true });
    for (const n of sent) fs.copyFileSync(path.join(outDir, M, n), path.join(INBOX, OTHER, n));
    const missing = await otherCounter.request('GET', '/api/v1/move-in-prefill?residentCodes=12345678901');
    expect(missing.status).toBe(404);
    expect((await json<{ code: string }>(missing)).code).toBe('move-out-info-not-found');
    expect((await otherCounter.request('GET', '/api/v1/move-in-prefill?residentCodes=abc')).status).toBe(400);
    const res = await otherCounter.request('GET', `/api/v1/move-in-prefill?residentCodes=${codes.join(',')}`);
    expect(res.status).toBe(200);
    const prefill = await json<{ fromMunicipalityCode: string; previousAddress: string; persons: Array<Record<string, string>> }>(res);
    expect(prefill.fromMunicipalityCode).toBe(M);
    expect(prefill.previousAddress).toBe('大字広丘野村615番地');
    expect(prefill.persons.map((p) => p.relationship)).toEqual(['世帯主', '妻', '子']);
    expect(prefill.persons[0]).toMatchObject({ birthDate: '1950-04-01', residentCode: codes[0], honseki: '長野県塩尻市大字広丘野村1番地' });
    expect(prefill.persons[0]).not.toHaveProperty('familyName');
    const names = [['百瀬', '一'], ['百瀬', '和子'], ['百瀬', '健']];
    const moveIn = await otherCounter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: today, previousAddress: `長野県塩尻市${prefill.previousAddress}`,
      address: { townName: '霞が関二丁目', banchi: '1番2号', unlisted: true }, persons: prefill.persons.map((p, i) => ({ ...p, familyName: names[i]![0], givenName: names[i]![1] })) });
    expect(moveIn.status, await moveIn.clone().text()).toBe(201);
    expect((await json<{ reasonLabel: string }>(moveIn)).reasonLabel).toBe('国内転入');
  });
  it('lists the persons moved out whose 転入通知 has not arrived (転入通知未着一覧), and drops them once it has', async () => {
    const a = await family(616);
    const b = await family(617);
    const [ha, hb] = [a.householdIds[0]!, b.householdIds[0]!];
    await change({ kind: 'move-out', occurredOn: daysAgo(40), notifiedOn: daysAgo(41), personIds: a.personIds, destination: '東京都港区芝公園4-2-8', expectedVersions: { [ha]: await version(ha) } });
    await change({ kind: 'move-out', occurredOn: daysAgo(5), notifiedOn: daysAgo(6), personIds: b.personIds, destination: '大阪府大阪市北区中之島1-3-20', expectedVersions: { [hb]: await version(hb) } });
    type Overdue = { days: number; items: Array<{ personId: string; destination: string; plannedMoveOutOn: string; daysSince: number }> };
    const list = await json<Overdue>(await counter.request('GET', '/api/v1/move-in-notices/overdue'));
    expect(list.days).toBe(30);
    const mine = list.items.filter((i) => [...a.personIds, ...b.personIds].includes(i.personId));
    expect(mine.map((i) => i.personId).sort()).toEqual([...a.personIds].sort());
    expect(mine[0]).toMatchObject({ destination: '東京都港区芝公園4-2-8', plannedMoveOutOn: toWareki(daysAgo(40)), daysSince: 40 });
    const all = await json<Overdue>(await counter.request('GET', '/api/v1/move-in-notices/overdue?days=0'));
    expect(all.items.filter((i) => b.personIds.includes(i.personId))).toHaveLength(3);
    expect((await counter.request('GET', '/api/v1/move-in-notices/overdue?days=-1')).status).toBe(400);
    // The notice arrives for one of them: that person leaves the list.
    await change({ kind: 'move-in-notice', occurredOn: today, personId: a.personIds[0], destination: '東京都港区芝公園4-2-8', movedOn: daysAgo(40) });
    const after = await json<Overdue>(await counter.request('GET', '/api/v1/move-in-notices/overdue'));
    expect(after.items.map((i) => i.personId)).not.toContain(a.personIds[0]);
    expect(after.items.map((i) => i.personId)).toContain(a.personIds[1]);
  });
});
