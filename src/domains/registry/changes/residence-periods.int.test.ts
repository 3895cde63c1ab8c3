// Issue #13, spec §1.1.5 / §9.3 / §1.1.4 / R23 / §1.2.2: one 住民票 per period of residence under one 宛名番号 (a 再転入
// enters a new record, the earlier 除票 stays issuable), the combined search labelling each record, the yearly move
// to the 除票DB and the 150-year purge through registry.batch_run, 改製 (改製原住民票 kept and issuable) and 再製.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays, japanDay } from '../../../platform/dates/jp-date.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { pdfPageTexts, squash } from '../../certificates/testing/pdf-text.ts';

const M = '202151';

describe('periods of residence, 除票DB, 改製 and 再製 (issue #13)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, reviewer: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const daysAgo = (n: number) => addDays(today, -n);
  type Recorded = { changeId: string; personIds: string[]; householdIds: string[]; reasonLabel: string; reasonCode: string; alerts: Array<{ code: string }> };
  type Hit = { personId: string; atenaNo: string; status: string; recordKind: string; recordLabel: string; removalReason: string | null };

  async function change(body: Record<string, unknown>, approve = true): Promise<Recorded> {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<Recorded>(res);
    if (approve) expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }
  const version = async (h: string) => (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;
  const person = async (id: string) => json<Record<string, unknown>>(await approver.request('GET', `/api/v1/persons/${id}`));
  const certificate = async (body: Record<string, unknown>) => {
    const res = await counter.request('POST', '/api/v1/certificates', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await pdfPageTexts(new Uint8Array(await res.arrayBuffer()))).join('');
  };
  const search = async (q: string) => (await json<{ items: Hit[] }>(await counter.request('GET', `/api/v1/persons?${q}`))).items;
  const changeCount = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.change WHERE municipality_code = ${M}`.execute(t.services.db.owner)).rows[0]!.n);
  const moveIn = (n: number, on: string, banchi = `${n}番地`, extra: Record<string, unknown> = {}) => change({
    kind: 'move-in', occurredOn: on, previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi },
    persons: [newPerson(n, '世帯主', '1960-04-01', { familyName: '期間', givenName: `太郎${n}`, familyNameKana: 'キカン', givenNameKana: 'タロウ', ...extra })],
  });
  const moveOut = async (id: string, h: string, on: string) => change({ kind: 'move-out', occurredOn: on, personIds: [id], destination: '東京都千代田区霞が関1-1', expectedVersions: { [h]: await version(h) } });
  const batch = async (body: Record<string, unknown>) => {
    const res = await reviewer.request('POST', '/api/v1/registry-batch-runs', body);
    expect(res.status, await res.clone().text()).toBe(202);
    const { runId } = await json<{ runId: string }>(res);
    await t.services.registry.runBatches();
    const out = await json<{ status: string; error: string | null; parameters: Record<string, unknown>; summary: Record<string, number | string>; alerts: Array<{ code: string }>; rowCount: number; runId: string }>(
      await reviewer.request('GET', `/api/v1/registry-batch-runs/${runId}`));
    expect(out.status, out.error ?? '').toBe('done');
    return out;
  };

  beforeAll(async () => {
    today = japanDay(new Date());
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    reviewer = await mk(['reviewer']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
  });

  let first: string, second: string, atenaNo: string;

  it('1.1.5: a 再転入 enters a new record under the same 宛名番号; the earlier 除票 stays issuable and the combined search labels both', async () => {
    const a = await moveIn(8101, daysAgo(90));
    first = a.personIds[0]!;
    atenaNo = (await person(first)).atenaNo as string;
    await moveOut(first, a.householdIds[0]!, daysAgo(60));
    const back = await moveIn(8101, daysAgo(10), '8102番地');
    second = back.personIds[0]!;
    expect(back.alerts.map((x) => x.code)).toContain('readmitted');
    expect(second).not.toBe(first);
    // The 除票 of the first period is untouched: removed, its address and 消除事由 as they were.
    expect(await person(first)).toMatchObject({ status: 'removed', removalReason: '国内転出', atenaNo, address: expect.objectContaining({ banchi: '8101番地' }) });
    expect(await person(second)).toMatchObject({ status: 'resident', atenaNo, address: expect.objectContaining({ banchi: '8102番地' }) });
    // Each is issued: the 除票の写し of the first period, the 住民票の写し of the current one.
    const removed = await certificate({ kind: 'removed-copy', personIds: [first], requester: { type: 'self', personId: first } });
    for (const v of ['住民票の除票の写し', '8101番地', '国内転出']) expect(removed, v).toContain(squash(v));
    const copy = await certificate({ kind: 'residence-copy', personIds: [second], requester: { type: 'self', personId: second } });
    expect(copy).toContain(squash('8102番地'));
    expect(copy).not.toContain(squash('8101番地'));
    // Without 除票 the search finds the current record only; the combined search finds both, each labelled.
    expect((await search(`atenaNo=${atenaNo}`)).map((h) => h.personId)).toEqual([second]);
    const both = await search(`atenaNo=${atenaNo}&includeRemoved=true`);
    expect(both.map((h) => [h.personId, h.recordKind, h.recordLabel]).sort()).toEqual([[first, 'removed', '除票'], [second, 'current', '住民票']].sort());
    // A living duplicate is still refused.
    const dup = await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: today, previousAddress: '東京都', address: { townName: '大字広丘野村', banchi: '8103番地' },
      persons: [newPerson(8101, '世帯主', '1960-04-01', { familyName: '期間', givenName: '太郎8101', familyNameKana: 'キカン', givenNameKana: 'タロウ' })] });
    expect((await json<{ code: string }>(dup)).code).toBe('duplicate-resident');
  });

  it('9.3: the yearly batch moves 除票 into the 除票DB (parameters, counts, alerts kept), a second run moves nothing; moved 除票 stay searchable, issuable and in history', async () => {
    // Default cut-off: the end of the previous calendar year.
    const dflt = await batch({ kind: 'removed-archive' });
    expect(dflt.status).toBe('done');
    expect(dflt.parameters).toEqual({ kind: 'removed-archive', through: `${Number(today.slice(0, 4)) - 1}-12-31` });
    // A cut-off in the future is refused, nothing queued.
    const future = await reviewer.request('POST', '/api/v1/registry-batch-runs', { kind: 'removed-archive', through: addDays(today, 1) });
    expect(future.status).toBe(422);
    expect((await json<{ code: string }>(future)).code).toBe('batch-period-future');
    // A counter clerk may not run batches.
    expect((await counter.request('POST', '/api/v1/registry-batch-runs', { kind: 'removed-archive' })).status).toBe(403);

    const run = await batch({ kind: 'removed-archive', through: daysAgo(1) });
    expect(run.status).toBe('done');
    expect(run.parameters).toEqual({ kind: 'removed-archive', through: daysAgo(1) });
    expect(Number(run.summary['移動した除票'])).toBeGreaterThanOrEqual(1);
    const csv = await (await reviewer.request('GET', `/api/v1/registry-batch-runs/${run.runId}/result`)).text();
    expect(csv).toContain(atenaNo);
    const again = await batch({ kind: 'removed-archive', through: daysAgo(1) });
    expect(again.summary['移動した除票']).toBe(0);
    expect(again.rowCount).toBe(0);
    expect(again.alerts.map((a) => a.code)).toContain('archive-nothing-to-move');
    expect(again.summary['除票DBの件数']).toBe(run.summary['除票DBの件数']);
    // The current record is not moved; the 除票 is found by the combined search, labelled as in the 除票DB.
    const both = await search(`atenaNo=${atenaNo}&includeRemoved=true`);
    expect(both.find((h) => h.personId === first)).toMatchObject({ recordKind: 'archived', recordLabel: '除票（除票DB）' });
    expect(both.find((h) => h.personId === second)).toMatchObject({ recordKind: 'current' });
    expect((await search(`atenaNo=${atenaNo}`)).map((h) => h.personId)).toEqual([second]);
    // Still issuable as 除票の写し, and its history is whole.
    const removed = await certificate({ kind: 'removed-copy', personIds: [first], requester: { type: 'self', personId: first } });
    expect(removed).toContain(squash('住民票の除票の写し'));
    const history = await json<{ items?: unknown[] } | unknown[]>(await approver.request('GET', `/api/v1/persons/${first}/history`));
    expect(JSON.stringify(history)).toContain('国内転出');
  });

  it('9.3 / 1.1.5: the 150-year purge lists and purges only 除票 removed more than 150 years ago; the database refuses a younger one', async () => {
    const old = await moveIn(8201, daysAgo(80));
    const oldId = old.personIds[0]!;
    await moveOut(oldId, old.householdIds[0]!, daysAgo(70));
    const young = await moveIn(8202, daysAgo(80));
    const youngId = young.personIds[0]!;
    await moveOut(youngId, young.householdIds[0]!, daysAgo(70));
    // A fabricated record removed in 1870 (more than 150 years ago).
    // Its 住基ネット messages were sent long ago (an unsent message keeps a record: see the function).
    await sql`UPDATE registry.jukinet_message SET status = 'sent' WHERE person_id = ${oldId}`.execute(t.services.db.owner);
    // So were its J-LIS requests (the 符号 asked for at its 転入); they go with the record (migration 0040).
    await sql`UPDATE registry.jlis_request SET status = 'sent', sent_at = now() WHERE person_id = ${oldId}`.execute(t.services.db.owner);
    await sql`UPDATE registry.person_current SET removed_on = '1870-03-01', record = jsonb_set(record, '{removedOn}', '"1870-03-01"') WHERE person_id = ${oldId}`.execute(t.services.db.owner);
    const listed = await batch({ kind: 'removed-purge' });
    expect(listed.status).toBe('done');
    expect(listed.parameters).toMatchObject({ retentionYears: 150, purge: false, removedBefore: `${Number(today.slice(0, 4)) - 150}${today.slice(4)}` });
    expect(listed.summary).toMatchObject({ 保存期間経過: 1, 消去: 0 });
    expect((await person(oldId)).status).toBe('removed'); // listing deletes nothing
    const purged = await batch({ kind: 'removed-purge', purge: true });
    expect(purged.summary).toMatchObject({ 保存期間経過: 1, 消去: 1 });
    expect((await approver.request('GET', `/api/v1/persons/${oldId}`)).status).toBe(404);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.jlis_request WHERE person_id = ${oldId}`.execute(t.services.db.owner)).rows[0]!.n).toBe(0);
    expect(await person(youngId)).toMatchObject({ status: 'removed' });
    // Asked directly, the database keeps a 除票 removed less than 150 years ago (and a current record).
    const kept = await withTenant(t.services.db, M, async (trx) => [
      (await sql<{ ok: boolean }>`SELECT registry.purge_removed_record(${youngId}::uuid) AS ok`.execute(trx)).rows[0]!.ok,
      (await sql<{ ok: boolean }>`SELECT registry.purge_removed_record(${second}::uuid) AS ok`.execute(trx)).rows[0]!.ok,
    ]);
    expect(kept).toEqual([false, false]);
    expect(await person(youngId)).toMatchObject({ status: 'removed' });
    const nothing = await batch({ kind: 'removed-purge', purge: true });
    expect(nothing.summary).toMatchObject({ 保存期間経過: 0, 消去: 0 });
  });

  it('1.1.4 / R23: 改製 writes a fresh record with its 改製年月日 and keeps the 改製原住民票 issuable; 再製 re-makes in place; both 職権, refused when not applicable', async () => {
    const a = await moveIn(8301, daysAgo(40));
    const id = a.personIds[0]!;
    const h = a.householdIds[0]!;
    await change({ kind: 'move-within', occurredOn: daysAgo(20), personIds: [id], address: { townName: '大字広丘野村', banchi: '8302番地' }, expectedVersions: { [h]: await version(h) } });
    const atena = (await person(id)).atenaNo;
    // 仮登録 first (本登録 by another staff member, like every 職権 change).
    const reform = await change({ kind: 'reform', occurredOn: today, personId: id, expectedVersions: { [h]: await version(h) } }, false);
    expect(reform).toMatchObject({ reasonCode: 'E01', reasonLabel: '改製' });
    expect((await json<{ status: string }>(await counter.request('GET', `/api/v1/changes/${reform.changeId}`))).status).toBe('provisional');
    expect((await counter.request('POST', `/api/v1/changes/${reform.changeId}/approvals`)).status).toBe(403);
    expect((await approver.request('POST', `/api/v1/changes/${reform.changeId}/approvals`)).status).toBe(201);
    const fresh = reform.personIds.find((p) => p !== id)!;
    expect(reform.personIds).toHaveLength(2);
    expect(await person(id)).toMatchObject({ status: 'removed', removalReason: '改製', atenaNo: atena });
    expect(await person(fresh)).toMatchObject({ status: 'resident', atenaNo: atena, householdId: h, address: expect.objectContaining({ banchi: '8302番地' }) });
    const freshHistory = JSON.stringify(await json(await approver.request('GET', `/api/v1/persons/${fresh}/history`)));
    expect(freshHistory).toContain('E01');
    expect(freshHistory).toContain(`"reformedOn":"${today}"`);
    // The 改製原住民票 is issued (消除事由 改製); the new one gives the 住民票の写し.
    const original = await certificate({ kind: 'removed-copy', personIds: [id], requester: { type: 'self', personId: id } });
    for (const v of ['住民票の除票の写し', '改製', '8302番地']) expect(original, v).toContain(squash(v));
    const copy = await certificate({ kind: 'residence-copy', personIds: [fresh], requester: { type: 'self', personId: fresh }, include: { history: true } });
    expect(copy).toContain(squash('8302番地'));
    // The combined search labels the 改製原; the household shows the new record only.
    const hits = await search(`atenaNo=${atena}&includeRemoved=true`);
    expect(hits.map((x) => [x.personId, x.recordLabel]).sort()).toEqual([[id, '改製原住民票'], [fresh, '住民票']].sort());
    // Refused, nothing written: 改製 of the 改製原 (a removed record), 改製 twice the same day, 再製 without a ground, dates before the last change.
    const before = await changeCount();
    for (const [body, status, code] of [
      [{ kind: 'reform', occurredOn: today, personId: id, expectedVersions: { [h]: await version(h) } }, 422, 'person-removed'],
      [{ kind: 'reform', occurredOn: today, personId: fresh, expectedVersions: { [h]: await version(h) } }, 409, 'already-reformed'],
      [{ kind: 'remake', occurredOn: daysAgo(30), personId: fresh, ground: '滅失', expectedVersions: { [h]: await version(h) } }, 422, 'change-date-before-last'],
      [{ kind: 'remake', occurredOn: today, personId: fresh, ground: '  ', expectedVersions: { [h]: await version(h) } }, 400, undefined],
    ] as const) {
      const res = await counter.request('POST', '/api/v1/changes', body);
      const p = await json<{ code: string; title: string }>(res);
      expect(res.status, JSON.stringify(p)).toBe(status);
      if (code) expect(p.code).toBe(code);
      expect(p.title).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    expect(await changeCount()).toBe(before);
    // 再製: the same record, re-made with its date and ground; reason 再製.
    const remake = await change({ kind: 'remake', occurredOn: today, personId: fresh, ground: '汚損によるき損', expectedVersions: { [h]: await version(h) } });
    expect(remake).toMatchObject({ reasonCode: 'E02', reasonLabel: '再製', personIds: [fresh] });
    const remadeHistory = JSON.stringify(await json(await approver.request('GET', `/api/v1/persons/${fresh}/history`)));
    expect(remadeHistory).toContain(`"remadeOn":"${today}"`);
    expect(remadeHistory).toContain('汚損によるき損');
    expect(await person(fresh)).toMatchObject({ status: 'resident' });
  });
});
