// 権限の予約変更と一括保守 (標準仕様書 §10.3, issue #13): an administrator books a roles change for a later day, applied on
// that day (periodic task, or the account's sign-in); bulk maintenance from a CSV is tried (nothing written) and then
// run (all or nothing); running it again changes nothing. Wrong input is refused with a code and writes nothing.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../test/test-app.ts';
import { addDays, japanDay } from '../../platform/dates/jp-date.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';

const M = '202151';

describe('booked roles changes and bulk maintenance (spec §10.3)', () => {
  const t = useTestApp();
  let admin: Client;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const today = () => japanDay(new Date());
  const rolesOf = async (staffId: string) => (await withTenant(t.services.db, M, (trx) => trx.selectFrom('platform.staff').select(['roles', 'validFrom', 'validTo']).where('staffId', '=', staffId).executeTakeFirstOrThrow()));
  const changes = (staffId: string) => withTenant(t.services.db, M, (trx) => trx.selectFrom('platform.staff_change').selectAll().where('staffId', '=', staffId).execute());

  beforeAll(async () => { admin = await t.login(M, (await t.staff(M, ['admin'])).loginId); });

  it('books a roles change for a later day (safe to repeat) and applies it on that day, also at sign-in', async () => {
    const { staffId } = await t.staff(M, ['counter']);
    const tomorrow = addDays(today(), 1);
    const booked = await admin.request('POST', `/api/v1/staff/${staffId}/role-changes`, { effectiveOn: tomorrow, roles: ['審査'] });
    expect(booked.status).toBe(201);
    expect((await admin.request('POST', `/api/v1/staff/${staffId}/role-changes`, { effectiveOn: tomorrow, roles: ['reviewer'] })).status).toBe(200);
    const conflict = await admin.request('POST', `/api/v1/staff/${staffId}/role-changes`, { effectiveOn: tomorrow, roles: ['approver'] });
    expect(conflict.status).toBe(409);
    expect((await json(conflict)).code).toBe('staff-change-conflict');
    const past = await admin.request('POST', `/api/v1/staff/${staffId}/role-changes`, { effectiveOn: today(), roles: ['approver'] });
    expect(past.status).toBe(422);
    expect((await json(past)).code).toBe('effective-date-not-future');
    expect((await admin.request('POST', `/api/v1/staff/${staffId}/role-changes`, { effectiveOn: tomorrow, roles: ['mayor'] })).status).toBe(400);
    expect(await changes(staffId)).toHaveLength(1);
    // Not due yet: nothing happens.
    await t.services.staffChanges.applyDue();
    expect((await rolesOf(staffId)).roles).toEqual(['counter']);
    // The day comes (the booking moved to today stands for the passing of a day): the task applies it once.
    await t.services.db.owner.transaction().execute(async (trx) => {
      await sql`SELECT set_config('app.municipality_code', ${M}, true)`.execute(trx);
      await trx.updateTable('platform.staff_change').set({ effectiveOn: today() as never }).where('staffId', '=', staffId).execute();
    });
    expect(await t.services.staffChanges.applyDue()).toBeGreaterThanOrEqual(1);
    expect((await rolesOf(staffId)).roles).toEqual(['reviewer']);
    const list = await json<{ items: Array<{ effectiveOn: string; roles: string[]; applied: boolean }> }>(await admin.request('GET', `/api/v1/staff/${staffId}/role-changes`));
    expect(list.items).toEqual([{ changeId: expect.any(String), effectiveOn: today(), roles: ['reviewer'], applied: true }]);

    // A booking due when the account signs in is applied before its session starts.
    const other = await t.staff(M, ['counter']);
    await withTenant(t.services.db, M, (trx) => trx.insertInto('platform.staff_change').values({ municipalityCode: M, changeId: crypto.randomUUID(), staffId: other.staffId, effectiveOn: today() as never, roles: ['approver'], requestedBy: 'test' }).execute());
    const session = await t.app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: M, loginId: other.loginId, password: TEST_PASSWORD }) });
    expect(session.status).toBe(201);
    expect((await json<{ roles: string[] }>(session)).roles).toEqual(['approver']);
  });

  it('bulk maintenance: a trial reports and writes nothing; a run with a wrong row writes nothing; a right run applies, once', async () => {
    const a = await t.staff(M, ['counter']);
    const b = await t.staff(M, ['counter']);
    const later = addDays(today(), 30);
    const header = '職員ID,役割,有効期間開始日,有効期間終了日,適用日';
    const good = [header, `${a.loginId},窓口・審査,,${addDays(today(), 365)},`, `${b.loginId},決裁,令和7年4月1日,,${later}`].join('\n');
    const trial = await json<{ applied: boolean; rows: Array<{ loginId: string; action: string; problems: string[]; validFrom: string | null }> }>(await admin.request('POST', '/api/v1/staff-bulk-maintenance', { mode: 'trial', csv: good }));
    expect(trial.applied).toBe(false);
    expect(trial.rows.map((r) => [r.loginId, r.action, r.problems])).toEqual([[a.loginId, 'now', []], [b.loginId, 'booked', []]]);
    expect(trial.rows[1]!.validFrom).toBe('2025-04-01');
    expect((await rolesOf(a.staffId)).roles).toEqual(['counter']);

    const bad = [header, `${a.loginId},窓口・審査,,,`, 'no-such-person,窓口,,,', `${b.loginId},市長,2025-13-01,,`].join('\n');
    const rejected = await admin.request('POST', '/api/v1/staff-bulk-maintenance', { mode: 'run', csv: bad });
    expect(rejected.status).toBe(422);
    const body = await json<{ code: string; rows: Array<{ line: number; problems: string[] }> }>(rejected);
    expect(body.code).toBe('staff-bulk-rejected');
    expect(body.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(body.rows[1]!.problems.join()).toMatch(/役割が正しくありません（市長）.*有効期間開始日が正しい日付ではありません/);
    expect((await rolesOf(a.staffId)).roles).toEqual(['counter']);
    expect((await admin.request('POST', '/api/v1/staff-bulk-maintenance', { mode: 'trial', csv: 'loginId,roles\nx,y' })).status).toBe(400);

    const run = await admin.request('POST', '/api/v1/staff-bulk-maintenance', { mode: 'run', csv: good });
    expect(run.status).toBe(200);
    expect((await rolesOf(a.staffId)).roles.sort()).toEqual(['counter', 'reviewer']);
    expect(String((await rolesOf(a.staffId)).validTo)).not.toBe('null');
    expect((await rolesOf(b.staffId)).roles).toEqual(['counter']);
    expect((await changes(b.staffId)).map((c) => c.roles)).toEqual([['approver']]);
    const again = await json<{ rows: Array<{ action: string }> }>(await admin.request('POST', '/api/v1/staff-bulk-maintenance', { mode: 'run', csv: good }));
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'booked']);
    expect(await changes(b.staffId)).toHaveLength(1);

    const clerk = await t.login(M, a.loginId);
    expect((await clerk.request('POST', '/api/v1/staff-bulk-maintenance', { mode: 'trial', csv: good })).status).toBe(403);
  });
});
