// SPDX-License-Identifier: EUPL-1.2
// Issue #15 (under load and faults): PostgreSQL goes away mid-traffic and comes back. Requests made meanwhile fail
// fast with 503 problem+json (an HTML page for people) and Retry-After, nothing is half-written, and the same Jichi
// process serves again once the database is back: no restart. The outage is a TCP proxy in front of the server that
// drops every connection and refuses new ones (a restart seen from Jichi); PGlite has no network, so server only.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATE_DB } from './global-setup.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/jichi.js');
const serverUrl = process.env.DATABASE_URL;
const dbName = `jichi_outage_${crypto.randomBytes(4).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-outage-'));

/** A TCP proxy to the PostgreSQL server that can be cut (every connection dropped, new ones refused) and restored. */
async function databaseProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    async cut() {
      await new Promise<void>((r) => { server.close(() => r()); for (const s of sockets) s.destroy(); });
    },
    async restore() {
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const stderrOf = new Map<ChildProcess, string>();

function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, JICHI_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JICHI_DEMO_RESIDENTS: '40' };
  delete env.DATABASE_APP_URL;
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && /起動しました|is running/.test(out)) resolve({ url: m[1]!, child });
    });
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); stderrOf.set(child, err); });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err.slice(-2000)}`)));
  });
}

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

describe.runIf(serverUrl)('PostgreSQL unreachable mid-traffic (issue #15)', () => {
  it('answers 503 with Retry-After while it is gone, records nothing, and recovers without a restart', async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB}`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 100) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await admin.end();
    const target = new URL(serverUrl!);
    const proxy = await databaseProxy(target);
    const viaProxy = Object.assign(new URL(serverUrl!), { hostname: '127.0.0.1', port: String(proxy.port), pathname: `/${dbName}` }).toString();
    const { url, child } = await startServer(viaProxy);
    try {
      const signIn = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: '202151', loginId: 'madoguchi', password: 'shiojiri-demo-2026' }) });
      expect(signIn.status).toBe(201);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
      const submit = () => fetch(`${url}/api/v1/cases`, {
        method: 'POST', signal: AbortSignal.timeout(30_000),
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, 'idempotency-key': 'outage-submission-1' },
        body: JSON.stringify({
          caseTypeCode: 'residence-certificate', channel: 'online',
          applicant: { familyName: '停止', givenName: '試験', birthDate: '1980-01-01' }, subjects: [{ familyName: '停止', givenName: '試験', birthDate: '1980-01-01' }],
          data: { purpose: 'outage-test', copies: 1, delivery: 'post' },
        }),
      });
      expect((await fetch(`${url}/api/v1/cases`, { headers: { cookie } })).status).toBe(200);

      await proxy.cut();
      // The API: problem+json 503 with a stable code and Retry-After; the submission is refused, not half-done.
      const during = await submit();
      expect(during.status).toBe(503);
      expect(during.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await during.json()).toMatchObject({ code: 'database-unavailable', title: expect.stringMatching(/しばらくしてから/) });
      const list = await fetch(`${url}/api/v1/cases`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
      expect(list.status).toBe(503);
      await list.body?.cancel();
      // People get a page in Japanese, not JSON.
      const page = await fetch(`${url}/console`, { headers: { cookie, accept: 'text/html' }, signal: AbortSignal.timeout(30_000) });
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('ただいまシステムを利用できません');
      expect((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(30_000) })).status).toBe(503);

      await proxy.restore();
      // The same process serves again (the pool reconnects): poll for up to 30 s.
      let status = 0;
      for (let i = 0; i < 60 && status !== 200; i++) {
        const r = await fetch(`${url}/api/v1/cases`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
        status = r.status;
        await r.body?.cancel();
        if (status !== 200) await new Promise((res) => setTimeout(res, 500));
      }
      expect(status).toBe(200);
      expect(child.exitCode).toBeNull();
      // The refused submission was never recorded: made again with the same key it runs now, once.
      const after = await submit();
      expect(after.status).toBe(201);
      expect(after.headers.get('idempotent-replayed')).toBeNull();
      const check = new pg.Client({ connectionString: Object.assign(new URL(serverUrl!), { pathname: `/${dbName}` }).toString() });
      await check.connect();
      const n = (await check.query(`SELECT count(*)::int AS n FROM cases."case" WHERE submitted_data->'data'->>'purpose' = 'outage-test'`)).rows[0].n;
      await check.end();
      expect(n).toBe(1);
    } catch (e) {
      throw new Error(`${(e as Error).message}; server ${child.exitCode === null ? 'running' : `exited ${child.exitCode}`}: ${(stderrOf.get(child) ?? '').slice(-3000)}`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      await proxy.close();
    }
  }, 240_000);
});
