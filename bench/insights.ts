// SPDX-License-Identifier: EUPL-1.2
/**
 * Insights at national scale (issue #12): generates one year of cases, events, decisions, counter tickets and 転入
 * traces for the 1,741 municipalities (deterministic by seed), runs the daily refresh of the aggregates and the
 * full one, then times every chart's query of the dashboard and the process maps for sampled municipalities
 * (p50/p95), against a baseline measured in the same process: a bare tenant transaction with one primary-key read.
 *
 *   DATABASE_URL=postgres://…/jichi_bench_insights npx tsx bench/insights.ts [--per-thousand 3] [--municipalities 1741]
 *     [--days 365] [--samples 40] [--seed bench] [--reuse]
 *
 * --per-thousand: closed cases a year per 1,000 residents (the demo's realistic figure is 30, capped at 4,000 a
 * municipality; the default 3 scales events down tenfold for a 2-core machine, see the printed extrapolation).
 * --reuse: time an already generated database (no generation).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/services.ts';
import { japanDay } from '../src/platform/dates/jp-date.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import type { Actor } from '../src/platform/auth/actor.ts';
import { defaultFromDay, generateMunicipalityActivity, pickDemoMunicipalities, refreshAll } from '../src/domains/insights/index.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const perThousand = Number(arg('per-thousand', '3'));
const limit = Number(arg('municipalities', '1741'));
const days = Number(arg('days', '365'));
const samples = Number(arg('samples', '40'));
const seed = arg('seed', 'bench');
const reuse = process.argv.includes('--reuse');
if (!process.env.DATABASE_URL) console.warn('DATABASE_URL is not set: PGlite (the figures asked for are on the PostgreSQL server)');

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
await migrate(db);
const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
await services.tenants.loadReferenceData();
const today = japanDay(services.clock.now());
const endDay = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
// The realistic load (the demo's 30 per 1,000, capped at 4,000) and the one generated here, for the extrapolation.
const all = pickDemoMunicipalities({ all: true, seed, casesPerThousand: perThousand, maxCases: Math.round(4000 * perThousand / 30) }).slice(0, limit);
const realistic = pickDemoMunicipalities({ all: true, seed, casesPerThousand: 30, maxCases: 4000 }).slice(0, limit);
const casesGenerated = all.reduce((a, m) => a + m.casesPerYear, 0);
const casesRealistic = realistic.reduce((a, m) => a + m.casesPerYear, 0);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };

if (!reuse) {
  const t0 = performance.now();
  let done = 0;
  for (const m of all) {
    if (!(await services.tenants.isOnboarded(m.code))) await services.tenants.onboard(m.code);
    await services.cases.install(m.code);
    await generateMunicipalityActivity(db, m, { seed, endDay, days });
    if (++done % 100 === 0) console.log(`  generated ${done}/${all.length} (${seconds(performance.now() - t0)})`);
  }
  console.log(`generation: ${all.length} municipalities, ${casesGenerated.toLocaleString()} cases in ${seconds(performance.now() - t0)}`);
  await sql`ANALYZE`.execute(db.owner);
}

const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.raw(table)}`.execute(db.owner)).rows[0]!.n);
const sizes = { cases: await count('cases.case'), events: await count('cases.event'), tickets: await count('counter.ticket') };

// The refresh: the full one (from the first generated month) once, then the nightly one (previous + current month).
const firstDay = new Date(Date.parse(`${endDay}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 8) + '01';
const codes = all.map((m) => m.code);
let t = performance.now();
const full = await refreshAll(db, firstDay, codes);
const fullMs = performance.now() - t;
t = performance.now();
await refreshAll(db, defaultFromDay(today), codes);
const dailyMs = performance.now() - t;
await sql`ANALYZE`.execute(db.owner);
const rows = { facts: await count('insights.case_fact'), metrics: await count('insights.metric_month'), peers: await count('insights.peer_month'), traces: await count('insights.trace') };

// The charts of the dashboard, each timed separately for sampled municipalities (deterministic order).
const sample = Array.from({ length: samples }, (_, i) => codes[Math.floor((i * 7919) % codes.length)]!);
const actorOf = (m: string): Actor => ({ type: 'staff', municipalityCode: m, staffId: '00000000-0000-4000-8000-000000000001', loginId: 'bench', displayName: 'bench', roles: ['analyst'], csrfToken: '', sessionTokenHash: '', authMethod: 'password' });
const month = new Date(Date.parse(`${endDay}T00:00:00Z`)).toISOString().slice(0, 7);
const charts: Record<string, (m: string) => Promise<unknown>> = {
  'baseline (tenant transaction, one key read)': (m) => withTenant(db, m, (trx) => trx.selectFrom('insights.profile').select('population').where('municipalityCode', '=', m).executeTakeFirst()),
  'summary and tables (metric_month of a month)': (m) => withTenant(db, m, (trx) => trx.selectFrom('insights.metricMonth').selectAll().where('municipalityCode', '=', m).where('month', '=', month).execute()),
  'monthly trend chart': (m) => withTenant(db, m, (trx) => trx.selectFrom('insights.metricMonth').select(['month', 'cases', 'leadMedianHours', 'onlineShare', 'autoShare'])
    .where('municipalityCode', '=', m).where('procedure', '=', 'all').where('channel', '=', 'all').orderBy('month').execute()),
  'counter waiting chart': (m) => withTenant(db, m, (trx) => trx.selectFrom('insights.counterMonth').selectAll().where('municipalityCode', '=', m).orderBy('month', 'desc').limit(12).execute()),
  'peer comparison (quartiles of class and band)': () => db.owner.selectFrom('insights.peerMonth').selectAll().where('month', '=', month).where('municipalityClass', '=', '一般市').where('populationBand', 'in', ['50k-100k', 'all']).execute(),
  'whole dashboard (service call)': (m) => services.insights.dashboard(actorOf(m), month),
  'process map of 転入 (access log, mined)': (m) => services.insightsProcess.processMap(actorOf(m), { source: 'access-log', procedure: 'move-in' }),
  'process map of 住民票の写し (case events, mined)': (m) => services.insightsProcess.processMap(actorOf(m), { source: 'cases', procedure: 'residence-certificate' }),
};
const results: Array<{ name: string; p50: number; p95: number }> = [];
for (const [name, run] of Object.entries(charts)) {
  await run(sample[0]!);
  const times: number[] = [];
  for (const m of sample) { const s = performance.now(); await run(m); times.push(performance.now() - s); }
  results.push({ name, p50: pct(times, 0.5), p95: pct(times, 0.95) });
}
const base = results[0]!;

console.log(`\nInsights at national scale — ${all.length} municipalities, ${days} days, ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}`);
console.log(`data: ${sizes.cases.toLocaleString()} cases, ${sizes.events.toLocaleString()} events, ${sizes.tickets.toLocaleString()} counter tickets`);
console.log(`scale: ${perThousand} cases per 1,000 residents a year = ${casesGenerated.toLocaleString()} cases; realistic (30 per 1,000, cap 4,000) = ${casesRealistic.toLocaleString()} (×${(casesRealistic / casesGenerated).toFixed(1)})`);
console.log(`aggregates: ${rows.facts.toLocaleString()} case facts, ${rows.metrics.toLocaleString()} monthly metrics, ${rows.peers.toLocaleString()} peer rows, ${rows.traces.toLocaleString()} traces`);
console.log(`refresh, full year:          ${seconds(fullMs)} (${(fullMs / all.length).toFixed(0)} ms per municipality; ${full.facts.toLocaleString()} facts)`);
console.log(`refresh, nightly (2 months): ${seconds(dailyMs)} (${(dailyMs / all.length).toFixed(0)} ms per municipality)`);
console.log(`extrapolated nightly refresh at the realistic volume: at most ~${seconds(dailyMs * casesRealistic / casesGenerated)} (linear in cases, an upper bound: part of the time is per municipality, not per case)`);
console.log(`\nqueries, ${samples} sampled municipalities each (ms):`);
for (const r of results) console.log(`  ${r.name.padEnd(50)} p50 ${r.p50.toFixed(1).padStart(7)} (×${(r.p50 / base.p50).toFixed(1)} baseline)  p95 ${r.p95.toFixed(1).padStart(7)} (×${(r.p95 / base.p95).toFixed(1)} baseline)`);
await db.close();
process.exit(0);
