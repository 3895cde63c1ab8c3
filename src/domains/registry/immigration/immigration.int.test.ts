// Issue #13 R3 (国外転入等: the 入管 市町村通知, 入管法61条の8の2) and R18 (法務大臣からの通知, 住基法30条の50): the outbox
// written with the 本登録, in order, resendable, through the file adapter; the notices taken in from the file inbox,
// matched by 在留カード等番号 or listed with the reason, each listed person access-logged, applied as the 職権 change
// they call for (仮登録 → 本登録, linked), and never applied twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays, japanDay } from '../../../platform/dates/jp-date.ts';
import { createFileImmigrationAdapter, createFileImmigrationInbox } from './immigration-adapter.ts';

const M = '202151';
const card = (n: number) => `AB${String(n).padStart(8, '0')}CD`;

describe('入管 link (R3 市町村通知, R18 法務大臣からの通知)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  async function enter(body: Record<string, unknown>) {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }
  const foreignMoveIn = (n: number, extra: Record<string, unknown> = {}) => enter({
    kind: 'move-in', abroadGround: '30条の46', occurredOn: addDays(today, -5), address: { townName: '大字広丘野村', banchi: `${n}番地` },
    persons: [newPerson(n, '世帯主', '1990-01-01', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: `NGUYEN ${n}`, honseki: undefined,
      foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '留学', residencePeriod: '1年', residenceExpiry: addDays(today, 100), residenceCardNo: card(n) } as never })],
    ...extra,
  });
  const hhVersion = async (h: string) => (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;

  beforeAll(async () => {
    today = japanDay(new Date());
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
  });

  it('R3: writes the 市町村通知 of every change of a foreign resident with its 本登録, in order, through the file adapter; stops at a failure and resends', async () => {
    const reg = t.services.registry;
    const before = (await reg.immigrationStatus(M)).pending;
    const a = await foreignMoveIn(9101);
    // A Japanese resident's change causes no notice; a provisional change none until its 本登録.
    await enter({ kind: 'move-in', occurredOn: addDays(today, -5), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '9102番地' },
      persons: [newPerson(9102, '世帯主', '1970-01-01')] });
    const h = a.householdIds[0]!;
    const moved = await counter.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: addDays(today, -1), personIds: a.personIds, address: { townName: '大字広丘野村', banchi: '9103番地' },
      expectedVersions: { [h]: await hhVersion(h) } });
    const movedId = (await json<{ changeId: string }>(moved)).changeId;
    expect((await reg.immigrationStatus(M)).pending).toBe(before + 1);
    expect((await approver.request('POST', `/api/v1/changes/${movedId}/approvals`)).status).toBe(201);
    expect((await reg.immigrationStatus(M)).pending).toBe(before + 2);

    // A failing link: nothing is marked sent, the order is kept.
    const failing = { send: async () => { throw new Error('入管連携サーバに接続できません'); } };
    expect(await reg.sendImmigration(M, failing)).toMatchObject({ sent: 0, failed: '入管連携サーバに接続できません' });
    expect((await reg.immigrationStatus(M)).failed).toBe(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-immigration-out-'));
    const r = await reg.sendImmigration(M, createFileImmigrationAdapter(dir));
    expect(r).toMatchObject({ failed: null, remaining: 0 });
    const files = fs.readdirSync(path.join(dir, M)).sort();
    expect(files.length).toBe(before + 2);
    const last2 = files.slice(-2).map((f) => JSON.parse(fs.readFileSync(path.join(dir, M, f), 'utf8')) as { kind: string; content: Record<string, string> });
    expect(last2[0]!.content).toMatchObject({ 種別: '住民票の記載', 異動事由コード: 'A05', 異動事由: '第30条の46届出', 氏名_アルファベット: 'NGUYEN 9101', 在留カード等番号: card(9101),
      国籍_地域: 'ベトナム', 在留資格: '留学', 住居地: '大字広丘野村9101番地', 住居地の届出: '有', 生年月日: '1990-01-01' });
    expect(last2[1]!.content).toMatchObject({ 種別: '住民票の記載の修正', 異動事由: '転居', 住居地: '大字広丘野村9103番地' });
    // Resend from the move-in's feed number: both again, same files (a resend is harmless).
    const seq = Number(files.at(-2)!.slice(0, 12));
    expect(await reg.resendImmigration(M, 'test', seq)).toEqual({ marked: 2 });
    expect((await reg.sendImmigration(M, createFileImmigrationAdapter(dir))).sent).toBe(2);
    expect(fs.readdirSync(path.join(dir, M)).length).toBe(files.length);
    // Each message sent is access-logged against the person.
    const log = await json<{ items: Array<{ action: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${a.personIds[0]}`));
    expect(log.items.filter((e) => e.action === 'registry.immigration.send').length).toBeGreaterThanOrEqual(4);
  });

  it('R18: takes in the 法務大臣\'s notices, lists them pending (or unmatched with the reason), applies each once as a 職権 change through 仮登録 → 本登録', async () => {
    const renew = await foreignMoveIn(9201);
    const leave = await foreignMoveIn(9202);
    const inboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-immigration-in-'));
    fs.mkdirSync(path.join(inboxDir, M));
    const put = (name: string, body: unknown) => fs.writeFileSync(path.join(inboxDir, M, name), typeof body === 'string' ? body : JSON.stringify(body));
    const newExpiry = addDays(today, 1200);
    put('n1.json', { kind: 'immigration-notice', noticeNo: 'IMM-1', event: 'period-renewal', noticedOn: today, occurredOn: addDays(today, -2), person: { residenceCardNo: card(9201) },
      items: { residenceStatus: '留学', residencePeriod: '3年', residenceExpiry: newExpiry, residenceCardNo: 'XY99999201ZZ' } });
    put('n2.json', { kind: 'immigration-notice', noticeNo: 'IMM-2', event: 'departure', noticedOn: today, occurredOn: addDays(today, -1), person: { residenceCardNo: card(9202) } });
    put('n3.json', { kind: 'immigration-notice', noticeNo: 'IMM-3', event: 'status-change', noticedOn: today, occurredOn: today, person: { residenceCardNo: card(9299) },
      items: { residenceStatus: '技能', residencePeriod: '1年', residenceExpiry: addDays(today, 365) } });
    put('bad.json', { kind: 'immigration-notice', noticeNo: 'IMM-4', event: 'period-renewal', noticedOn: today, occurredOn: today, person: { residenceCardNo: card(9201) } });
    put('garbled.json', '{not json');
    const inbox = createFileImmigrationInbox(inboxDir);
    const got = await t.services.registry.receiveImmigrationNotices(M, inbox);
    expect(got).toMatchObject({ files: 5, added: 3 });
    expect(got.rejected.map((r) => r.file).sort()).toEqual(['bad.json', 'garbled.json']);
    expect((await t.services.registry.receiveImmigrationNotices(M, inbox)).added).toBe(0); // each notice once

    type Item = { noticeId: string; noticeNo: string; status: string; unmatchedReason: string | null; personId: string | null; changeId: string | null; person: { residenceExpiry: string } | null };
    const list = async (c: Client = counter) => (await json<{ items: Item[] }>(await c.request('GET', '/api/v1/immigration-notices'))).items;
    const items = await list();
    const byNo = (no: string, xs = items) => xs.find((i) => i.noticeNo === no)!;
    expect(byNo('IMM-1')).toMatchObject({ status: 'pending', personId: renew.personIds[0] });
    expect(byNo('IMM-2')).toMatchObject({ status: 'pending', personId: leave.personIds[0] });
    expect(byNo('IMM-3')).toMatchObject({ status: 'unmatched', unmatchedReason: 'no-resident', personId: null });
    // Each listed person is access-logged.
    const log = await json<{ items: Array<{ action: string; actorId: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${renew.personIds[0]}`));
    expect(log.items.some((e) => e.action === 'registry.immigration-notice.read' && e.actorId === counter.staffId)).toBe(true);

    // 処理: a 在留期間の更新 becomes a 在留資格等の変更 (職権) as 仮登録, linked; applying again records nothing more.
    const applied = await counter.request('POST', `/api/v1/immigration-notices/${byNo('IMM-1').noticeId}/applications`);
    expect(applied.status, await applied.clone().text()).toBe(201);
    const a1 = await json<{ changeId: string; reasonLabel: string; alreadyApplied: boolean }>(applied);
    expect(a1).toMatchObject({ reasonLabel: '在留資格等の変更', alreadyApplied: false });
    const again = await counter.request('POST', `/api/v1/immigration-notices/${byNo('IMM-1').noticeId}/applications`);
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ changeId: a1.changeId, alreadyApplied: true });
    const change = await json<{ exOfficio: boolean; note: string; status: string }>(await counter.request('GET', `/api/v1/changes/${a1.changeId}`));
    expect(change).toMatchObject({ exOfficio: true, status: 'provisional' });
    expect(change.note).toContain('IMM-1');
    expect(byNo('IMM-1', await list())).toMatchObject({ status: 'in-progress', changeId: a1.changeId });
    expect((await approver.request('POST', `/api/v1/changes/${a1.changeId}/approvals`)).status).toBe(201);
    const p = await json<{ foreign: { residencePeriod: string; residenceCardNo: string } }>(await counter.request('GET', `/api/v1/persons/${renew.personIds[0]}`));
    expect(p.foreign).toMatchObject({ residencePeriod: '3年', residenceCardNo: 'XY99999201ZZ' });
    expect((await list()).find((i) => i.noticeNo === 'IMM-1')).toBeUndefined(); // done: off the open list
    expect(byNo('IMM-1', (await json<{ items: Item[] }>(await counter.request('GET', '/api/v1/immigration-notices?which=all'))).items).status).toBe('done');
    expect((await counter.request('POST', `/api/v1/immigration-notices/${byNo('IMM-1').noticeId}/applications`)).status).toBe(200);

    // 出国: 職権消除 with the ground; withdrawn, it is pending again and can be applied anew.
    const out1 = await json<{ changeId: string; reasonLabel: string }>(await counter.request('POST', `/api/v1/immigration-notices/${byNo('IMM-2').noticeId}/applications`));
    expect(out1.reasonLabel).toBe('職権消除');
    expect((await counter.request('POST', `/api/v1/changes/${out1.changeId}/withdrawals`)).status).toBe(201);
    expect(byNo('IMM-2', await list())).toMatchObject({ status: 'pending', changeId: null });
    const out2 = await json<{ changeId: string }>(await counter.request('POST', `/api/v1/immigration-notices/${byNo('IMM-2').noticeId}/applications`));
    expect(out2.changeId).not.toBe(out1.changeId);
    expect((await approver.request('POST', `/api/v1/changes/${out2.changeId}/approvals`)).status).toBe(201);
    const gone = await json<{ status: string; removalReason: string; removalGround: string }>(await approver.request('GET', `/api/v1/persons/${leave.personIds[0]}`));
    expect(gone).toMatchObject({ status: 'removed', removalReason: '職権消除', removalGround: '出国' });
    // The removal is itself notified to the 法務大臣 (R3).
    expect((await t.services.registry.immigrationStatus(M)).pending).toBeGreaterThanOrEqual(2);

    // Refusals: an unmatched notice (409), an unknown one (404), a role without the permission (403); nothing recorded.
    const unmatched = await counter.request('POST', `/api/v1/immigration-notices/${byNo('IMM-3').noticeId}/applications`);
    expect(unmatched.status).toBe(409);
    expect((await json<{ code: string; title: string }>(unmatched))).toMatchObject({ code: 'immigration-notice-unmatched' });
    expect((await counter.request('POST', '/api/v1/immigration-notices/00000000-0000-4000-8000-000000000000/applications')).status).toBe(404);
    expect((await admin.request('GET', '/api/v1/immigration-notices')).status).toBe(403);
    expect((await approver.request('POST', `/api/v1/immigration-notices/${byNo('IMM-3').noticeId}/applications`)).status).toBe(403);
    expect(byNo('IMM-3', await list())).toMatchObject({ status: 'unmatched', changeId: null });

    // A resident entered later with that card: the notice is matched on the next intake.
    await foreignMoveIn(9299);
    expect((await t.services.registry.receiveImmigrationNotices(M, inbox)).rematched).toBe(1);
    expect(byNo('IMM-3', await list())).toMatchObject({ status: 'pending' });
  });
});
