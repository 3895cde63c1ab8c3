// The access log: reads are recorded, the application role cannot change it, and tampering is detected.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp } from './test-app.ts';

const CODE = '202151';
const OTHER = '202029';

describe('access log', () => {
  const t = useTestApp();

  it('records who read which record, from where, with the request id', async () => {
    const admin = await t.staff(CODE, ['admin']);
    const target = await t.staff(CODE, ['counter']);
    const client = await t.login(CODE, admin.loginId);
    const res = await client.request('GET', `/api/v1/staff/${target.staffId}`);
    const entries = (await (await client.request('GET', `/api/v1/access-log-entries?subjectId=${target.staffId}`)).json()) as { items: Array<Record<string, unknown>> };
    const read = entries.items.find((e) => e.action === 'staff.read');
    expect(read).toMatchObject({ actorType: 'staff', actorId: admin.staffId, subjectType: 'staff', subjectId: target.staffId, requestId: res.headers.get('x-request-id'), outcome: 'ok' });
  });

  it('lets the application role insert but never update or delete entries', async () => {
    await t.staff(CODE, ['counter']);
    const db = t.services.db;
    await expect(withTenant(db, CODE, (trx) => trx.updateTable('audit.accessLog').set({ action: 'x' }).execute())).rejects.toThrow();
    await expect(withTenant(db, CODE, (trx) => trx.deleteFrom('audit.accessLog').execute())).rejects.toThrow();
    await expect(withTenant(db, CODE, (trx) => sql`TRUNCATE audit.access_log`.execute(trx))).rejects.toThrow();
  });

  it('refuses updates even from the table owner', async () => {
    await expect(t.services.db.owner.updateTable('audit.accessLog').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
  });

  it('chains entries per municipality and verifies the chain', async () => {
    await t.staff(OTHER, ['counter']);
    const report = await t.services.audit.verify();
    expect(report.breaks).toEqual([]);
    expect(report.municipalities).toBeGreaterThanOrEqual(2);
    // Several chains per municipality (migration 0009): each gap-free and linked, and one transaction keeps its chain.
    const rows = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('audit.accessLog').select(['chain', 'chainSeq', 'prevHash', 'hash']).orderBy('chain').orderBy('chainSeq').execute());
    const byChain = new Map<number, typeof rows>();
    for (const r of rows) byChain.set(r.chain, [...(byChain.get(r.chain) ?? []), r]);
    for (const entries of byChain.values()) {
      expect(entries.map((e) => Number(e.chainSeq))).toEqual(entries.map((_, i) => i + 1));
      expect(entries[0]!.prevHash).toBe('0'.repeat(64));
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    }
  });

  it('detects an entry altered behind the application\'s back', async () => {
    const db = t.services.db;
    await db.owner.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only`.execute(trx);
      await sql`UPDATE audit.access_log SET subject_id = 'forged' WHERE municipality_code = ${CODE} AND seq = (SELECT min(seq) FROM audit.access_log WHERE municipality_code = ${CODE})`.execute(trx);
      await sql`ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only`.execute(trx);
    });
    const first = await db.owner.selectFrom('audit.accessLog').select(['chain', 'chainSeq']).where('municipalityCode', '=', CODE).orderBy('seq').executeTakeFirstOrThrow();
    const report = await t.services.audit.verify();
    expect(report.breaks).toContainEqual({ municipalityCode: CODE, chain: first.chain, seq: Number(first.chainSeq), reason: 'hash-mismatch' });
  });

  it('shows the access log only to administrators', async () => {
    const clerk = await t.login(CODE, (await t.staff(CODE, ['counter'])).loginId);
    expect((await clerk.request('GET', '/api/v1/access-log-entries')).status).toBe(403);
  });
});

describe('access log, several entries in one statement', () => {
  const t = useTestApp();
  it('chains a multi-row append in the given order', async () => {
    await t.tenant(CODE);
    await withTenant(t.services.db, CODE, (trx) => t.services.accessLog.appendMany(trx, CODE,
      ['a', 'b', 'c'].map((id) => ({ actorType: 'system' as const, actorId: 'test', action: 'registry.person.search', subjectType: 'person', subjectId: id }))));
    const rows = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('audit.accessLog').select(['seq', 'chain', 'chainSeq', 'subjectId']).where('actorId', '=', 'test').where('action', '=', 'registry.person.search').orderBy('seq').execute());
    expect(rows.map((r) => r.subjectId)).toEqual(['a', 'b', 'c']);
    // One transaction, one chain, consecutive positions.
    expect(new Set(rows.map((r) => r.chain)).size).toBe(1);
    expect(rows.map((r) => Number(r.chainSeq) - Number(rows[0]!.chainSeq))).toEqual([0, 1, 2]);
    expect((await t.services.audit.verify()).breaks).toEqual([]);
  });
});
