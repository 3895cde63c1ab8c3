// SPDX-License-Identifier: EUPL-1.2
/**
 * The registry change feed measured (issue #13 "Measured"), on a fresh database:
 *  1. N residents imported (generated CSV, `jichi registry generate-csv` in a child process; the service's import);
 *  2. a consumer with every scope but 個人番号 reads the **full extract** through the HTTP API (Bearer token, pages of
 *     1,000, each record access-logged per person as in production): rows/s and this process's RSS;
 *  3. K 転居 committed (仮登録 + 本登録) from 8 concurrent clients while a follower polls the **delta** from its cursor
 *     every 50 ms: the latency from each 本登録's commit to the follower seeing it (median / p95 / max), and that the
 *     follower saw every change exactly once;
 *  4. the delta of those K changes read again from the first cursor: rows/s;
 * baseline in the same run: the extract's SQL alone (the same rows in 宛名番号 order, no presentation, no access log).
 *
 *   npx tsx bench/registry-feed.ts [--persons 1000000] [--changes 10000] [--clients 8]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/registry-feed.ts   (server; a database, dropped after)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../src/platform/clock.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { createLogger } from '../src/platform/logger.ts';
import type { Actor } from '../src/platform/auth/actor.ts';
import { createServices } from '../src/services.ts';
import { createApp } from '../src/app.ts';
import { createMyNumberCipher } from '../src/domains/registry/numbers/my-number-cipher.ts';
import { loadMyNumberKeys } from '../src/domains/registry/registry.config.ts';
import { createRegistryCsvService } from '../src/domains/registry/csv/registry-csv.service.ts';
import { demoAddressFiles } from '../src/domains/registry/addresses/demo-address-data.ts';
import { ChangeInput, japanToday } from '../src/domains/registry/index.ts';
import { stats } from './registry-workload.ts';
import { freshBenchDatabase } from './bench-database.ts';

const argv = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const persons = Number(argv('persons', '1000000'));
const changes = Number(argv('changes', '10000'));
const clients = Number(argv('clients', '8'));
const M = '202151';
const url = process.env.DATABASE_URL;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-bench-feed-'));

const freshDatabase = () => freshBenchDatabase(url, clients + 4);

console.log(`registry change feed bench on ${url ? 'PostgreSQL server' : 'PGlite'}; ${fmt(persons)} residents, ${fmt(changes)} changes, ${clients} clients; node ${process.version}, ${os.cpus().length} cpus`);
const file = path.join(dir, 'registry.csv');
execFileSync(process.execPath, ['bin/jichi.js', 'registry', 'generate-csv', '--persons', String(persons), '--output', file], { stdio: ['ignore', 'ignore', 'ignore'] });
const target = await freshDatabase();
try {
  const services = createServices(target.db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
  await services.tenants.loadReferenceData();
  await services.tenants.onboard(M);
  await services.registry.loadAddressMaster(M, demoAddressFiles(M)!, 'bench');
  const csv = createRegistryCsvService({ db: target.db, cipher: createMyNumberCipher(loadMyNumberKeys({})), clock: systemClock });
  const imported = await csv.importCsv(M, () => fs.createReadStream(file, { highWaterMark: 1 << 20 }), { batchSize: 5000 });
  fs.rmSync(file, { force: true });
  console.log(`imported ${fmt(imported.rows)} rows`);

  const app = createApp(services, { config: { publicUrl: 'http://127.0.0.1' }, log: createLogger('silent') });
  const { token } = await services.registry.feedConsumersAsOperator.add(M, 'bench', { name: 'bench-tax', purpose: '住民税の賦課（ベンチマーク）',
    scopes: ['basic', 'name', 'birth-sex', 'household', 'address', 'domicile', 'foreign', 'resident-code'] });
  const get = async <T>(p: string): Promise<T> => {
    const res = await app.request(`/api/v1/registry-feed/${p}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  // 2. The full extract.
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const timer = setInterval(() => { rssMax = Math.max(rssMax, process.memoryUsage().rss); }, 100);
  let t = performance.now();
  let rows = 0;
  let pages = 0;
  let cursor = '';
  type ExtractPage = { cursor: string; next: string | null; records: unknown[] };
  for (let next: string | null = ''; next !== null;) {
    const p: ExtractPage = await get<ExtractPage>(`extract?limit=1000${next ? `&after=${encodeURIComponent(next)}` : ''}`);
    rows += p.records.length;
    pages++;
    cursor = p.cursor;
    next = p.next;
  }
  const extractMs = performance.now() - t;
  clearInterval(timer);
  // Baseline: the same rows' SQL in 宛名番号 order, pages of 1,000, no presentation or access log.
  t = performance.now();
  let baseRows = 0;
  let after = '';
  for (;;) {
    const page = await withTenant(target.db, M, (trx) => trx.selectFrom('registry.personCurrent as c')
      .innerJoin('registry.person as p', (j) => j.onRef('p.municipalityCode', '=', 'c.municipalityCode').onRef('p.personId', '=', 'c.personId'))
      .select(['p.atenaNo', 'c.record']).where('p.atenaNo', '>', after).orderBy('p.atenaNo').limit(1000).execute());
    if (page.length === 0) break;
    baseRows += page.length;
    after = page[page.length - 1]!.atenaNo;
  }
  const baseMs = performance.now() - t;
  console.log(`full extract via the API: ${fmt(rows)} records in ${pages} pages, ${fmt(extractMs)} ms → ${fmt(rows / (extractMs / 1000))} records/s (access-logged per person); RSS ${mb(rssBefore)} → max ${mb(rssMax)}`);
  console.log(`  baseline, the same rows' SQL alone (${fmt(baseRows)} rows): ${fmt(baseMs)} ms → ${fmt(baseRows / (baseMs / 1000))} rows/s; ratio ${((rows / extractMs) / (baseRows / baseMs)).toFixed(2)}`);

  // 3. K changes committed while a follower polls the delta.
  const actor = (roles: Actor['roles'], id: string): Actor => ({ type: 'staff', municipalityCode: M, staffId: id, loginId: id, displayName: id, roles, csrfToken: '', sessionTokenHash: '', authMethod: 'password' });
  const clerk = actor(['counter'], 'bench-clerk');
  const boss = actor(['approver'], 'bench-boss');
  const ctx = { clientIp: '127.0.0.1', requestId: 'bench' };
  const today = japanToday(systemClock);
  const households = await withTenant(target.db, M, (trx) => trx.selectFrom('registry.household as h')
    .innerJoin('registry.personCurrent as c', (j) => j.onRef('c.municipalityCode', '=', 'h.municipalityCode').onRef('c.householdId', '=', 'h.householdId'))
    .select(['h.householdId', 'h.version', sql<string[]>`array_agg(c.person_id)`.as('personIds')]).where('c.removedOn', 'is', null)
    .groupBy(['h.householdId', 'h.version']).orderBy(sql`md5(h.household_id::text)`).limit(changes).execute());
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  const seen = new Map<string, number>();
  let done = false;
  type ChangesPage = { cursor: string; hasMore: boolean; changes: Array<{ seq: string; changeId?: string; records: Array<{ items: Record<string, string> }> }> };
  const startCursor = cursor;
  let follow = cursor;
  let repeats = 0;
  const follower = (async () => {
    for (;;) {
      const p = await get<ChangesPage>(`changes?cursor=${follow}&limit=1000`);
      const now = performance.now();
      for (const c of p.changes) {
        if (seen.has(c.seq)) repeats++;
        seen.set(c.seq, now);
      }
      follow = p.cursor;
      if (!p.hasMore) {
        if (done) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  })();
  let next = 0;
  let failures = 0;
  const seqOfChange = new Map<string, number>();
  t = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let i = next++; i < households.length; i = next++) {
      const h = households[i]!;
      const input = ChangeInput.parse({ kind: 'move-within', occurredOn: today, personIds: h.personIds, address: { townName: '大字広丘野村', banchi: `${i + 1}番地` }, expectedVersions: { [h.householdId]: h.version } });
      try {
        const rc = await services.registry.recordChange(clerk, input, ctx);
        await services.registry.approve(boss, [rc.changeId], ctx);
        committedAt.set(rc.changeId, performance.now());
        seqOfChange.set(rc.changeId, i);
      } catch (e) {
        failures++;
        if (failures <= 3) console.log(`  転居 failed: ${(e as Error).message}`);
      }
    }
  }));
  const changesMs = performance.now() - t;
  // Let the follower catch up, then stop it.
  const lastSeq = Number((await get<ChangesPage>(`changes?cursor=${startCursor}&limit=1`)).cursor) + committedAt.size - 1;
  while (Number(follow) < lastSeq) await new Promise((r) => setTimeout(r, 20));
  done = true;
  await follower;
  // Map each change's commit to the moment the follower saw its number (the delta is in commit order).
  const bySeq = [...seen.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, at]) => at);
  const commits = [...committedAt.values()].sort((a, b) => a - b);
  for (let i = 0; i < Math.min(bySeq.length, commits.length); i++) latencies.push(Math.max(0, bySeq[i]! - commits[i]!));
  console.log(`${fmt(committedAt.size)} 転居 committed (仮登録 + 本登録) by ${clients} clients in ${fmt(changesMs)} ms (${(committedAt.size / (changesMs / 1000)).toFixed(1)}/s)${failures ? `, ${failures} failed` : ''}`);
  console.log(`  the follower (polling every 50 ms) saw ${fmt(seen.size)} changes, ${repeats} repeated, ${committedAt.size - seen.size} missing; commit → visible: ms ${JSON.stringify(stats(latencies))}`);

  // 4. The delta read again from the first cursor.
  t = performance.now();
  let deltaRecords = 0;
  let deltaChanges = 0;
  for (let c = startCursor; ;) {
    const p = await get<ChangesPage>(`changes?cursor=${c}&limit=1000`);
    deltaChanges += p.changes.length;
    deltaRecords += p.changes.reduce((a, x) => a + x.records.length, 0);
    c = p.cursor;
    if (!p.hasMore) break;
  }
  const deltaMs = performance.now() - t;
  console.log(`delta of ${fmt(deltaChanges)} changes (${fmt(deltaRecords)} person records) via the API: ${fmt(deltaMs)} ms → ${fmt(deltaRecords / (deltaMs / 1000))} records/s`);
} finally {
  await target.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
