// Isolation between municipalities: through the API, and at the database itself.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp } from './test-app.ts';

const SHIOJIRI = '202151';
const MATSUMOTO = '202029';

describe('tenant isolation', () => {
  const t = useTestApp();

  it('does not let an administrator of one municipality read or change another municipality\'s staff', async () => {
    const a = await t.staff(SHIOJIRI, ['admin']);
    const b = await t.staff(MATSUMOTO, ['admin']);
    const adminA = await t.login(SHIOJIRI, a.loginId);

    const list = await adminA.request('GET', '/api/v1/staff');
    expect(list.status).toBe(200);
    const ids = ((await list.json()) as { items: Array<{ staffId: string }> }).items.map((s) => s.staffId);
    expect(ids).toContain(a.staffId);
    expect(ids).not.toContain(b.staffId);

    const read = await adminA.request('GET', `/api/v1/staff/${b.staffId}`);
    expect(read.status).toBe(404);
    expect(((await read.json()) as { code: string }).code).toBe('not-found');
  });

  it('does not accept a session cookie re-labelled with another municipality code', async () => {
    const a = await t.staff(SHIOJIRI, ['admin']);
    const res = await t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: SHIOJIRI, loginId: a.loginId, password: 'correct-horse-battery-staple' });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const forged = cookie.replace(`=${SHIOJIRI}.`, `=${MATSUMOTO}.`);
    await t.tenant(MATSUMOTO);
    const me = await t.app.request('/api/v1/sessions/current', { headers: { cookie: forged } });
    expect(me.status).toBe(401);
  });

  it('returns no tenant rows to a query that forgot the tenant setting', async () => {
    await t.staff(SHIOJIRI, ['counter']);
    const db = t.services.db;
    const rows = await db.app.transaction().execute(async (trx) => {
      await sql`SELECT set_config('role', 'jichi_app', true)`.execute(trx);
      return trx.selectFrom('platform.staff').select('staffId').execute();
    });
    expect(rows).toEqual([]);
    const sessions = await db.app.transaction().execute(async (trx) => {
      await sql`SELECT set_config('role', 'jichi_app', true)`.execute(trx);
      return trx.selectFrom('audit.accessLog').select('seq').execute();
    });
    expect(sessions).toEqual([]);
  });

  it('filters by the municipality of the transaction even without a where clause', async () => {
    await t.staff(SHIOJIRI, ['counter']);
    await t.staff(MATSUMOTO, ['counter']);
    const codes = await withTenant(t.services.db, MATSUMOTO, (trx) => trx.selectFrom('platform.staff').select('municipalityCode').execute());
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes.map((c) => c.municipalityCode))).toEqual(new Set([MATSUMOTO]));
  });

  it('refuses to write a row for another municipality inside a tenant transaction', async () => {
    await t.tenant(MATSUMOTO);
    await expect(withTenant(t.services.db, SHIOJIRI, (trx) => trx.insertInto('platform.staff').values({
      municipalityCode: MATSUMOTO, staffId: crypto.randomUUID(), loginId: 'intruder', displayName: 'x', roles: ['admin'], passwordHash: null, oidcSubject: null,
    }).execute())).rejects.toThrow(/row-level security/);
    const count = await withTenant(t.services.db, MATSUMOTO, (trx) => trx.selectFrom('platform.staff').select('loginId').where('loginId', '=', 'intruder').execute());
    expect(count).toEqual([]);
  });

  it('runs application transactions as a role that owns nothing and cannot bypass row-level security', async () => {
    const role = await withTenant(t.services.db, SHIOJIRI, async (trx) => (await sql<{ user: string; bypass: boolean; superuser: boolean; owns: number }>`
      SELECT current_user AS user, r.rolbypassrls AS bypass, r.rolsuper AS superuser,
        (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
      FROM pg_roles r WHERE r.rolname = current_user`.execute(trx)).rows[0]);
    expect(role).toEqual({ user: 'jichi_app', bypass: false, superuser: false, owns: 0 });
  });

  it('does not let the application role turn row-level security off', async () => {
    await expect(withTenant(t.services.db, SHIOJIRI, async (trx) => {
      await sql`ALTER TABLE platform.staff NO FORCE ROW LEVEL SECURITY`.execute(trx);
    })).rejects.toThrow(/owner|permission/);
  });
});
