// The 住基ネット side (issue #13): the outbox written with 本登録, sent in order through the file adapter, stopping at a
// failure and resending; manual mode; 住民票コード drawn from the allotted stock with the low-stock alert.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { demoResidentCodeAllotment } from '../numbers/my-number.ts';
import { japanToday } from '../registry.service.ts';
import { createFileJukinetAdapter, type JukinetAdapter } from './jukinet-adapter.ts';

const M = '202151';
const EMPTY = '131041';

describe('住基ネット outbox and 住民票コード stock', () => {
  const t = useTestApp();
  let clerk: Client;
  let approver: Client;
  let today: string;
  let dir: string;
  let serial = 500;
  const outbox = async (m = M) => (await sql<{ seq: string; position: number; kind: string; status: string; person: string }>`
    SELECT feed_seq::text AS seq, position, kind, status, person_id::text AS person FROM registry.jukinet_message WHERE municipality_code = ${m} ORDER BY feed_seq, position`
    .execute(t.services.db.owner)).rows;
  const post = async (c: Client, p: string, body?: unknown) => {
    const res = await c.request('POST', p, body);
    const json = (await res.json()) as Record<string, unknown> & { changeId: string; personIds: string[]; householdIds: string[]; alerts: Array<{ code: string }> };
    return { status: res.status, json };
  };
  async function moveIn(c = clerk, a = approver) {
    const n = serial++;
    const r = await post(c, '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -1), previousAddress: '東京都新宿区西新宿2-8-1',
      address: { townName: '大字広丘野村', banchi: `${n}番地` }, persons: [newPerson(n * 2, '世帯主', '1980-04-01')] });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return { ...r.json, approve: async () => expect((await post(a, `/api/v1/changes/${r.json.changeId}/approvals`)).status).toBe(201) };
  }

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-jukinet-'));
  });

  it('writes 本人確認情報, 転入通知 and 附票通知 with the 本登録, not before; sends them in order as files', async () => {
    const before = (await outbox()).length;
    const h = await moveIn();
    expect((await outbox()).length).toBe(before); // 仮登録: nothing for the CS yet
    await h.approve();
    const mine = (await outbox()).slice(before);
    expect(mine.map((m) => m.kind)).toEqual(['identity-update', 'move-in-notice', 'annex-notice']);
    expect(new Set(mine.map((m) => m.person))).toEqual(new Set(h.personIds));
    await t.services.registry.sendJukinetAll(createFileJukinetAdapter(dir));
    expect((await outbox()).every((m) => m.status === 'sent')).toBe(true);
    const files = fs.readdirSync(path.join(dir, M)).filter((f) => f.endsWith('.json'));
    expect(files).toEqual([...files].sort());
    const last = JSON.parse(fs.readFileSync(path.join(dir, M, files.at(-1)!), 'utf8')) as { kind: string; content: Record<string, string> };
    expect(last.kind).toBe('annex-notice');
    expect(last.content).toMatchObject({ 本籍: '長野県塩尻市大字広丘野村1番地', 異動事由コード: 'A01', 市区町村コード: M });
    const identity = JSON.parse(fs.readFileSync(path.join(dir, M, files.at(-3)!), 'utf8')) as { content: Record<string, string> };
    expect(identity.content['個人番号']).toMatch(/^\d{12}$/);
    const log = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = 'registry.jukinet.send' AND subject_id = ${h.personIds[0]!}`.execute(t.services.db.owner);
    expect(log.rows[0]!.n).toBe(3);
  });

  it('stops at a failure keeping the order, and goes on from it; resend marks sent messages again; manual mode is not sent by the task', async () => {
    const a = await moveIn(); await a.approve();
    const b = await moveIn(); await b.approve();
    let calls = 0;
    const flaky: JukinetAdapter = { async send(m) { calls++; if (calls === 2) throw new Error('CS 応答なし (timeout)'); return { reference: `${m.feedSeq}-${m.position}` }; } };
    const r = await t.services.registry.sendJukinet(M, flaky);
    expect(r).toMatchObject({ sent: 1, failed: 'CS 応答なし (timeout)' });
    const rows = await outbox();
    const unsent = rows.filter((x) => x.status !== 'sent');
    expect(unsent[0]!.status).toBe('failed');
    expect(unsent).toHaveLength(5);
    expect((await t.services.registry.jukinetStatus(M))).toMatchObject({ pending: 4, failed: 1, lastError: 'CS 応答なし (timeout)' });
    const sentOrder: string[] = [];
    const ok: JukinetAdapter = { async send(m) { sentOrder.push(`${m.feedSeq}-${m.position}`); return { reference: 'ok' }; } };
    expect(await t.services.registry.sendJukinet(M, ok)).toMatchObject({ sent: 5, failed: null, remaining: 0 });
    expect(sentOrder).toEqual(unsent.map((x) => `${x.seq}-${x.position}`));
    // Resend from b's feed number: its three messages again, in order.
    const bSeq = rows.find((x) => x.person === b.personIds[0])!.seq;
    expect(await t.services.registry.resendJukinet(M, 'test', Number(bSeq))).toEqual({ marked: 3 });
    await t.services.registry.setJukinetLink(M, 'test', { mode: 'manual' });
    expect(await t.services.registry.sendJukinetAll(ok)).toEqual({});
    expect((await t.services.registry.jukinetStatus(M)).pending).toBe(3);
    sentOrder.length = 0;
    expect((await t.services.registry.sendJukinet(M, ok)).sent).toBe(3);
    expect(sentOrder.map((s) => s.split('-')[0])).toEqual([bSeq, bSeq, bSeq]);
    await t.services.registry.setJukinetLink(M, 'test', { mode: 'auto' });
  });

  it('draws a newborn\'s 住民票コード from the allotted stock (lowest free first), asks for a 個人番号, and alerts when the stock runs low', async () => {
    const h = await moveIn(); await h.approve();
    const hh = (await (await clerk.request('GET', `/api/v1/households/${h.householdIds[0]}`)).json()) as { version: number };
    const free = await sql<{ code: string }>`SELECT resident_code AS code FROM registry.resident_code_stock WHERE municipality_code = ${M} AND used_by IS NULL ORDER BY 1 LIMIT 1`.execute(t.services.db.owner);
    const left = (await t.services.registry.jukinetStatus(M)).residentCodesFree;
    await t.services.registry.setJukinetLink(M, 'test', { stockAlertThreshold: left }); // the next draw goes below it
    const birth = await post(clerk, '/api/v1/changes', { kind: 'birth', occurredOn: today, householdId: h.householdIds[0], parentPersonIds: [h.personIds[0]],
      person: { ...newPerson(serial++ * 2, '子', today), residentCode: undefined, myNumber: undefined }, expectedVersions: { [h.householdIds[0]!]: hh.version } });
    expect(birth.status, JSON.stringify(birth.json)).toBe(201);
    expect(birth.json.alerts.map((a) => a.code)).toContain('resident-code-stock-low');
    const child = birth.json.personIds[0]!;
    const used = await sql<{ code: string; by: string }>`SELECT resident_code AS code, used_by::text AS by FROM registry.resident_code_stock WHERE used_by = ${child}`.execute(t.services.db.owner);
    expect(used.rows).toEqual([{ code: free.rows[0]!.code, by: child }]);
    expect(demoResidentCodeAllotment(M, 3000)).toContain(used.rows[0]!.code);
    const before = (await outbox()).length;
    expect((await post(approver, `/api/v1/changes/${birth.json.changeId}/approvals`)).status).toBe(201);
    const mine = (await outbox()).slice(before);
    expect(mine.filter((m) => m.person === child).map((m) => m.kind)).toEqual(['identity-update', 'annex-notice', 'my-number-request']);
    const rec = (await (await approver.request('GET', `/api/v1/persons/${child}`)).json()) as { residentCode: string };
    expect(rec.residentCode).toBe(free.rows[0]!.code);
    await t.services.registry.setJukinetLink(M, 'test', { stockAlertThreshold: 100 });
  });

  it('refuses a change needing a new 住民票コード when the stock is empty, and writes nothing', async () => {
    await t.services.tenants.onboard(EMPTY); // onboarded without an allotment
    const c = await t.login(EMPTY, (await t.staff(EMPTY, ['counter'])).loginId);
    const r = await post(c, '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -1), address: { townName: '西新宿', banchi: '2丁目8番1号', unlisted: true },
      persons: [{ ...newPerson(9001, '世帯主', '1980-04-01'), residentCode: undefined }] });
    expect(r.status).toBe(409);
    expect(r.json.code).toBe('resident-code-stock-empty');
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.change WHERE municipality_code = ${EMPTY}`.execute(t.services.db.owner);
    expect(n.rows[0]!.n).toBe(0);
    expect(await t.services.registry.loadResidentCodes(EMPTY, ['12345678901'], today, 'test')).toMatchObject({ added: 0, invalid: 1 });
  });
});
