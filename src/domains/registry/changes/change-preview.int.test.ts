// HTTP tests of POST /api/v1/changes/preview: the alerts and refusals of a change before recording it,
// that a preview writes nothing (no change, snapshot or number) and that it is access-logged.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';

const M = '202151';

describe('previewChange', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client, analyst: Client;
  let today: string;
  let family: { personIds: string[]; householdId: string; version: number };
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  const moveIn = (n: number, extra: Record<string, unknown> = {}) => ({
    kind: 'move-in', occurredOn: addDays(today, -3), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: `${n}番地` },
    persons: [newPerson(n * 10, '世帯主', '1975-04-01'), newPerson(n * 10 + 1, '妻', '1978-08-08')], ...extra,
  });
  const counts = () => withTenant(t.services.db, M, async (trx) => ({
    changes: Number((await trx.selectFrom('registry.change').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    snapshots: Number((await trx.selectFrom('registry.personSnapshot').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    persons: Number((await trx.selectFrom('registry.person').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    reserved: Number((await trx.selectFrom('registry.household').select((eb) => eb.fn.countAll().as('n')).where('pendingChangeId', 'is not', null).executeTakeFirstOrThrow()).n),
  }));

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
    analyst = await mk(['analyst']);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(await counter.request('POST', '/api/v1/changes', moveIn(1, { occurredOn: addDays(today, -60) })));
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    const h = await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${rec.householdIds[0]}`));
    family = { personIds: rec.personIds, householdId: rec.householdIds[0]!, version: h.version };
  });

  const lateMove = () => ({
    kind: 'move-within', occurredOn: addDays(today, -30), notifiedOn: today, personIds: family.personIds,
    address: { townName: '大字広丘吉田', banchi: '5番地' }, expectedVersions: { [family.householdId]: family.version },
  });

  it('returns the late-notification alert and the proposed records, and writes nothing', async () => {
    const before = await counts();
    const res = await counter.request('POST', '/api/v1/changes/preview', lateMove());
    expect(res.status).toBe(200);
    const p = await json<{ kind: string; reasonLabel: string; alerts: Array<{ code: string; message: string }>; persons: Array<{ isNewPerson: boolean; record: { personId: string; address: { townName: string } } }> }>(res);
    expect(p.kind).toBe('move-within');
    expect(p.reasonLabel).toBeTruthy();
    expect(p.alerts.map((a) => a.code)).toContain('late-notification');
    expect(p.persons.map((x) => x.record.personId).sort()).toEqual([...family.personIds].sort());
    expect(p.persons.every((x) => !x.isNewPerson && x.record.address.townName === '大字広丘吉田')).toBe(true);
    expect(await counts()).toEqual(before);
    const h = await json<{ version: number; pendingChangeId: string | null }>(await counter.request('GET', `/api/v1/households/${family.householdId}`));
    expect(h).toMatchObject({ version: family.version, pendingChangeId: null });
    const cur = await json<{ address: { townName: string } }>(await counter.request('GET', `/api/v1/persons/${family.personIds[0]}`));
    expect(cur.address.townName).toBe('大字広丘野村');
  });

  it('refuses an invalid change with the same status and code as recording it, and writes nothing', async () => {
    const cases: Array<Record<string, unknown>> = [
      { ...lateMove(), occurredOn: addDays(today, 5) },
      { ...lateMove(), expectedVersions: { [family.householdId]: family.version + 7 } },
      { ...moveIn(2), persons: [newPerson(20, '孫', '1975-04-01')] },
      { ...moveIn(3), address: { townName: '存在しない町', banchi: '1' } },
    ];
    for (const body of cases) {
      const before = await counts();
      const preview = await counter.request('POST', '/api/v1/changes/preview', body);
      const afterPreview = await counts();
      const record = await counter.request('POST', '/api/v1/changes', body);
      const pb = await json<{ code: string; title: string }>(preview);
      const rb = await json<{ code: string; title: string }>(record);
      expect(preview.status, rb.code).toBe(record.status);
      expect(preview.status).toBeGreaterThanOrEqual(400);
      expect(preview.headers.get('content-type')).toContain('application/problem+json');
      expect(pb).toMatchObject({ code: rb.code, title: rb.title });
      expect(afterPreview).toEqual(before);
    }
  });

  it('consumes no number: the next 転入 gets the 宛名番号 the preview showed', async () => {
    const before = await counts();
    const preview = await json<{ persons: Array<{ isNewPerson: boolean; record: { atenaNo: string; householdNo: string } }> }>(
      await counter.request('POST', '/api/v1/changes/preview', moveIn(4)));
    expect(preview.persons.every((x) => x.isNewPerson)).toBe(true);
    expect(await json<{ persons: unknown[] }>(await counter.request('POST', '/api/v1/changes/preview', moveIn(5)))).toEqual(
      expect.objectContaining({ persons: expect.any(Array) }));
    expect(await counts()).toEqual(before);
    const rec = await json<{ changeId: string }>(await counter.request('POST', '/api/v1/changes', moveIn(4)));
    const list = await json<{ items: Array<{ changeId: string; persons: Array<{ atenaNo: string; householdNo: string }> }> }>(await approver.request('GET', '/api/v1/provisional-changes'));
    const recorded = list.items.find((c) => c.changeId === rec.changeId)!;
    expect(recorded.persons.map((x) => x.atenaNo).sort()).toEqual(preview.persons.map((x) => x.record.atenaNo).sort());
    expect(recorded.persons[0]!.householdNo).toBe(preview.persons[0]!.record.householdNo);
  });

  it('is access-logged for every person it reads, also when refused', async () => {
    const id = family.personIds[0]!;
    const entries = async () => (await json<{ items: Array<{ action: string; actorId: string; outcome: string; purpose: string }> }>(
      await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${id}`))).items.filter((e) => e.action === 'registry.change.preview');
    const before = (await entries()).length;
    expect((await counter.request('POST', '/api/v1/changes/preview', lateMove())).status).toBe(200);
    const ok = await entries();
    expect(ok.length).toBe(before + 1);
    expect(ok[0]).toMatchObject({ actorId: counter.staffId, outcome: 'ok' });
    expect((await counter.request('POST', '/api/v1/changes/preview', { ...lateMove(), occurredOn: addDays(today, 5) })).status).toBe(422);
    const denied = await entries();
    expect(denied.length).toBe(before + 2);
    expect(denied[0]).toMatchObject({ actorId: counter.staffId, outcome: 'denied', purpose: 'change-date-in-future' });
  });

  it('needs the permission to record changes', async () => {
    const res = await analyst.request('POST', '/api/v1/changes/preview', lateMove());
    expect(res.status).toBe(403);
  });
});
