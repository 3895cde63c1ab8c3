// Batch work of the registry on the scheduler (issue #13, spec §9.1, §6.1, §6.2, §9.5, §9.6): runs keep their
// parameters, results and alerts; 年報 by reason, the 入管 report, 閲覧用写し without protected persons, random
// extraction with labels; results downloaded as formula-safe CSV, access-logged per person; refusals with codes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';

describe('registry batch runs', () => {
  const t = useTestApp();
  let reviewer: Client;
  let counter: Client;
  let approver: Client;
  let today: string;
  let serial = 700;
  const record = (o: Record<string, unknown>) => t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, ...o }));
  const moveIn = async (on: string, persons: unknown[], banchi = `${serial}番地`) =>
    (await record({ kind: 'move-in', occurredOn: on, previousAddress: '東京都新宿区', address: { townName: '大字広丘野村', banchi }, persons })).plan.snapshots;
  const version = async (householdId: string) => ({ [householdId]: ((await (await reviewer.request('GET', `/api/v1/households/${householdId}`)).json()) as { version: number }).version });
  const request = async (c: Client, body: unknown) => {
    const res = await c.request('POST', '/api/v1/registry-batch-runs', body);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> & { runId: string; status: string; parameters: Record<string, unknown>; code?: string; title?: string } };
  };
  const run = async (body: unknown) => {
    const r = await request(reviewer, body);
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    expect(r.json.status).toBe('queued');
    await t.services.registry.runBatches();
    const res = await reviewer.request('GET', `/api/v1/registry-batch-runs/${r.json.runId}`);
    return (await res.json()) as { runId: string; status: string; summary: Record<string, number | string>; alerts: Array<{ code: string; message: string }>; rowCount: number; parameters: Record<string, unknown> };
  };
  const csv = async (runId: string) => {
    const res = await reviewer.request('GET', `/api/v1/registry-batch-runs/${runId}/result`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for spreadsheet software
    return bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    reviewer = await t.login(M, (await t.staff(M, ['reviewer'])).loginId);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
  });

  it('年報: counts moves in and out, births, deaths and other reasons in the period by 日本人/外国人 and sex, with the population at its start and end', async () => {
    const from = addDays(today, -40);
    const before = await moveIn(addDays(today, -100), [newPerson(serial++, '世帯主', '1970-01-01', { sex: 'male' }), newPerson(serial++, '妻', '1972-01-01', { sex: 'female' })]);
    const fam = await moveIn(addDays(today, -30), [newPerson(serial++, '世帯主', '1980-04-01', { sex: 'male' }), newPerson(serial++, '妻', '1982-04-01', { sex: 'female' })]);
    await record({ kind: 'move-in', occurredOn: addDays(today, -25), fromAbroad: true, previousAddress: 'ベトナム', address: { townName: '大字広丘野村', banchi: '88番地' }, persons: [newPerson(serial++, '世帯主', '1990-05-05', { residentKind: 'foreign', sex: 'female', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '',
      romanName: 'TRAN THI MAI', honseki: undefined, myNumber: undefined, foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技術・人文知識・国際業務', residencePeriod: '5年', residenceExpiry: addDays(today, 1000), residenceCardNo: 'AB12345679CD' } })] });
    await record({ kind: 'birth', occurredOn: addDays(today, -20), householdId: fam[0]!.record.householdId, expectedVersions: await version(fam[0]!.record.householdId), parentPersonIds: [fam[0]!.personId],
      person: newPerson(serial++, '子', addDays(today, -20), { sex: 'female' }) });
    await record({ kind: 'death', occurredOn: addDays(today, -10), personId: before[1]!.personId, exOfficio: true, expectedVersions: await version(before[0]!.record.householdId) });
    await record({ kind: 'move-out', occurredOn: addDays(today, -5), personIds: [before[0]!.personId], destination: '東京都千代田区', expectedVersions: await version(before[0]!.record.householdId) });
    const r = await run({ kind: 'annual-report', from, to: today });
    expect(r.status).toBe('done');
    expect(r.parameters).toEqual({ kind: 'annual-report', from, to: today });
    expect(r.summary).toMatchObject({ start: 2, increase: 4, decrease: 2, end: 4 });
    expect(r.alerts).toEqual([]);
    const lines = await csv(r.runId);
    expect(lines[0]).toBe('区分,事由,日本人男,日本人女,外国人男,外国人女,計');
    expect(lines).toContain('期首人口,,1,1,0,0,2');
    expect(lines).toContain('増加,転入,1,1,0,1,3');
    expect(lines).toContain('増加,出生,0,1,0,0,1');
    expect(lines).toContain('減少,転出,1,0,0,0,1');
    expect(lines).toContain('減少,死亡,0,1,0,0,1');
    expect(lines).toContain('期末人口,,1,2,0,1,4');
    expect(lines).toContain('異動事由別,B03 死亡,0,1,0,0,1');
    // The default period is the previous calendar year (the 年報's).
    const d = await run({ kind: 'annual-report' });
    expect(d.parameters).toMatchObject({ from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: `${Number(today.slice(0, 4)) - 1}-12-31` });
  });

  it('入管 report: every change of a foreign resident in the period with the 30条の45 items; alert when a 在留カード番号 is missing', async () => {
    const from = addDays(today, -3);
    await record({ kind: 'move-in', occurredOn: addDays(today, -2), fromAbroad: true, previousAddress: 'ブラジル', address: { townName: '大字広丘野村', banchi: '89番地' }, persons: [newPerson(serial++, '世帯主', '1991-06-07', { residentKind: 'foreign', sex: 'male', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '',
      romanName: 'SILVA JOAO', honseki: undefined, myNumber: undefined, foreign: { nationality: 'ブラジル', category: '経過滞在者', transitionalCause: '出生' } })] });
    await moveIn(addDays(today, -1), [newPerson(serial++, '世帯主', '1985-01-01')]); // Japanese: not in the report
    const r = await run({ kind: 'immigration-report', from, to: today });
    expect(r.summary).toMatchObject({ changes: 1, persons: 1 });
    expect(r.alerts.map((a) => a.code)).toEqual(['residence-card-missing']);
    const lines = await csv(r.runId);
    expect(lines[0]).toContain('在留カード等番号,氏名,通称,生年月日,性別,国籍・地域,法第30条の45の区分,在留資格');
    expect(lines[1]).toContain(',SILVA JOAO,,1991年6月7日,男,ブラジル,経過滞在者,');
  });

  it('閲覧用写し: 氏名・生年月日・性別・住所 of living residents in address order, without a person under a DV等支援措置 (alerted); access-logged per person on download', async () => {
    const a = await moveIn(addDays(today, -9), [newPerson(serial++, '世帯主', '1960-02-03', { familyName: '=HYPERLINK("x")', givenName: '花子' })], '2番地');
    const b = await moveIn(addDays(today, -9), [newPerson(serial++, '世帯主', '1961-02-03')], '10番地');
    const hidden = await moveIn(addDays(today, -9), [newPerson(serial++, '世帯主', '1962-02-03', { givenName: '秘匿' })], '3番地');
    const sm = await approver.request('POST', '/api/v1/support-measures', { personId: hidden[0]!.personId, kind: 'dv', requestingBody: '塩尻警察署' });
    expect(sm.status).toBe(201);
    const r = await run({ kind: 'inspection-copy', order: 'address' });
    expect(r.summary.excluded).toBe(1);
    expect(r.alerts.map((x) => x.code)).toEqual(['support-measure-excluded']);
    const lines = await csv(r.runId);
    expect(lines[0]).toBe('住所,氏名,出生の年月日,男女の別');
    expect(lines.some((l) => l.includes('秘匿'))).toBe(false);
    const i2 = lines.findIndex((l) => l.startsWith('大字広丘野村2番地,'));
    const i10 = lines.findIndex((l) => l.startsWith('大字広丘野村10番地,'));
    expect(i2).toBeGreaterThan(0);
    expect(i10).toBeGreaterThan(i2); // 2番地 before 10番地: numbers compared as numbers
    expect(lines[i2]).toBe(`大字広丘野村2番地,"'=HYPERLINK(""x"")　花子",昭和35年2月3日,${a[0]!.record.sex === 'male' ? '男' : '女'}`); // formula guarded
    const logged = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = 'registry.batch.download' AND subject_id = ${b[0]!.personId}`.execute(t.services.db.owner);
    expect(logged.rows[0]!.n).toBe(1);
    const hiddenLogged = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action LIKE 'registry.batch.%' AND subject_id = ${hidden[0]!.personId}`.execute(t.services.db.owner);
    expect(hiddenLogged.rows[0]!.n).toBe(0);
  });

  it('無作為抽出: the same seed draws the same persons within the filters; labels as PDF; fewer than asked is alerted', async () => {
    const young = [];
    for (let i = 0; i < 6; i++) young.push(...(await moveIn(addDays(today, -8), [newPerson(serial++, '世帯主', addDays(today, -365 * 25 - i * 40))], `${40 + i}番地`)));
    const q = { kind: 'random-extraction', count: 3, ageFrom: 20, ageTo: 29, seed: 'survey-2026' };
    const r1 = await run(q);
    const r2 = await run(q);
    expect(r1.summary).toMatchObject({ drawn: 3, eligible: 6, seed: 'survey-2026' });
    const l1 = await csv(r1.runId);
    expect(l1).toEqual(await csv(r2.runId));
    expect(l1[0]).toBe('番号,住所,氏名,宛名,性別,年齢');
    expect(l1.slice(1).every((l) => /,2[0-9]$/.test(l))).toBe(true);
    const other = await run({ ...q, seed: 'another-seed', count: 6 });
    expect(other.rowCount).toBe(6);
    const short = await run({ ...q, count: 50 });
    expect(short.alerts.map((a) => a.code)).toEqual(['extraction-short']);
    expect(short.rowCount).toBe(6);
    // A seed is recorded when none was given, so the run can be checked later.
    expect((await run({ kind: 'random-extraction', count: 1 })).parameters.seed).toMatch(/^[0-9a-f]{16}$/);
    const pdf = await reviewer.request('GET', `/api/v1/registry-batch-runs/${r1.runId}/result?format=labels`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-labels-'));
    fs.writeFileSync(path.join(dir, 'l.pdf'), bytes);
    const text = execFileSync('pdftotext', [path.join(dir, 'l.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('様');
    expect(text).toContain('大字広丘野村');
  });

  it('refuses bad requests with codes and Japanese messages, writes nothing, and keeps counter clerks out', async () => {
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.batch_run`.execute(t.services.db.owner)).rows[0]!.n;
    const n = await count();
    const bad = await request(reviewer, { kind: 'annual-report', from: today, to: addDays(today, -1) });
    expect(bad.status).toBe(422);
    expect(bad.json.code).toBe('batch-period-invalid');
    expect(bad.json.title).toMatch(/期間/);
    expect((await request(reviewer, { kind: 'annual-report', from: today, to: addDays(today, 1) })).json.code).toBe('batch-period-future');
    expect((await request(reviewer, { kind: 'random-extraction', count: 1, ageFrom: 30, ageTo: 20 })).json.code).toBe('batch-age-range-invalid');
    expect((await request(reviewer, { kind: 'random-extraction', count: 0 })).status).toBe(400);
    expect((await request(reviewer, { kind: 'annual-report', from: '令和99年13月1日' })).status).toBe(400);
    expect((await request(counter, { kind: 'inspection-copy' })).status).toBe(403);
    expect(await count()).toBe(n);
    const queued = await request(reviewer, { kind: 'inspection-copy' });
    const early = await reviewer.request('GET', `/api/v1/registry-batch-runs/${queued.json.runId}/result`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { code: string }).code).toBe('batch-run-not-done');
    await t.services.registry.runBatches();
    const labels = await reviewer.request('GET', `/api/v1/registry-batch-runs/${queued.json.runId}/result?format=labels`);
    expect(((await labels.json()) as { code: string }).code).toBe('batch-labels-unavailable');
    expect((await reviewer.request('GET', '/api/v1/registry-batch-runs/7b0c5c57-1d7c-4a8e-9d55-1f2d3c4b5a69')).status).toBe(404);
    const list = (await (await reviewer.request('GET', '/api/v1/registry-batch-runs?kind=inspection-copy')).json()) as { items: Array<{ kind: string }> };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.kind === 'inspection-copy')).toBe(true);
  });
});
