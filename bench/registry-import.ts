// SPDX-License-Identifier: EUPL-1.2
/**
 * Registry CSV import benchmark (issue #3 "Measured"), per size on a fresh database:
 *  1. generate N persons as CSV (`jichi registry generate-csv`, a child process so its memory is not counted);
 *  2. import it (`createRegistryCsvService().importCsv`: pass 1 validation + pass 2 batched load) and sample this
 *     process's RSS every 100 ms; print rows/s and max RSS vs file size;
 *  3. baseline in the same run: the same file into an unindexed table of text columns — PostgreSQL: psql `\copy`
 *     (client-side COPY FROM STDIN); PGlite: `COPY … FROM '/dev/blob'` in a second PGlite instance (PGlite runs
 *     in-process, so this is the like-for-like COPY); ratio = import rows/s ÷ COPY rows/s;
 * and at the largest size:
 *  4. name search through the service: 1,000 queries (kana prefix, kanji prefix, exact), median / p95;
 *  5. 転居 from request to committed history (仮登録 + 本登録) from 8 concurrent clients: median / p95, changes/s.
 *
 *   npx tsx bench/registry-import.ts [--persons 200000,1000000] [--searches 1000] [--moves 400] [--clients 8]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/registry-import.ts   (server; a database per size, dropped after)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../src/platform/clock.ts';
import { createServices } from '../src/services.ts';
import { createMyNumberCipher } from '../src/domains/registry/numbers/my-number-cipher.ts';
import { loadMyNumberKeys } from '../src/domains/registry/registry.config.ts';
import { createRegistryCsvService } from '../src/domains/registry/csv/registry-csv.service.ts';
import { CSV_COLUMNS } from '../src/domains/registry/csv/registry-csv-format.ts';
import { registryWorkload } from './registry-workload.ts';
import { demoAddressFiles } from '../src/domains/registry/addresses/demo-address-data.ts';
import { freshBenchDatabase } from './bench-database.ts';
import type { Database } from '../src/platform/db/database.ts';

const argv = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const sizes = argv('persons', '1000000').split(',').map(Number);
const searches = Number(argv('searches', '1000'));
const moves = Number(argv('moves', '400'));
const clients = Number(argv('clients', '8'));
const M = '202151';
const url = process.env.DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-bench-csv-'));

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const freshDatabase = () => freshBenchDatabase(url, clients + 2);

/** The same rows into an unindexed table of text columns with COPY; returns ms. */
async function copyBaseline(file: string, target: { db: Database; url?: string }): Promise<number> {
  const cols = CSV_COLUMNS.map((c) => `"${c}" text`).join(', ');
  if (target.url) {
    await sql.raw(`CREATE TABLE public.bench_plain (${cols})`).execute(target.db.owner);
    const t = performance.now();
    execFileSync('psql', [target.url, '-qc', `\\copy public.bench_plain FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
    const ms = performance.now() - t;
    await sql`DROP TABLE public.bench_plain`.execute(target.db.owner);
    return ms;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pgl = await PGlite.create();
  await pgl.exec(`CREATE TABLE bench_plain (${cols})`);
  const blob = new Blob([fs.readFileSync(file)]);
  const t = performance.now();
  await pgl.query(`COPY bench_plain FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
  const ms = performance.now() - t;
  await pgl.close();
  return ms;
}

console.log(`registry CSV import bench on ${url ? 'PostgreSQL server' : 'PGlite'}; sizes ${sizes.join(', ')}; node ${process.version}, ${os.cpus().length} cpus`);
for (const [si, persons] of sizes.entries()) {
  const file = path.join(dir, `registry-${persons}.csv`);
  let t = performance.now();
  execFileSync(process.execPath, ['bin/jichi.js', 'registry', 'generate-csv', '--persons', String(persons), '--output', file], { stdio: ['ignore', 'ignore', 'ignore'] });
  const bytes = fs.statSync(file).size;
  console.log(`\n[${persons}] generated ${mb(bytes)} in ${fmt(performance.now() - t)} ms`);

  const target = await freshDatabase();
  const services = createServices(target.db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
  await services.tenants.loadReferenceData();
  await services.tenants.onboard(M);
  await services.registry.loadAddressMaster(M, demoAddressFiles(M)!, 'bench');
  const csv = createRegistryCsvService({ db: target.db, cipher: createMyNumberCipher(loadMyNumberKeys({})), clock: systemClock });

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const samples: number[] = [];
  const timer = setInterval(() => { const r = process.memoryUsage().rss; samples.push(r); if (r > rssMax) rssMax = r; }, 100);
  t = performance.now();
  const r = await csv.importCsv(M, () => fs.createReadStream(file, { highWaterMark: 1 << 20 }), { batchSize: Number(argv('batch-size', '5000')) });
  const importMs = performance.now() - t;
  const validateMs = importMs - r.loadMs;
  clearInterval(timer);
  const copyMs = await copyBaseline(file, target);
  const importRate = r.rows / (importMs / 1000);
  const loadRate = r.rows / (r.loadMs / 1000);
  const copyRate = r.rows / (copyMs / 1000);
  console.log(`[${persons}] import ${fmt(r.rows)} rows in ${fmt(importMs)} ms (hash + validate ${fmt(validateMs)} ms, load ${fmt(r.loadMs)} ms, ${r.batches} batches) → ${fmt(importRate)} rows/s end to end, ${fmt(loadRate)} rows/s load only`);
  console.log(`[${persons}] COPY baseline (unindexed text table, same rows): ${fmt(copyMs)} ms → ${fmt(copyRate)} rows/s; ratio import/COPY ${(importRate / copyRate).toFixed(2)} (load only ${(loadRate / copyRate).toFixed(2)})`);
  console.log(`[${persons}] RSS of this process: before ${mb(rssBefore)}, max during import ${mb(rssMax)} (+${mb(rssMax - rssBefore)}), file ${mb(bytes)}; ${samples.length} samples`);

  if (si === sizes.length - 1) await registryWorkload(target.db, services, { label: String(persons), searches, moves, clients });
  await target.drop();
  fs.rmSync(file, { force: true });
}
fs.rmSync(dir, { recursive: true, force: true });
