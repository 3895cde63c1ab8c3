// SPDX-License-Identifier: EUPL-1.2
/**
 * Registry benchmark, in one run on one database:
 *  1. import: demo residents through the registry's bulk import (all indexes, FKs and forced RLS) vs the
 *     same rows into a plain table with no index, FK or RLS (baseline), and vs multi-row INSERT … VALUES;
 *  2. name search at scale: median / p95 of the service (folding, access log per hit) and of the SQL alone;
 *  3. 転居: latency of recording a move (仮登録) and approving it (本登録).
 *
 *   npx tsx bench/registry.ts [--persons 66000] [--searches 200] [--moves 50]
 *   DATABASE_URL=postgres://… npx tsx bench/registry.ts     (PostgreSQL server instead of PGlite)
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../src/platform/auth/actor.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { createServices } from '../src/services.ts';
import { demoAddressFiles } from '../src/domains/registry/addresses/demo-address-data.ts';
import { createRegistryRepository } from '../src/domains/registry/registry.repository.ts';
import { foldKana, foldName } from '../src/domains/registry/name-folding.ts';
import { japanToday } from '../src/domains/registry/registry.service.ts';
import type { PersonRecord } from '../src/domains/registry/registry-model.ts';
import { ChangeInput } from '../src/domains/registry/registry.schema.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const persons = arg('persons', 66_000);
const searches = arg('searches', 200);
const moves = arg('moves', 50);
const M = '202151';

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +s[s.length - 1]!.toFixed(2) };
};
const ms = (t: number) => Math.round(performance.now() - t);

const url = process.env.DATABASE_URL;
let dbName = '';
if (url) {
  const pg = (await import('pg')).default;
  dbName = `jichi_bench_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
}
const u = url ? Object.assign(new URL(url), { pathname: `/${dbName}` }).toString() : undefined;
const db = await openDatabase({ databaseUrl: u });
await migrate(db);
const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
await services.tenants.loadReferenceData();
await services.tenants.onboard(M);
await services.registry.loadAddressMaster(M, demoAddressFiles(M)!, 'bench');
console.log(`registry bench on ${db.kind}, ${persons} residents`);

// 1. Import.
let t = performance.now();
const seeded = await services.registry.seedDemoResidents(M, { persons });
const importMs = ms(t);
console.log(`import: ${seeded.rows} rows (${seeded.persons} persons, ${seeded.households} households, ${seeded.changes} changes, ${seeded.snapshots} snapshots)`
  + ` in ${importMs} ms (generate+encrypt ${seeded.generateMs} ms, write ${seeded.writeMs} ms) → ${Math.round(seeded.rows / (seeded.writeMs / 1000))} rows/s written;`
  + ` per table ms ${JSON.stringify(seeded.tables)}`);

// Baseline: the same snapshot rows (the widest table) into a plain table, same transport, then VALUES.
const snaps = await withTenant(db, M, (trx) => trx.selectFrom('registry.personSnapshot').selectAll().execute());
await sql`CREATE TABLE public.bench_plain (LIKE registry.person_snapshot)`.execute(db.owner);
const rows = snaps.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])));
t = performance.now();
for (let i = 0; i < rows.length; i += 5000) {
  await sql`INSERT INTO public.bench_plain SELECT * FROM jsonb_populate_recordset(NULL::public.bench_plain, ${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)`.execute(db.owner);
}
const plainMs = ms(t);
await sql`TRUNCATE public.bench_plain`.execute(db.owner);
t = performance.now();
for (let i = 0; i < snaps.length; i += 500) {
  await db.owner.insertInto('public.bench_plain' as never).values(snaps.slice(i, i + 500).map((s) => ({ ...s, record: JSON.stringify(s.record) })) as never).execute();
}
const valuesMs = ms(t);
await sql`DROP TABLE public.bench_plain`.execute(db.owner);
const regSnapMs = (seeded.tables as Record<string, number>).personSnapshot ?? 0;
console.log(`baseline, ${snaps.length} snapshot rows: plain table (no index/FK/RLS) jsonb bulk ${plainMs} ms (${Math.round(snaps.length / (plainMs / 1000))} rows/s);`
  + ` multi-row VALUES ${valuesMs} ms (${Math.round(snaps.length / (valuesMs / 1000))} rows/s); registry import of the same rows (indexes, FKs, forced RLS) ${regSnapMs} ms (${Math.round(snaps.length / (regSnapMs / 1000))} rows/s)`);

// 2. Name search.
const actor = (roles: Actor['roles'], id: string): Actor => ({ type: 'staff', municipalityCode: M, staffId: id, loginId: id, displayName: id, roles, csrfToken: '', sessionTokenHash: '', authMethod: 'password' });
const clerk = actor(['counter'], 'bench-clerk');
const boss = actor(['approver'], 'bench-boss');
const ctx = { clientIp: '', requestId: 'bench' };
const sample = await withTenant(db, M, (trx) => trx.selectFrom('registry.personCurrent').select(['record']).where('removedOn', 'is', null).where('residentKind', '=', 'japanese')
  .orderBy(sql`md5(person_id::text)`).limit(searches).execute());
const queries = sample.map((r, i) => {
  const rec = r.record as unknown as PersonRecord;
  return i % 3 === 0 ? { name: `${rec.familyName}${rec.givenName.slice(0, 1)}` } : i % 3 === 1 ? { name: `${rec.familyNameKana}${rec.givenNameKana}`.slice(0, 5) } : { name: rec.givenName, mode: 'partial' as const };
});
const repo = createRegistryRepository();
const today = japanToday(services.clock);
const svcTimes: number[] = [];
const sqlTimes: number[] = [];
const byKind: Record<string, number[]> = { 'kanji prefix': [], 'kana prefix': [], 'partial (given name)': [] };
let hits = 0;
for (const [i, q] of queries.entries()) {
  let s = performance.now();
  hits += (await services.registry.search(clerk, { ...q, limit: 50 }, ctx)).length;
  svcTimes.push(performance.now() - s);
  const kana = /^[\u30A0-\u30FF]+$/.test(q.name);
  s = performance.now();
  await withTenant(db, M, (trx) => repo.search(trx, { nameKey: kana ? foldKana(q.name) : foldName(q.name), kana, mode: q.mode ?? 'prefix', includeRemoved: false, today, limit: 50 }));
  sqlTimes.push(performance.now() - s);
  byKind[['kanji prefix', 'kana prefix', 'partial (given name)'][i % 3]!]!.push(performance.now() - s);
}
console.log(`name search (${queries.length} queries, ${hits} hits, limit 50): service ms ${JSON.stringify(stats(svcTimes))}; SQL only ms ${JSON.stringify(stats(sqlTimes))};`
  + ` SQL by kind ${Object.entries(byKind).map(([k, v]) => `${k} ${JSON.stringify(stats(v))}`).join(', ')}`);

// 3. 転居 latency.
const households = await withTenant(db, M, (trx) => trx.selectFrom('registry.household as h')
  .innerJoin('registry.personCurrent as c', (j) => j.onRef('c.municipalityCode', '=', 'h.municipalityCode').onRef('c.householdId', '=', 'h.householdId'))
  .select(['h.householdId', 'h.version', sql<string[]>`array_agg(c.person_id)`.as('personIds')]).where('c.removedOn', 'is', null)
  .groupBy(['h.householdId', 'h.version']).orderBy(sql`md5(h.household_id::text)`).limit(moves).execute());
const recTimes: number[] = [];
const appTimes: number[] = [];
for (const [i, h] of households.entries()) {
  const input = ChangeInput.parse({ kind: 'move-within', occurredOn: today, personIds: h.personIds, address: { townName: '大字広丘野村', banchi: `${i + 1}番地` }, expectedVersions: { [h.householdId]: h.version } });
  let s = performance.now();
  const r = await services.registry.recordChange(clerk, input, ctx);
  recTimes.push(performance.now() - s);
  s = performance.now();
  await services.registry.approve(boss, [r.changeId], ctx);
  appTimes.push(performance.now() - s);
}
console.log(`転居 (${households.length} households): record (仮登録) ms ${JSON.stringify(stats(recTimes))}; approve (本登録) ms ${JSON.stringify(stats(appTimes))}`);

t = performance.now();
const st = await services.registry.statistics(boss, undefined, 'json');
console.log(`statistics as of today: ${ms(t)} ms, ${typeof st === 'string' ? '' : `${st.total.persons} persons, ${st.total.households} households, ${st.total.foreign} foreign`}`);

await db.close();
if (url) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.end();
}
