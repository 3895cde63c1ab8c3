// Analysis output of the access log (issue #13, spec §10.2): per operator × operation, persons, after-hours entries
// and flags, as JSON and CSV, for administrators only; a bad period is refused with a code.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { createAccessLogRepository } from '../../platform/audit/access-log.repository.ts';

const M = '202151';

describe('access-log analysis', () => {
  const t = useTestApp();
  let admin: Client, counter: Client;
  const log = createAccessLogRepository();

  beforeAll(async () => {
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    // 150 person reads by one operator at 23:30 Japan time on a weekday (14:30 UTC), and one refused read by day.
    await withTenant(t.services.db, M, async (trx) => {
      await log.appendMany(trx, M, Array.from({ length: 150 }, (_, i) => ({ actorType: 'operator' as const, actorId: 'night-owl', action: 'registry.person.read', subjectType: 'person', subjectId: `p${i}` })));
      await log.append(trx, M, { actorType: 'operator', actorId: 'day-clerk', action: 'registry.person.read', subjectType: 'person', subjectId: 'p1', outcome: 'denied' });
    });
  });

  it('counts per operator and operation with persons, after-hours and refused entries, and flags them', async () => {
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const res = await admin.request('GET', `/api/v1/access-log-analysis?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ actorId: string; action: string; entries: number; persons: number; afterHours: number; refused: number; flags: string[] }> };
    const owl = items.find((r) => r.actorId === 'night-owl')!;
    expect(owl).toMatchObject({ action: 'registry.person.read', entries: 150, persons: 150, refused: 0 });
    expect(owl.flags).toContain('many-persons');
    // Entries are stamped now: after hours exactly when now is outside 8:00–19:00 Japan time or on a weekend.
    const jst = new Date(Date.now() + 9 * 3600_000);
    const outside = jst.getUTCDay() === 0 || jst.getUTCDay() === 6 || jst.getUTCHours() < 8 || jst.getUTCHours() >= 19;
    expect(owl.afterHours).toBe(outside ? 150 : 0);
    expect(items.find((r) => r.actorId === 'day-clerk')).toMatchObject({ entries: 1, refused: 1, flags: expect.arrayContaining(['refused']) });
    const csv = await admin.request('GET', `/api/v1/access-log-analysis?from=${today}&to=${today}&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('操作者種別,操作者ID,操作者名,操作,件数,対象者数,時間外件数,拒否件数,注意');
    expect(text).toMatch(/operator,night-owl,,registry\.person\.read,150,150,\d+,0,(時間外・)?大量照会/);
    // The analysis is itself logged; a day with no entries gives none.
    const logged = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = 'access-log.analyse'`.execute(t.services.db.owner)).rows[0]!.n;
    expect(logged).toBe(2);
    expect(((await (await admin.request('GET', '/api/v1/access-log-analysis?from=2001-01-01&to=2001-01-02')).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses other roles and a bad period', async () => {
    expect((await counter.request('GET', '/api/v1/access-log-analysis?from=2026-01-01&to=2026-01-02')).status).toBe(403);
    const bad = await admin.request('GET', '/api/v1/access-log-analysis?from=2026-02-01&to=2026-01-01');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { code: string }).code).toBe('analysis-period-invalid');
    expect((await admin.request('GET', '/api/v1/access-log-analysis?from=2026-02-30&to=2026-03-01')).status).toBe(400);
  });
});
