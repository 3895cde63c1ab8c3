// SPDX-License-Identifier: EUPL-1.2
/**
 * Authenticated API request vs a bare route of the same framework, in the same run, with a load
 * generator (autocannon) in a separate process on loopback.
 *
 *   npx tsx bench/api.ts [--seconds 10] [--connections 16]
 *   DATABASE_URL=postgres://… npx tsx bench/api.ts     (PostgreSQL server instead of PGlite)
 *
 * The authenticated request is GET /api/v1/staff/{id}: session check, tenant transaction with row-level
 * security, a small read and an access-log write (hash-chained by the database).
 */
import { spawn } from 'node:child_process';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices } from '../src/services.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { tokenHash } from '../src/platform/auth/session-token.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const seconds = arg('seconds', 10);
const connections = arg('connections', 16);

interface Result { rps: number; p50: number; p99: number; non2xx: number; errors: number }

/** Runs autocannon in a child process (so the load generator does not share the server's event loop). */
function load(url: string, headers: Record<string, string>): Promise<Result> {
  const script = `
    const autocannon = require('autocannon');
    autocannon({ url: ${JSON.stringify(url)}, connections: ${connections}, duration: ${seconds}, headers: ${JSON.stringify(headers)} }, (err, r) => {
      if (err) { console.error(err); process.exit(1); }
      process.stdout.write(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }));
    });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`autocannon exited ${code}`))));
  });
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close(): void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }));
  });
}

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
await migrate(db);
const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
await services.tenants.loadReferenceData();
const CODE = '202151';
if (!(await services.tenants.isOnboarded(CODE))) await services.tenants.onboard(CODE);
const loginId = `bench${Date.now()}`;
const password = 'bench-password-123';
const { staffId } = await services.identity.addStaff({ type: 'operator', id: 'bench' }, CODE, { loginId, displayName: 'ベンチ 職員', roles: ['admin'], password }, { clientIp: '', requestId: 'bench' });

const app = createApp(services, { config: { publicUrl: 'http://127.0.0.1' }, log: createLogger('silent') });
const bare = new Hono().get('/bare', (c) => c.json({ ok: true }))
  // The same database work as the authenticated request, in one transaction, without the platform around it.
  .get('/raw/:id', async (c) => {
    const tokenHash = c.req.header('x-token-hash')!;
    const row = await withTenant(db, CODE, async (trx) => {
      await trx.selectFrom('platform.session').select('staffId').where('tokenHash', '=', tokenHash).executeTakeFirst();
      const r = await trx.selectFrom('platform.staff').select(['staffId', 'loginId', 'displayName', 'roles']).where('staffId', '=', c.req.param('id')).executeTakeFirst();
      await services.accessLog.append(trx, CODE, { actorType: 'staff', actorId: staffId, action: 'staff.read', subjectType: 'staff', subjectId: c.req.param('id') });
      return r;
    });
    return c.json(row);
  });
const appServer = await listen(app.fetch);
const bareServer = await listen(bare.fetch);

const login = await fetch(`${appServer.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: CODE, loginId, password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const check = await fetch(`${appServer.url}/api/v1/staff/${staffId}`, { headers: { cookie } });
if (check.status !== 200) throw new Error(`authenticated request failed: ${check.status}`);

console.log(`database: ${db.describe}; ${connections} connections, ${seconds} s each; node ${process.version}`);
const bareResult = await load(`${bareServer.url}/bare`, {});
const rawResult = await load(`${bareServer.url}/raw/${staffId}`, { 'x-token-hash': tokenHash(cookie.split('.')[1]!) });
const authResult = await load(`${appServer.url}/api/v1/staff/${staffId}`, { cookie });
const fmt = (name: string, r: Result) => `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   non-2xx ${r.non2xx}`;
console.log(fmt('bare Hono route', bareResult));
console.log(fmt('same SQL, bare route', rawResult));
console.log(fmt('authenticated API request', authResult));
console.log(`ratio (authenticated / same SQL on a bare route): throughput ${(rawResult.rps / authResult.rps).toFixed(2)}x slower, p50 ${(authResult.p50 / Math.max(rawResult.p50, 1)).toFixed(2)}x, p99 ${(authResult.p99 / Math.max(rawResult.p99, 1)).toFixed(2)}x`);
console.log(`ratio (authenticated / bare): throughput ${(bareResult.rps / authResult.rps).toFixed(2)}x slower, p50 ${(authResult.p50 / Math.max(bareResult.p50, 1)).toFixed(2)}x, p99 ${(authResult.p99 / Math.max(bareResult.p99, 1)).toFixed(2)}x`);

const entries = await services.audit.verify();
console.log(`access log: ${entries.entries} entries, chain ${entries.breaks.length === 0 ? 'intact' : `BROKEN (${entries.breaks.length})`}`);
appServer.close();
bareServer.close();
await db.close();
process.exit(0);
