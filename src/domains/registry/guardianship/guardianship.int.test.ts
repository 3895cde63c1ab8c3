// 成年被後見人 (issue #13, spec §9.4): the 法務局's 後見開始/終了 notices recorded per person by staff or from the notice
// file (append-only history, repeats not written twice, refusals with codes and nothing written), read by 審査・決裁
// only, and the batch run producing the list for the 選挙管理委員会 and the notices to the 転出先, access-logged.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';
import { guardianshipReport, statusOn } from './guardianship-rules.ts';

const M = '202151';

describe('成年被後見人 (guardianship notices)', () => {
  const t = useTestApp();
  let counter: Client;
  let reviewer: Client;
  let approver: Client;
  let today: string;
  const p: Array<{ personId: string; householdId: string; atenaNo: string }> = [];
  const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.guardianship_notice`.execute(t.services.db.owner)).rows[0]!.n;
  const notice = (c: Client, personId: string, body: Record<string, unknown>) => c.request('POST', `/api/v1/persons/${personId}/guardianship-notices`, body);
  const importFile = (c: Client, text: string) => c.send('POST', '/api/v1/guardianship-notices/imports', text, { 'content-type': 'text/csv' });

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    reviewer = await t.login(M, (await t.staff(M, ['reviewer'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    for (let i = 0; i < 3; i++) {
      const { plan } = await t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, kind: 'move-in', occurredOn: addDays(today, -90), previousAddress: '東京都新宿区',
        address: { townName: '大字広丘野村', banchi: `${950 + i}番地` }, persons: [newPerson(9500 + i, '世帯主', '1940-02-02')] }));
      const s = plan.snapshots[0]!;
      const atenaNo = (await sql<{ a: string }>`SELECT atena_no AS a FROM registry.person WHERE person_id = ${s.personId}`.execute(t.services.db.owner)).rows[0]!.a;
      p.push({ personId: s.personId, householdId: s.record.householdId, atenaNo });
    }
  });

  it('records a notice by staff (審査・決裁 only), once; refuses what does not fit with codes, writing nothing', async () => {
    const start = { event: 'start', effectiveOn: addDays(today, -30), registrationNo: '第2026-0001号', notifiedOn: addDays(today, -20) };
    const first = await notice(reviewer, p[0]!.personId, start);
    expect(first.status, await first.clone().text()).toBe(201);
    expect(await first.json()).toMatchObject({ under: true, since: start.effectiveOn, notices: [{ event: 'start', registrationNo: '第2026-0001号', source: 'staff' }] });
    expect((await notice(approver, p[0]!.personId, start)).status).toBe(200); // the same notice again: not written twice
    const n0 = await count();
    const refusals: Array<[Client, string, Record<string, unknown>, number, string]> = [
      [counter, p[0]!.personId, start, 403, ''],
      [reviewer, p[0]!.personId, { ...start, effectiveOn: addDays(today, -10) }, 409, 'guardianship-already-started'],
      [reviewer, p[1]!.personId, { ...start, event: 'end' }, 409, 'guardianship-not-started'],
      [reviewer, p[0]!.personId, { ...start, registrationNo: '第2026-9999号' }, 409, 'guardianship-conflict'],
      [reviewer, p[1]!.personId, { ...start, effectiveOn: addDays(today, 3) }, 422, 'guardianship-date-in-future'],
      [reviewer, '00000000-0000-4000-8000-000000000000', start, 404, 'person-not-found'],
      [reviewer, p[1]!.personId, { ...start, event: 'maybe' }, 400, ''],
    ];
    for (const [c, id, body, status, code] of refusals) {
      const res = await notice(c, id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    expect(await count()).toBe(n0);
    // Read: 審査・決裁 only, access-logged; not 窓口.
    expect((await counter.request('GET', `/api/v1/persons/${p[0]!.personId}/guardianship`)).status).toBe(403);
    expect((await (await approver.request('GET', `/api/v1/persons/${p[0]!.personId}/guardianship`)).json())).toMatchObject({ under: true });
    const log = await sql<{ action: string }>`SELECT action FROM audit.access_log WHERE subject_id = ${p[0]!.personId} AND action LIKE 'registry.guardianship.%' ORDER BY seq`.execute(t.services.db.owner);
    expect(log.rows.map((r) => r.action)).toEqual(['registry.guardianship.record', 'registry.guardianship.read']);
    // Append-only for the application role.
    await expect(sql`SET LOCAL ROLE jichi_app; DELETE FROM registry.guardianship_notice`.execute(t.services.db.owner)).rejects.toThrow();
  });

  it('takes in the 法務局 notice file all or nothing, a repeat recording nothing new', async () => {
    const n0 = await count();
    const bad = `宛名番号,種別,効力発生日,登記番号,通知日\n${p[1]!.atenaNo},開始,${addDays(today, -25)},第2026-0002号,${addDays(today, -20)}\n${p[2]!.atenaNo},開始,2026-02-30,第2026-0003号,${today}\n999999999,終了,${today},第1号,${today}\n`;
    const r1 = await importFile(reviewer, bad);
    expect(r1.status).toBe(422);
    expect(await r1.json()).toMatchObject({ code: 'guardianship-file-invalid', lines: [3] });
    const unknown = `h\n${p[1]!.atenaNo},開始,${addDays(today, -25)},第2026-0002号,${addDays(today, -20)}\n999999999,開始,${today},第1号,${today}\n`;
    expect(await (await importFile(reviewer, unknown)).json()).toMatchObject({ code: 'guardianship-file-invalid', lines: [3] });
    const misfit = `h\n${p[2]!.atenaNo},終了,${addDays(today, -5)},第2026-0003号,${today}\n`;
    expect(await (await importFile(reviewer, misfit)).json()).toMatchObject({ code: 'guardianship-file-invalid', lines: [2], reason: 'guardianship-not-started' });
    expect((await importFile(counter, unknown)).status).toBe(403);
    expect(await count()).toBe(n0);
    const good = `宛名番号,種別,効力発生日,登記番号,通知日\r\n${p[1]!.atenaNo},開始,${addDays(today, -25)},第2026-0002号,${addDays(today, -20)}\r\n`
      + `${p[2]!.atenaNo},終了,${addDays(today, -5)},第2026-0003号,${today}\r\n${p[2]!.atenaNo},開始,${addDays(today, -60)},第2026-0003号,${addDays(today, -55)}\r\n`;
    const ok = await importFile(reviewer, good);
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect(await ok.json()).toEqual({ lines: 3, recorded: 3, alreadyRecorded: 0 });
    expect(await (await importFile(reviewer, good)).json()).toEqual({ lines: 3, recorded: 0, alreadyRecorded: 3 });
    expect(await count()).toBe(n0 + 3);
    const c = (await (await reviewer.request('GET', `/api/v1/persons/${p[2]!.personId}/guardianship`)).json()) as { under: boolean; notices: Array<{ event: string; source: string }> };
    expect(c).toMatchObject({ under: false, notices: [{ event: 'start', source: 'file' }, { event: 'end', source: 'file' }] });
  });

  it('runs the batch: 後見開始/終了 in the period for the 選挙管理委員会, and the 転出 of a 成年被後見人 to the 転出先; parameters, results, access log', async () => {
    const h = (await (await reviewer.request('GET', `/api/v1/households/${p[0]!.householdId}`)).json()) as { version: number };
    const out = await counter.request('POST', '/api/v1/changes', { kind: 'move-out', occurredOn: today, personIds: [p[0]!.personId], destination: '東京都千代田区霞が関1-1',
      expectedVersions: { [p[0]!.householdId]: h.version } });
    const outBody = (await out.json()) as { changeId: string };
    expect(out.status, JSON.stringify(outBody)).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${outBody.changeId}/approvals`)).status).toBe(201);
    expect((await counter.request('POST', '/api/v1/registry-batch-runs', { kind: 'guardianship-notices' })).status).toBe(403);
    const req = await reviewer.request('POST', '/api/v1/registry-batch-runs', { kind: 'guardianship-notices', from: addDays(today, -40), to: today });
    const queued = (await req.json()) as { runId: string; parameters: Record<string, unknown> };
    expect(req.status, JSON.stringify(queued)).toBe(202);
    expect(queued.parameters).toEqual({ kind: 'guardianship-notices', from: addDays(today, -40), to: today });
    await t.services.registry.runBatches();
    const run = (await (await reviewer.request('GET', `/api/v1/registry-batch-runs/${queued.runId}`)).json()) as { status: string; summary: Record<string, number>; alerts: unknown[]; rowCount: number };
    expect(run).toMatchObject({ status: 'done', summary: { 後見開始: 2, 後見終了: 1, 転出通知: 1 }, alerts: [], rowCount: 4 });
    const res = await reviewer.request('GET', `/api/v1/registry-batch-runs/${queued.runId}/result`);
    const lines = Buffer.from(await res.arrayBuffer()).subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('区分,宛名番号,氏名,生年月日,住所,日付,登記番号,通知先');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['後見開始', '後見開始', '後見終了', '成年被後見人の転出通知']);
    expect(lines.at(-1)).toContain(`${p[0]!.atenaNo},`);
    expect(lines.at(-1)).toContain('転出先（東京都千代田区霞が関1-1）');
    expect(lines.at(-1)).toContain('昭和15年2月2日');
    const log = await sql<{ n: number }>`SELECT count(DISTINCT subject_id)::int AS n FROM audit.access_log WHERE action = 'registry.batch.extract' AND purpose = ${`guardianship-notices/${queued.runId}`}`.execute(t.services.db.owner);
    expect(log.rows[0]!.n).toBe(3);
  });

  it('alerts on a 転出 of a 成年被後見人 without a 転出先 (pure report)', () => {
    const record = { familyName: '後見', givenName: '一郎', address: { townName: '大字広丘野村', banchi: '1番地' }, removalReason: '国内転出', removedOn: '2026-05-10' } as never;
    const notices = [{ event: 'start' as const, effectiveOn: '2026-01-10', registrationNo: '第1号', notifiedOn: '2026-01-20' }];
    expect(statusOn(notices, '2026-01-09').under).toBe(false);
    expect(statusOn(notices, '2026-01-10').under).toBe(true);
    const r = guardianshipReport({ from: '2026-05-01', to: '2026-05-31' }, [{ personId: 'x', atenaNo: '1', record, notices }]);
    expect(r.rows).toHaveLength(1);
    expect(r.alerts.map((a) => a.code)).toEqual(['guardianship-destination-missing']);
  });
});
