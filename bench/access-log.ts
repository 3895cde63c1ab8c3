// SPDX-License-Identifier: EUPL-1.2
/**
 * Audited transactions per second for ONE municipality, with N concurrent connections (issue #15, throughput
 * ceilings). Each transaction is what an audited request does in the database: open the tenant transaction,
 * read a row, append an access-log entry, commit. Three runs in the same process:
 *   - no access-log entry (the ceiling of the rest),
 *   - one chain per municipality (`jichi.audit_chains = 1`: the design before migration 0009),
 *   - several chains (the default, 16).
 *
 *   DATABASE_URL=postgres://… npx tsx bench/access-log.ts [--seconds 10] [--connections 16]
 *   npx tsx bench/access-log.ts      (PGlite: one connection, so the chains cannot matter; for completeness)
 */
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/services.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const seconds = arg('seconds', 10);
const connections = arg('connections', 16);

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: connections });
await migrate(db);
const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
await services.tenants.loadReferenceData();
const CODE = '202151';
if (!(await services.tenants.isOnboarded(CODE))) await services.tenants.onboard(CODE);

type Mode = 'none' | 'one-chain' | 'chains';

/** Runs `connections` loops of transactions for `seconds`; returns transactions/s and latency percentiles. */
async function run(mode: Mode) {
  const until = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(Array.from({ length: connections }, async (_, worker) => {
    while (Date.now() < until) {
      const t0 = performance.now();
      try {
        await withTenant(db, CODE, async (trx) => {
          if (mode === 'one-chain') await sql`SELECT set_config('jichi.audit_chains', '1', true)`.execute(trx);
          await trx.selectFrom('platform.staff').select('staffId').limit(1).execute();
          if (mode !== 'none') await services.accessLog.append(trx, CODE, { actorType: 'system', actorId: `bench-${worker}`, action: 'bench.read', subjectType: 'bench', subjectId: String(worker) });
        });
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { tps: latencies.length / seconds, p50: q(0.5), p99: q(0.99), errors };
}

console.log(`database: ${db.describe}; ${connections} connections, ${seconds} s per run; one municipality; node ${process.version}`);
const results: Record<Mode, Awaited<ReturnType<typeof run>>> = { none: await run('none'), 'one-chain': await run('one-chain'), chains: await run('chains') };
const label: Record<Mode, string> = { none: 'no access-log entry', 'one-chain': 'audited, one chain (before)', chains: 'audited, several chains (now)' };
for (const m of ['none', 'one-chain', 'chains'] as Mode[]) {
  const r = results[m];
  console.log(`${label[m].padEnd(32)} ${r.tps.toFixed(0).padStart(7)} tx/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}`);
}
console.log(`ratio several chains / one chain: ${(results.chains.tps / results['one-chain'].tps).toFixed(2)}x; several chains / no entry: ${(results.chains.tps / results.none.tps).toFixed(2)}`);
const report = await services.audit.verify();
console.log(`access log: ${report.entries} entries in ${report.heads.length} chains, ${report.breaks.length === 0 ? 'every chain intact' : `BROKEN (${report.breaks.length})`}`);
await db.close();
process.exit(report.breaks.length === 0 ? 0 : 1);
