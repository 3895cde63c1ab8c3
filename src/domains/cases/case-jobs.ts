// SPDX-License-Identifier: EUPL-1.2
/**
 * The job queue of cases on PostgreSQL (automatic review, deadline alerts): jobs are rows of cases.job written in
 * the same transaction as the case (a job exists exactly when its case does), claimed with FOR UPDATE SKIP LOCKED
 * so that any number of workers can share the queue, run in the claiming transaction (a job's writes and its
 * completion commit together: exactly once), and retried with exponential backoff when they fail. The same
 * runner works on PGlite (in process) and on a server; on a server graphile-worker drives it (graphile-runner.ts).
 */
import crypto from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { inSavepoint, withPlatform, withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { JobRepository } from './case-jobs.repository.ts';

/** A job handler: runs in the claiming tenant transaction; throwing makes the job retry later. */
export type JobHandler = (trx: TenantTx, m: string, payload: Record<string, unknown>, job: { jobId: string; attempt: number }) => Promise<void>;

/** Creates the runner over the handlers. */
export function createJobRunner(deps: { db: Database; clock: Clock; jobs: JobRepository; handlers: Record<string, JobHandler>; onError?: (task: string, err: unknown) => void }) {
  const { db, clock, jobs, handlers } = deps;
  let kicked: Promise<number> | null = null;
  /** Municipalities asked for since the running drain started ('*' for every one). */
  const pending = new Set<string>();
  let autoKick = true;

  /** Runs one due job of the municipality; false when none was due. */
  async function runOne(m: string): Promise<boolean> {
    return withTenant(db, m, async (trx) => {
      const job = await jobs.claim(trx, clock.now());
      if (!job) return false;
      const handler = handlers[job.task];
      try {
        if (!handler) throw new Error(`unknown task ${job.task}`);
        await inSavepoint(trx, 'case_job', () => handler(trx, m, (typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload) as Record<string, unknown>,
          { jobId: job.jobId, attempt: job.attempts + 1 }));
        await jobs.finish(trx, job.jobId, clock.now());
      } catch (err) {
        // Backoff 2^attempt seconds (2 s, 4 s, 8 s, …); the error's code or name only, never personal data.
        const delay = 1000 * 2 ** (job.attempts + 1);
        const e = err as { code?: string; name?: string };
        await jobs.retryLater(trx, job.jobId, new Date(clock.now().getTime() + delay), String(e.code ?? e.name ?? 'Error'));
        deps.onError?.(job.task, err);
      }
      return true;
    });
  }

  const runner = {
    /** Adds a job in the caller's transaction; the key makes it idempotent (the same key is added once). */
    enqueue(trx: TenantTx, m: string, task: string, jobKey: string, payload: Record<string, unknown>, runAt?: Date) {
      return jobs.enqueue(trx, m, { jobId: crypto.randomUUID(), task, jobKey, payload, runAt: runAt ?? clock.now() });
    },

    /** Runs due jobs of every municipality (or one) until none is due or `max` ran; returns how many ran. */
    async drain(opts: { municipalityCode?: string; max?: number } = {}): Promise<number> {
      const codes = opts.municipalityCode ? [opts.municipalityCode] : await withPlatform(db, (trx) => jobs.tenantCodes(trx));
      const max = opts.max ?? 10_000;
      let ran = 0;
      for (const m of codes) {
        while (ran < max && (await runOne(m))) ran++;
      }
      return ran;
    },

    /**
     * Asks for a drain soon (after the caller's commit) of one municipality, or of every one without `m` (the timer);
     * concurrent kicks share one drain.
     */
    kick(m?: string): Promise<number> {
      if (!autoKick) return Promise.resolve(0);
      pending.add(m ?? '*');
      if (kicked) return kicked;
      kicked = (async () => {
        let total = 0;
        while (pending.size > 0) {
          const asked = [...pending];
          pending.clear();
          if (asked.includes('*')) total += await runner.drain();
          else for (const code of asked) total += await runner.drain({ municipalityCode: code });
        }
        return total;
      })().finally(() => { kicked = null; });
      return kicked;
    },

    /** Turns the drain after each commit on or off (the bench measures submissions and reviews apart). */
    setAutoKick(on: boolean) { autoKick = on; },

    /** Waits for a running kick, then drains what is due (tests, the bench, the operator). */
    async settle(opts: { municipalityCode?: string } = {}): Promise<number> {
      let ran = 0;
      while (kicked) ran += await kicked.catch(() => 0);
      return ran + await runner.drain(opts);
    },

    /** Polls every `intervalMs` (timers and retries); returns a stop function. */
    start(intervalMs = 5000) {
      const timer = setInterval(() => { void runner.kick().catch((err) => deps.onError?.('drain', err)); }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return runner;
}

export type JobRunner = ReturnType<typeof createJobRunner>;
