// SPDX-License-Identifier: EUPL-1.2
/**
 * Periodic work of every domain (case deadlines and reviews, purges, access-log checkpoints) on one scheduler.
 * On a PostgreSQL server graphile-worker runs each task from its crontab on exactly one of the application's
 * processes (its own locking and cron backfill) and retries a failed run; on PGlite, where nothing else can
 * connect, the same tasks run on timers in this process. A task must be idempotent: a run may repeat.
 */
import type { Runner } from 'graphile-worker';

/** One periodic task. */
export interface PeriodicTask {
  /** graphile-worker task name: lower case, digits and underscores. */
  name: string;
  /** crontab schedule in UTC (minute hour day month weekday), on a server. */
  cron: string;
  /** Interval of the in-process timer on PGlite, in milliseconds. */
  everyMs: number;
  run(): Promise<unknown>;
}

/** A running scheduler. */
export interface Scheduler {
  /** Runs a task now (on a server: queued for whichever process picks it up first). */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

const NAME = /^[a-z][a-z0-9_]*$/;

/** Starts the tasks: graphile-worker with `databaseUrl` (the owner's URL), timers without. */
export async function startScheduler(tasks: PeriodicTask[], opts: { databaseUrl?: string; onError: (task: string, err: unknown) => void }): Promise<Scheduler> {
  for (const t of tasks) if (!NAME.test(t.name)) throw new Error(`bad task name: ${t.name}`);
  const byName = new Map(tasks.map((t) => [t.name, t]));
  if (opts.databaseUrl) return startGraphile(tasks, opts.databaseUrl, opts.onError);
  const running = new Set<string>();
  const once = async (t: PeriodicTask) => {
    if (running.has(t.name)) return; // a slow run is not overtaken by the next tick
    running.add(t.name);
    try { await t.run(); } catch (err) { opts.onError(t.name, err); } finally { running.delete(t.name); }
  };
  const timers = tasks.map((t) => { const h = setInterval(() => { void once(t); }, t.everyMs); h.unref(); return h; });
  return {
    async runNow(name) { const t = byName.get(name); if (!t) throw new Error(`unknown task: ${name}`); await once(t); },
    async stop() { for (const h of timers) clearInterval(h); },
  };
}

async function startGraphile(tasks: PeriodicTask[], connectionString: string, onError: (task: string, err: unknown) => void): Promise<Scheduler> {
  // Loaded only on a server, so that the CLI and PGlite start without it.
  const { Logger, run, quickAddJob } = await import('graphile-worker');
  const quiet = new Logger(() => (level: string, message: string) => { if (level === 'error') onError('graphile-worker', new Error(message)); });
  // Our own pool, so that a connection the server ends (restart, network) is logged, never an unhandled 'error'
  // event that would end the process (issue #15, test/fault-database-outage.int.test.ts); graphile-worker reconnects.
  const { default: pg } = await import('pg');
  const pgPool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: 10_000 });
  const lost = (err: Error) => onError('graphile-worker', err);
  pgPool.on('error', lost);
  pgPool.on('connect', (client) => { client.on('error', lost); });
  const runner: Runner = await run({
    pgPool, concurrency: 2, noHandleSignals: true, pollInterval: 2000, logger: quiet,
    taskList: Object.fromEntries(tasks.map((t) => [t.name, async () => {
      try { await t.run(); } catch (err) { onError(t.name, err); throw err; }
    }])),
    crontab: tasks.map((t) => `${t.cron} ${t.name} ?max=3`).join('\n'),
  });
  return {
    async runNow(name) {
      if (!tasks.some((t) => t.name === name)) throw new Error(`unknown task: ${name}`);
      await quickAddJob({ pgPool }, name, {}, { jobKey: name, jobKeyMode: 'replace' });
    },
    async stop() {
      await runner.stop();
      await pgPool.end();
    },
  };
}
