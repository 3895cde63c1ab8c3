// Forms of a change (issue #13, spec §4.0.5, §4.0.9, §4.1.0.3, §4.2.0.1, 20.4.1, §10.7, MN8): which apply, printed
// as PDF in 和暦 with the mayor as sender, every print recorded (再印刷 from the second) and access-logged per person;
// notices refused before 本登録 with a code and a Japanese message, nothing recorded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays, toWareki } from '../../../platform/dates/jp-date.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';

describe('forms of a change', () => {
  const t = useTestApp();
  let clerk: Client;
  let approver: Client;
  let today: string;
  let serial = 900;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-forms-'));
  const post = async (c: Client, p: string, body?: unknown) => {
    const res = await c.request('POST', p, body);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> & { changeId: string; personIds: string[]; householdIds: string[]; code?: string; title?: string } };
  };
  const forms = async (changeId: string) => (await (await clerk.request('GET', `/api/v1/changes/${changeId}/forms`)).json()) as {
    items: Array<{ form: string; personId: string | null; personName: string | null; prints: number }>; prints: Array<{ form: string; printNo: number; printedByName: string; clientIp: string }> };
  const print = async (changeId: string, form: string, body?: unknown) => {
    const res = await clerk.request('POST', `/api/v1/changes/${changeId}/forms/${form}/prints`, body);
    if (res.status !== 201) return { status: res.status, text: '', json: (await res.json()) as { code: string; title: string } };
    const file = path.join(dir, `${form}-${serial++}.pdf`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return { status: res.status, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), json: null };
  };
  const logged = async (action: string, personId: string) =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = ${action} AND subject_id = ${personId}`.execute(t.services.db.owner)).rows[0]!.n;
  const approve = async (changeId: string) => expect((await post(approver, `/api/v1/changes/${changeId}/approvals`)).status).toBe(201);
  const version = async (householdId: string) => ((await (await clerk.request('GET', `/api/v1/households/${householdId}`)).json()) as { version: number }).version;

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    const admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    expect((await admin.request('PUT', '/api/v1/certificate-settings', { mayorName: '百瀬　敬' })).status).toBeLessThan(300);
  });

  it('prints the 確認書 of a 仮登録 (a 受理通知 only after 本登録), then the 受理通知書; a second print is a 再印刷, each recorded and logged', async () => {
    const n = serial++;
    const mi = await post(clerk, '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -1), notifier: '本人', previousAddress: '東京都新宿区西新宿2-8-1',
      address: { townName: '大字広丘野村', banchi: `${n}番地` }, persons: [newPerson(n * 2, '世帯主', '1980-04-01', { givenName: '確認' })] });
    expect(mi.status).toBe(201);
    expect((await forms(mi.json.changeId)).items.map((i) => i.form)).toEqual(['confirmation']);
    const early = await print(mi.json.changeId, 'acceptance-notice');
    expect(early.status).toBe(422);
    expect(early.json).toMatchObject({ code: 'form-not-applicable' });
    expect(early.json!.title).toContain('本登録の後に印刷できます');
    expect((await forms(mi.json.changeId)).prints).toEqual([]);
    const conf = await print(mi.json.changeId, 'confirmation');
    expect(conf.text).toContain('住民異動届 記載内容確認書');
    expect(conf.text).toContain('仮登録（審査前）');
    expect(conf.text).toContain(toWareki(addDays(today, -1)));
    expect(conf.text).toContain('届出人署名');
    expect(conf.text).toMatch(/印刷 1回目/);
    await approve(mi.json.changeId);
    const after = await forms(mi.json.changeId);
    expect(after.items.map((i) => i.form)).toEqual(['confirmation', 'acceptance-notice']); // 転入: the code came with the person, no 通知票
    expect(after.items[0]!.prints).toBe(1);
    const notice = await print(mi.json.changeId, 'acceptance-notice');
    expect(notice.text).toContain('住民異動届受理通知書');
    expect(notice.text).toMatch(/長野県塩尻市長\s+百瀬\s+敬/);
    expect(notice.text).toMatch(/髙橋\s+確認\s+様/); // the notifier was the person: addressed by name
    expect(notice.text).toContain('国内転入');
    const again = await print(mi.json.changeId, 'acceptance-notice');
    expect(again.text).toMatch(/印刷 2回目（再印刷）/);
    const prints = (await forms(mi.json.changeId)).prints;
    expect(prints.map((p) => [p.form, p.printNo])).toEqual(expect.arrayContaining([['acceptance-notice', 2], ['acceptance-notice', 1], ['confirmation', 1]]));
    expect(prints[0]!.printedByName).not.toBe('');
    expect(await logged('registry.form.print', mi.json.personIds[0]!)).toBe(2);
    expect(await logged('registry.form.reprint', mi.json.personIds[0]!)).toBe(1);
  });

  it('世帯主変更通知書 to the new head; 職権記録書 and 職権記載等通知書 for a 職権 change', async () => {
    const n = serial++;
    const mi = await post(clerk, '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -5), previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: `${n}番地` },
      persons: [newPerson(n * 2, '世帯主', '1950-01-01', { givenName: '旧主' }), newPerson(n * 2 + 1, '妻', '1952-01-01', { givenName: '新主' })] });
    await approve(mi.json.changeId);
    const [oldHead, wife] = mi.json.personIds as [string, string];
    const hh = mi.json.householdIds[0]!;
    const hc = await post(clerk, '/api/v1/changes', { kind: 'head-change', occurredOn: addDays(today, -1), householdId: hh, newHeadPersonId: wife, relationships: { [oldHead]: '夫' },
      expectedVersions: { [hh]: await version(hh) } });
    expect(hc.status, JSON.stringify(hc.json)).toBe(201);
    await approve(hc.json.changeId);
    expect((await forms(hc.json.changeId)).items.map((i) => i.form)).toContain('head-change-notice');
    const hcn = await print(hc.json.changeId, 'head-change-notice');
    expect(hcn.text).toContain('世帯主変更通知書');
    expect(hcn.text).toContain('新主');
    expect(hcn.text).toContain('新しい世帯主');
    const death = await post(clerk, '/api/v1/changes', { kind: 'death', occurredOn: addDays(today, -1), personId: oldHead, exOfficio: true, note: '死亡届の送付を受けて（戸籍法）',
      expectedVersions: { [hh]: await version(hh) } });
    expect(death.status, JSON.stringify(death.json)).toBe(201);
    await approve(death.json.changeId);
    const fs2 = (await forms(death.json.changeId)).items.map((i) => i.form);
    expect(fs2).toEqual(['confirmation', 'ex-officio-record', 'ex-officio-notice']);
    const rec = await print(death.json.changeId, 'ex-officio-record');
    expect(rec.text).toContain('職権記録書');
    expect(rec.text).toContain('死亡届の送付を受けて');
    const exn = await print(death.json.changeId, 'ex-officio-notice');
    expect(exn.text).toContain('職権記載等通知書');
    expect(exn.text).toContain('審査請求');
    expect(exn.text).toMatch(/新主\s+様/); // to the living 世帯主, not to the deceased
    // Forms that do not apply are refused: no 世帯主変更 in a death, no 受理通知 for a 職権 change.
    expect((await print(death.json.changeId, 'head-change-notice')).json).toMatchObject({ code: 'form-not-applicable' });
    expect((await print(death.json.changeId, 'acceptance-notice')).json).toMatchObject({ code: 'form-not-applicable' });
  });

  it('住民票コード通知票 for a newborn whose code came from the allotted stock; refused for another person; unknown form and change refused', async () => {
    const n = serial++;
    const mi = await post(clerk, '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -5), previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: `${n}番地` },
      persons: [newPerson(n * 2, '世帯主', '1990-01-01')] });
    await approve(mi.json.changeId);
    const hh = mi.json.householdIds[0]!;
    const birth = await post(clerk, '/api/v1/changes', { kind: 'birth', occurredOn: today, householdId: hh, parentPersonIds: [mi.json.personIds[0]],
      person: { ...newPerson(n * 2 + 1, '子', today, { givenName: '新生' }), residentCode: undefined, myNumber: undefined }, expectedVersions: { [hh]: await version(hh) } });
    expect(birth.status, JSON.stringify(birth.json)).toBe(201);
    await approve(birth.json.changeId);
    const child = birth.json.personIds[0]!;
    const items = (await forms(birth.json.changeId)).items;
    expect(items.find((i) => i.form === 'resident-code-notice')).toMatchObject({ personId: child, prints: 0 });
    const code = (await sql<{ c: string }>`SELECT resident_code AS c FROM registry.resident_code_stock WHERE used_by = ${child}`.execute(t.services.db.owner)).rows[0]!.c;
    const slip = await print(birth.json.changeId, 'resident-code-notice', { personId: child });
    expect(slip.text).toContain('住民票コード通知票');
    expect(slip.text).toContain(code);
    expect(slip.text).toContain('新生');
    expect(await logged('registry.form.print', child)).toBe(1);
    expect(await logged('registry.form.print', mi.json.personIds[0]!)).toBe(0); // the slip is the child's only
    expect((await print(birth.json.changeId, 'resident-code-notice', { personId: mi.json.personIds[0] })).json).toMatchObject({ code: 'form-not-applicable' });
    expect((await print(birth.json.changeId, 'resident-code-notice')).json).toMatchObject({ code: 'form-not-applicable' });
    // A 変更請求 draws a new code from the stock: the 住民票コード変更通知票.
    const cc = await post(clerk, '/api/v1/changes', { kind: 'resident-code-change', ground: 'request', occurredOn: today, personId: mi.json.personIds[0], expectedVersions: { [hh]: await version(hh) } });
    expect(cc.status, JSON.stringify(cc.json)).toBe(201);
    await approve(cc.json.changeId);
    const changed = await print(cc.json.changeId, 'resident-code-notice', { personId: mi.json.personIds[0] });
    expect(changed.text).toContain('住民票コード変更通知票');
    expect(changed.text).toContain('第30条の4');
    expect((await print(birth.json.changeId, 'nonsense')).status).toBe(400);
    expect((await print('7b0c5c57-1d7c-4a8e-9d55-1f2d3c4b5a69', 'confirmation')).status).toBe(404);
  });
});
