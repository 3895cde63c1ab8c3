// SPDX-License-Identifier: EUPL-1.2
// Issue #15 (throughput): the access log no longer serialises a municipality's audited requests on one lock.
// Concurrent transactions take different chains; each chain stays gap-free and linked; `audit verify` proves all.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp } from './test-app.ts';

const M = '202151';
const server = !!process.env.DATABASE_URL;

describe('access log, several chains per municipality', () => {
  const t = useTestApp();
  const entry = (id: string) => ({ actorType: 'system' as const, actorId: 'chains-test', action: 'registry.person.read', subjectType: 'person', subjectId: id });
  const rowsOf = (ids: string[]) => t.services.db.owner.selectFrom('audit.accessLog').select(['subjectId', 'chain', 'chainSeq', 'seq'])
    .where('actorId', '=', 'chains-test').where('subjectId', 'in', ids).orderBy('seq').execute();

  it.runIf(server)('gives transactions that overlap in time a chain each, so none waits for another', async () => {
    await t.tenant(M);
    const ids = Array.from({ length: 6 }, (_, i) => `overlap-${i}`);
    // Each transaction appends, then holds its chain for 400 ms: with one chain each would wait for the one before.
    await Promise.all(ids.map((id) => withTenant(t.services.db, M, async (trx) => {
      await t.services.accessLog.append(trx, M, entry(id));
      await sql`SELECT pg_sleep(0.4)`.execute(trx);
    })));
    const rows = await rowsOf(ids);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.chain)).size).toBe(6);
    expect((await t.services.audit.verify()).breaks).toEqual([]);
  });

  it('keeps one chain per transaction, however many entries it appends', async () => {
    await t.tenant(M);
    const ids = ['one-a', 'one-b', 'one-c', 'one-d'];
    await withTenant(t.services.db, M, async (trx) => {
      for (const id of ids.slice(0, 2)) await t.services.accessLog.append(trx, M, entry(id));
      await t.services.accessLog.appendMany(trx, M, ids.slice(2).map(entry));
    });
    const rows = await rowsOf(ids);
    expect(new Set(rows.map((r) => r.chain)).size).toBe(1);
    expect(rows.map((r) => Number(r.chainSeq) - Number(rows[0]!.chainSeq))).toEqual([0, 1, 2, 3]);
  });

  it('chains a transaction\'s many entries to each other, also across a rolled-back savepoint', async () => {
    await t.tenant(M);
    const kept = Array.from({ length: 1500 }, (_, i) => `many-${i}`);
    await withTenant(t.services.db, M, async (trx) => {
      await t.services.accessLog.appendMany(trx, M, kept.slice(0, 700).map(entry));
      // Entries of a savepoint that is rolled back leave no trace, and the next entry links to the last one kept.
      await sql`SAVEPOINT sp`.execute(trx);
      await t.services.accessLog.appendMany(trx, M, ['gone-1', 'gone-2', 'gone-3'].map(entry));
      await sql`ROLLBACK TO SAVEPOINT sp`.execute(trx);
      await t.services.accessLog.appendMany(trx, M, kept.slice(700).map(entry));
    });
    const rows = await rowsOf(kept);
    expect(rows).toHaveLength(1500);
    expect(new Set(rows.map((r) => r.chain)).size).toBe(1);
    const seqs = rows.map((r) => Number(r.chainSeq));
    seqs.forEach((s, i) => expect(s).toBe(seqs[0]! + i)); // gap-free: the rolled-back entries left no hole
    expect(await rowsOf(['gone-1', 'gone-2', 'gone-3'])).toHaveLength(0);
    expect((await t.services.audit.verify()).breaks).toEqual([]);
  });

  it('falls back to one chain (waiting for each other) when told jichi.audit_chains = 1', async () => {
    await t.tenant(M);
    const ids = Array.from({ length: 4 }, (_, i) => `single-${i}`);
    await Promise.all(ids.map((id) => withTenant(t.services.db, M, async (trx) => {
      await sql`SELECT set_config('jichi.audit_chains', '1', true)`.execute(trx);
      await t.services.accessLog.append(trx, M, entry(id));
    })));
    expect((await rowsOf(ids)).map((r) => r.chain)).toEqual([0, 0, 0, 0]);
    expect((await t.services.audit.verify()).breaks).toEqual([]);
  });

  it('moves the insertion order past entries restored from elsewhere, so a restored municipality keeps logging', async () => {
    await t.tenant(M);
    // As after a restore into an installation whose sequence is behind: the municipality's entries reach far ahead.
    await t.services.db.runScript(`SELECT setval('audit.access_log_seq', 1, false)`);
    await withTenant(t.services.db, M, (trx) => t.services.accessLog.append(trx, M, entry('after-restore')));
    const [row] = await rowsOf(['after-restore']);
    const top = await t.services.db.owner.selectFrom('audit.accessLog').select((eb) => eb.fn.max('seq').as('top')).where('municipalityCode', '=', M).executeTakeFirstOrThrow();
    expect(Number(row!.seq)).toBe(Number(top.top));
    expect((await t.services.audit.verify()).breaks).toEqual([]);
  });
});
