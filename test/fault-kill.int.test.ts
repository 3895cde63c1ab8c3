// SPDX-License-Identifier: EUPL-1.2
// Issue #15 (under load and faults): the server process is killed with SIGKILL in the middle of a burst of
// submissions, then started again on the same database. Reconciliation: every request answered 2xx is in the
// database exactly once; no request is recorded twice, even when every request is retried with its
// Idempotency-Key after the restart (a committed one is replayed or refused as outcome-unknown, never re-run).
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { TEMPLATE_DB } from './global-setup.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/jichi.js');
const serverUrl = process.env.DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-fault-'));
const dbName = `jichi_fault_${crypto.randomBytes(4).toString('hex')}`;
const dbUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
const REQUESTS = 60;

/** Starts `jichi serve` on an ephemeral port with the demo municipality; resolves with its URL once ready. */
function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, JICHI_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JICHI_DEMO_RESIDENTS: '40',
    // A key left without a result by the kill may be taken over after a second (the default lease is 10 minutes).
    JICHI_IDEMPOTENCY_LEASE_SECONDS: '1',
  };
  delete env.DATABASE_APP_URL;
  if (dbUrl) env.DATABASE_URL = dbUrl; else delete env.DATABASE_URL;
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && /起動しました|is running/.test(out)) resolve({ url: m[1]!, child });
    });
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready: ${err.slice(-2000)}`)));
  });
}

async function signIn(url: string) {
  const res = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: '202151', loginId: 'madoguchi', password: 'shiojiri-demo-2026' }) });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

/** One 住民票の写し request, marked by its purpose so the reconciliation can count it. */
const submission = (i: number) => ({
  caseTypeCode: 'residence-certificate', channel: 'online',
  applicant: { familyName: '障害', givenName: `試験${i}`, birthDate: '1980-01-01' },
  subjects: [{ familyName: '障害', givenName: `試験${i}`, birthDate: '1980-01-01' }],
  data: { purpose: `fault-${i}`, copies: 1, delivery: 'post' },
});

function submit(url: string, s: { cookie: string; csrf: string }, i: number) {
  return fetch(`${url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': `fault-key-${i}` },
    body: JSON.stringify(submission(i)),
  });
}

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

describe('kill -9 during a burst of submissions (issue #15)', () => {
  it('keeps every acknowledged submission exactly once, and a retry never records one twice', async () => {
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      // A connection to the template that just closed may linger for a moment on the server side.
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
    }
    const first = await startServer();
    const session = await signIn(first.url);

    // The burst: 6 clients; the process is killed once a third of the requests have been answered.
    const acknowledged = new Map<number, string>();
    let answered = 0;
    let next = 0;
    let killed = false;
    await Promise.all(Array.from({ length: 6 }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        try {
          const res = await submit(first.url, session, i);
          if (res.status === 201) acknowledged.set(i, ((await res.json()) as { caseNo: string }).caseNo);
          else await res.body?.cancel();
        } catch { /* the connection died with the process */ }
        if (++answered >= REQUESTS / 3 && !killed) { killed = true; first.child.kill('SIGKILL'); }
      }
    }));
    await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r));
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(REQUESTS);

    // The same database, a new process. Wait out the lease, then retry EVERY request with its key.
    const second = await startServer();
    await new Promise((r) => setTimeout(r, 1100));
    const again = await signIn(second.url);
    const retried = new Map<number, { status: number; caseNo?: string; code?: string; replayed: boolean }>();
    for (let i = 0; i < REQUESTS; i++) {
      const res = await submit(second.url, again, i);
      const body = (await res.json()) as { caseNo?: string; code?: string };
      retried.set(i, { status: res.status, caseNo: body.caseNo, code: body.code, replayed: res.headers.get('idempotent-replayed') === 'true' });
    }
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));

    // An acknowledged request is replayed with the same case number (never run again).
    for (const [i, caseNo] of acknowledged) expect(retried.get(i), `request ${i}`).toMatchObject({ status: 201, caseNo, replayed: true });
    // Every other request is either run now (it had committed nothing) or refused as outcome-unknown (it had).
    for (const [i, r] of retried) {
      if (acknowledged.has(i)) continue;
      expect([201, 409], `request ${i}: ${r.status} ${r.code}`).toContain(r.status);
      if (r.status === 409) expect(r.code).toBe('idempotency-key-outcome-unknown');
    }

    // Reconciliation in the database itself.
    const db = await openDatabase(dbUrl ? { databaseUrl: dbUrl } : { pgliteDir: path.join(dataDir, 'pglite') });
    try {
      const rows = (await sql<{ purpose: string; caseNo: string }>`
        SELECT submitted_data->'data'->>'purpose' AS purpose, case_no AS "caseNo" FROM cases."case"
        WHERE submitted_data->'data'->>'purpose' LIKE 'fault-%'`.execute(db.owner)).rows;
      const byPurpose = new Map<string, string[]>();
      for (const r of rows) byPurpose.set(r.purpose, [...(byPurpose.get(r.purpose) ?? []), r.caseNo]);
      // No request recorded twice.
      expect([...byPurpose.values()].filter((v) => v.length > 1)).toEqual([]);
      // Every acknowledged request present with the case number it was answered with.
      for (const [i, caseNo] of acknowledged) expect(byPurpose.get(`fault-${i}`)).toEqual([caseNo]);
      // Every request answered 201 after the restart present; every outcome-unknown one present from before the kill.
      for (const [i, r] of retried) expect(byPurpose.get(`fault-${i}`)?.length, `request ${i} (${r.status})`).toBe(1);
    } finally {
      await db.close();
    }
  }, 240_000);
});
