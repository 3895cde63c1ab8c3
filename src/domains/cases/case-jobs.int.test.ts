// The job queue on PostgreSQL (PGlite and a server): idempotent enqueue, retries with backoff, a job's writes and
// its completion commit together, and parallel workers never run a job twice (FOR UPDATE SKIP LOCKED).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-database.ts';
import type { Database } from '../../platform/db/database.ts';
import { createTenantRepository, createTenantService } from '../tenants/index.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { createJobRepository } from './case-jobs.repository.ts';
import { createJobRunner, type JobHandler } from './case-jobs.ts';

const M = '202151';

describe('job queue', () => {
  let db: Database & { drop(): Promise<void> };
  let now = new Date('2026-12-03T01:00:00Z');
  const clock = { now: () => new Date(now) };
  const repo = createJobRepository();
  const ran: string[] = [];
  let failuresLeft = 0;
  const handlers: Record<string, JobHandler> = {
    note: async (trx, m, payload) => {
      ran.push(String(payload.n));
      // A job's own write: a closure day stands for "the effect".
      await trx.insertInto('cases.closureDay').values({ municipalityCode: m, day: String(payload.day), label: 'job' }).execute();
      if (failuresLeft > 0) { failuresLeft--; throw Object.assign(new Error('flaky'), { code: 'flaky' }); }
    },
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    const tenants = createTenantService({ db, tenants: createTenantRepository() });
    await tenants.loadReferenceData();
    await tenants.onboard(M);
  });
  afterAll(async () => db.drop());

  it('adds a job once per key', async () => {
    const runner = createJobRunner({ db, clock, jobs: repo, handlers });
    const added = await withTenant(db, M, async (trx) => [
      await runner.enqueue(trx, M, 'note', 'k:1', { n: 1, day: '2030-01-07' }), await runner.enqueue(trx, M, 'note', 'k:1', { n: 1, day: '2030-01-07' })]);
    expect(added).toEqual([true, false]);
    expect(await runner.drain()).toBe(1);
    expect(ran).toEqual(['1']);
    expect(await withTenant(db, M, (trx) => repo.stats(trx))).toMatchObject({ pending: 0, done: 1 });
  });

  it('retries a failing job later with backoff, rolling back its writes each time', async () => {
    const runner = createJobRunner({ db, clock, jobs: repo, handlers });
    failuresLeft = 2;
    await withTenant(db, M, (trx) => runner.enqueue(trx, M, 'note', 'k:2', { n: 2, day: '2030-01-08' }));
    expect(await runner.drain()).toBe(1);
    // Not due again before the backoff (2 s).
    expect(await runner.drain()).toBe(0);
    now = new Date(now.getTime() + 2_500);
    expect(await runner.drain()).toBe(1);
    now = new Date(now.getTime() + 4_500);
    expect(await runner.drain()).toBe(1);
    const job = await withTenant(db, M, (trx) => repo.find(trx, 'k:2'));
    expect(job).toMatchObject({ attempts: 3, lastError: 'flaky' });
    expect(job!.doneAt).not.toBeNull();
    const days = await withTenant(db, M, (trx) => trx.selectFrom('cases.closureDay').select('day').where('day', '=', '2030-01-08').execute());
    expect(days).toHaveLength(1);
  });

  // PGlite has one connection, so its transactions never overlap: only a server exercises SKIP LOCKED.
  it.skipIf(!process.env.DATABASE_URL)('never runs a job twice when workers drain in parallel', async () => {
    const runners = [0, 1, 2, 3].map(() => createJobRunner({ db, clock, jobs: repo, handlers }));
    await withTenant(db, M, async (trx) => {
      for (let i = 0; i < 40; i++) await runners[0]!.enqueue(trx, M, 'note', `p:${i}`, { n: `p${i}`, day: `2032-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` });
    });
    ran.length = 0;
    const counts = await Promise.all(runners.map((r) => r.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(new Set(ran).size).toBe(40);
    expect(ran).toHaveLength(40);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases.job WHERE municipality_code = ${M} AND done_at IS NULL`.execute(db.owner);
    expect(n.rows[0]!.n).toBe(0);
  });
});
