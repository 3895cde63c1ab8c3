// SPDX-License-Identifier: EUPL-1.2
/**
 * On a PostgreSQL server, graphile-worker (0.16) drives the case jobs: its crontab runs `cases_tick` every minute
 * on exactly one of the application's processes (graphile-worker's own locking and cron backfill), and any
 * process may add `cases_tick` to have due jobs run now. The jobs themselves stay in cases.job, written in the
 * same tenant transaction as their case (row-level security, exactly-once with the case); `cases_tick` enqueues
 * the day's deadline alerts and drains what is due. On PGlite the same tick runs on a timer in process.
 */
import type { Runner } from 'graphile-worker';

/** Starts graphile-worker on the owner's connection (it installs its schema `graphile_worker` on first start). */
export async function startGraphileRunner(connectionString: string, tick: () => Promise<unknown>, opts: { concurrency?: number; onError?: (err: unknown) => void } = {}): Promise<Runner> {
  // Loaded only on a server, so that the CLI and PGlite start without it.
  const { Logger, run } = await import('graphile-worker');
  const quiet = new Logger(() => (level: string, message: string) => { if (level === 'error') opts.onError?.(new Error(message)); });
  return run({
    connectionString, concurrency: opts.concurrency ?? 2, noHandleSignals: true, pollInterval: 2000, logger: quiet,
    taskList: { cases_tick: async () => { await tick(); } },
    crontab: '* * * * * cases_tick ?max=3',
  });
}

/** Asks the worker to run due case jobs now (e.g. after a bulk import of applications). */
export async function requestTick(connectionString: string): Promise<void> {
  const { quickAddJob } = await import('graphile-worker');
  await quickAddJob({ connectionString }, 'cases_tick', {}, { jobKey: 'cases_tick', jobKeyMode: 'replace' });
}
