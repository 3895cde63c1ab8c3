// SPDX-License-Identifier: EUPL-1.2
/** SQL of the job queue (cases.job): enqueue idempotently, claim with FOR UPDATE SKIP LOCKED, finish or retry. */
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** Creates the job repository. */
export function createJobRepository() {
  return {
    /** Municipalities onboarded (platform reference data, readable without a tenant). */
    tenantCodes: async (trx: TenantTx) => (await trx.selectFrom('platform.tenant').select('municipalityCode').orderBy('municipalityCode').execute()).map((r) => r.municipalityCode),
    /** Adds a job unless one with the key exists; true when added. */
    enqueue: async (trx: TenantTx, m: string, j: { jobId: string; task: string; jobKey: string; payload: unknown; runAt: Date; maxAttempts?: number }) =>
      Number((await trx.insertInto('cases.job').values({ municipalityCode: m, jobId: j.jobId, task: j.task, jobKey: j.jobKey, payload: JSON.stringify(j.payload),
        runAt: j.runAt, maxAttempts: j.maxAttempts ?? 5 }).onConflict((oc) => oc.doNothing()).returning('municipalityCode').execute()).length) > 0,
    /** Claims the oldest due job no other worker holds (row lock until the transaction ends). */
    claim: (trx: TenantTx, now: Date) => trx.selectFrom('cases.job').select(['jobId', 'task', 'payload', 'attempts', 'maxAttempts'])
      .where('municipalityCode', '=', TENANT).where('doneAt', 'is', null).where('runAt', '<=', now).where(sql<boolean>`attempts < max_attempts`)
      .orderBy('runAt').limit(1).forUpdate().skipLocked().executeTakeFirst(),
    finish: (trx: TenantTx, jobId: string, at: Date) => trx.updateTable('cases.job').set((eb) => ({ doneAt: at, attempts: eb('attempts', '+', 1) }))
      .where('municipalityCode', '=', TENANT).where('jobId', '=', jobId).execute(),
    retryLater: (trx: TenantTx, jobId: string, runAt: Date, error: string) => trx.updateTable('cases.job').set((eb) => ({ runAt, lastError: error, attempts: eb('attempts', '+', 1) }))
      .where('municipalityCode', '=', TENANT).where('jobId', '=', jobId).execute(),
    /** Counts of pending, done and dead jobs (for tests and the operator). */
    stats: async (trx: TenantTx) => (await sql<{ pending: number; done: number; dead: number }>`
      SELECT count(*) FILTER (WHERE done_at IS NULL AND attempts < max_attempts)::int AS pending, count(*) FILTER (WHERE done_at IS NOT NULL)::int AS done,
        count(*) FILTER (WHERE done_at IS NULL AND attempts >= max_attempts)::int AS dead
      FROM cases.job WHERE municipality_code = ${TENANT}`.execute(trx)).rows[0]!,
    find: (trx: TenantTx, jobKey: string) => trx.selectFrom('cases.job').selectAll().where('municipalityCode', '=', TENANT).where('jobKey', '=', jobKey).executeTakeFirst(),
  };
}

export type JobRepository = ReturnType<typeof createJobRepository>;
