// SPDX-License-Identifier: EUPL-1.2
/**
 * Name search and 転居 on an existing registry (e.g. one loaded with `jichi registry import`), without importing
 * again: the same workload as the end of bench/registry-import.ts. The 転居 part records and approves changes, so
 * run it on a benchmark database, never on real data.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/jichi_1m npx tsx bench/registry-search.ts [--searches 1000] [--moves 400] [--clients 8]
 */
import { openDatabase } from '../src/platform/db/database.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { createServices } from '../src/services.ts';
import { registryWorkload } from './registry-workload.ts';

const argv = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: the database to measure (loaded beforehand)');
const clients = Number(argv('clients', '8'));
const db = await openDatabase({ databaseUrl: url, poolSize: clients + 2 });
const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
const persons = await withTenant(db, '202151', (trx) => trx.selectFrom('registry.person').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow());
console.log(`registry search/転居 bench on an existing database: ${Number(persons.n).toLocaleString('en-US')} persons`);
await registryWorkload(db, services, { label: String(persons.n), searches: Number(argv('searches', '1000')), moves: Number(argv('moves', '400')), clients });
await db.close();
