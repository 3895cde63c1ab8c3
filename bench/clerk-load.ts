// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #15 "under load": N concurrent clerks doing a realistic counter mix against a real `jichi serve` on
 * loopback for a bounded time, then a reconciliation in the database proving that no acknowledged write was lost
 * and none was recorded twice (or recorded without being acknowledged), with p50/p99 per operation.
 *
 * Each clerk serves its own share of the demo households (as clerks at separate windows do) and, per step, picks:
 *   検索 (name search, 35%), 照会 (a record, 25%), 世帯 (a household, 10%), 転居 (仮登録, 12%),
 *   本登録 (a back-office approver approves the clerk's open 転居, as soon as there is one), 証明 (住民票の写し, 12%).
 * Every POST carries an Idempotency-Key; a request that fails on the network or with 503 is retried with the same
 * key (at most 3 times), as the console does.
 *
 *   npx tsx bench/clerk-load.ts [--clerks 8] [--seconds 60] [--residents 3000]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/clerk-load.ts   (a fresh database, dropped after)
 *
 * Baseline in the same run: GET /api/v1/health-style bare request (the login page) from the same clients, so the
 * per-operation figures can be read against what the machine gives a request that touches no data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const CLERKS = arg('clerks', 8);
const SECONDS = arg('seconds', 60);
const RESIDENTS = arg('residents', 3000);
const M = '202151';
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/jichi.js');
const serverUrl = process.env.DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-load-'));
const dbName = `jichi_load_${crypto.randomBytes(4).toString('hex')}`;
const dbUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
const run = crypto.randomBytes(3).toString('hex');

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = { ...process.env, JICHI_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JICHI_DEMO_RESIDENTS: String(RESIDENTS) };
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

interface Session { cookie: string; csrf: string }
async function signIn(url: string, loginId: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: M, loginId, password: 'shiojiri-demo-2026' }) });
  if (res.status !== 201) throw new Error(`sign-in ${loginId} failed: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

type Op = '検索' | '照会' | '世帯' | '転居' | '本登録' | '証明' | '素の応答';
const latencies = new Map<Op, number[]>();
const statuses = new Map<string, number>();
let serverErrors = 0;

/** One request with retries on network failure / 503 (same Idempotency-Key). */
async function call(url: string, op: Op, s: Session | null, method: string, p: string, body?: unknown, key?: string): Promise<{ status: number; json: unknown }> {
  for (let attempt = 0; ; attempt++) {
    const t0 = performance.now();
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (s) { headers.cookie = s.cookie; headers['x-csrf-token'] = s.csrf; }
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (key) headers['idempotency-key'] = key;
      const res = await fetch(`${url}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const type = res.headers.get('content-type') ?? '';
      const json = type.includes('json') ? await res.json() : (await res.arrayBuffer(), null);
      if (res.status === 503 && attempt < 3) { await new Promise((r) => setTimeout(r, 200)); continue; }
      const ms = performance.now() - t0;
      if (!latencies.has(op)) latencies.set(op, []);
      latencies.get(op)!.push(ms);
      statuses.set(`${op} ${res.status}`, (statuses.get(`${op} ${res.status}`) ?? 0) + 1);
      if (res.status >= 500) serverErrors++;
      return { status: res.status, json };
    } catch (e) {
      if (attempt >= 3) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

interface Household { householdId: string; personIds: string[]; kana: string }

const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN; };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());

async function main() {
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
  }
  const startedAt = performance.now();
  const server = await startServer();
  console.log(`server ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (${serverUrl ? 'PostgreSQL server' : 'PGlite'}, ${RESIDENTS} demo residents)`);
  const { url } = server;

  // Households to serve, found as a clerk finds them: by searching names (kana initials).
  const scout = await signIn(url, 'madoguchi');
  const households = new Map<string, Household>();
  for (const k of 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ') {
    const r = await call(url, '検索', scout, 'GET', `/api/v1/persons?name=${encodeURIComponent(k)}&limit=200`);
    for (const h of (r.json as { items: Array<{ householdId: string; personId: string; nameKana: string; status: string }> }).items) {
      if (h.status !== 'resident') continue;
      const e = households.get(h.householdId) ?? { householdId: h.householdId, personIds: [], kana: h.nameKana.slice(0, 2) };
      e.personIds.push(h.personId);
      households.set(h.householdId, e);
    }
  }
  latencies.clear();
  statuses.clear();
  const all = [...households.values()];
  console.log(`${all.length} households found by search; ${CLERKS} clerks, ${SECONDS} s`);

  const acknowledged = { changes: new Map<string, string>(), approvals: new Set<string>(), certificates: new Set<string>() };
  const refused = { changes: new Set<string>(), certificates: new Set<string>() };
  let seq = 0;
  const deadline = performance.now() + SECONDS * 1000;

  await Promise.all(Array.from({ length: CLERKS }, async (_, c) => {
    const clerk = await signIn(url, 'madoguchi');
    const approver = await signIn(url, 'kessai');
    const mine = all.filter((_, i) => i % CLERKS === c);
    const pending = new Map<string, string>(); // householdId → changeId
    let cursor = 0;
    while (performance.now() < deadline) {
      const h = mine[cursor++ % mine.length]!;
      const dice = Math.random();
      if (pending.size > 0 && dice < 0.12) {
        const [hid, changeId] = pending.entries().next().value as [string, string];
        const r = await call(url, '本登録', approver, 'POST', `/api/v1/changes/${changeId}/approvals`, {}, `load-${run}-approve-${changeId}`);
        if (r.status === 201) { acknowledged.approvals.add(changeId); pending.delete(hid); }
      } else if (dice < 0.47) {
        await call(url, '検索', clerk, 'GET', `/api/v1/persons?name=${encodeURIComponent(h.kana)}&limit=50`);
      } else if (dice < 0.72) {
        await call(url, '照会', clerk, 'GET', `/api/v1/persons/${h.personIds[0]}`);
      } else if (dice < 0.82) {
        await call(url, '世帯', clerk, 'GET', `/api/v1/households/${h.householdId}`);
      } else if (dice < 0.94) {
        if (pending.has(h.householdId)) continue;
        const hh = await call(url, '世帯', clerk, 'GET', `/api/v1/households/${h.householdId}`);
        const v = hh.json as { version: number; pendingChangeId: string | null; members: Array<{ personId: string }> };
        if (hh.status !== 200 || v.pendingChangeId) continue;
        const key = `load-${run}-move-${c}-${seq++}`;
        const r = await call(url, '転居', clerk, 'POST', '/api/v1/changes', {
          kind: 'move-within', occurredOn: today, personIds: v.members.map((m) => m.personId), note: key,
          address: { townName: '大字広丘野村', banchi: `${(seq % 900) + 1}番地` }, expectedVersions: { [h.householdId]: v.version },
        }, key);
        if (r.status === 201) { const id = (r.json as { changeId: string }).changeId; acknowledged.changes.set(key, id); pending.set(h.householdId, id); }
        else refused.changes.add(key);
      } else {
        if (pending.has(h.householdId)) continue;
        const key = `load-${run}-cert-${c}-${seq++}`;
        const r = await call(url, '証明', clerk, 'POST', '/api/v1/certificates', {
          kind: 'residence-copy', personIds: [h.personIds[0]], purpose: key,
          requester: { type: 'self', personId: h.personIds[0], identityDocument: 'my-number-card' },
        }, key);
        if (r.status === 201 || r.status === 200) acknowledged.certificates.add(key); else refused.certificates.add(key);
      }
    }
  }));

  // Baseline in the same run: a page that touches no data, from the same number of clients for 5 s.
  const baseEnd = performance.now() + 5000;
  await Promise.all(Array.from({ length: CLERKS }, async () => { while (performance.now() < baseEnd) await call(url, '素の応答', null, 'GET', '/login'); }));

  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));

  // Reconciliation in the database itself.
  const db = await openDatabase(dbUrl ? { databaseUrl: dbUrl } : { pgliteDir: path.join(dataDir, 'pglite') });
  const problems: string[] = [];
  try {
    const changes = (await sql<{ note: string; changeId: string; status: string }>`
      SELECT note, change_id AS "changeId", status FROM registry.change WHERE note LIKE ${`load-${run}-%`}`.execute(db.owner)).rows;
    const byKey = new Map<string, typeof changes>();
    for (const r of changes) byKey.set(r.note, [...(byKey.get(r.note) ?? []), r]);
    for (const [k, rows] of byKey) if (rows.length > 1) problems.push(`転居 ${k} recorded ${rows.length} times`);
    for (const [k, id] of acknowledged.changes) if (byKey.get(k)?.[0]?.changeId !== id) problems.push(`acknowledged 転居 ${k} missing`);
    for (const k of byKey.keys()) if (!acknowledged.changes.has(k)) problems.push(`転居 ${k} recorded without an acknowledgement`);
    for (const r of changes) {
      if (acknowledged.approvals.has(r.changeId) && r.status !== 'final') problems.push(`approved ${r.changeId} is ${r.status}`);
      if (r.status === 'final' && !acknowledged.approvals.has(r.changeId)) problems.push(`${r.changeId} final without an acknowledged approval`);
    }
    const certs = (await sql<{ purpose: string; n: number }>`
      SELECT purpose, count(*)::int AS n FROM certificates.issuance WHERE purpose LIKE ${`load-${run}-%`} GROUP BY purpose`.execute(db.owner)).rows;
    const certBy = new Map(certs.map((r) => [r.purpose, r.n]));
    for (const [k, n] of certBy) if (n > 1) problems.push(`certificate ${k} issued ${n} times`);
    for (const k of acknowledged.certificates) if (!certBy.has(k)) problems.push(`acknowledged certificate ${k} missing`);
    for (const k of certBy.keys()) if (!acknowledged.certificates.has(k)) problems.push(`certificate ${k} issued without an acknowledgement`);
    const logged = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE municipality_code = ${M}`.execute(db.owner)).rows[0]!.n;

    const fmt = (op: Op) => { const xs = latencies.get(op) ?? []; return `${op}: ${xs.length} requests, p50 ${q(xs, 0.5).toFixed(0)} ms, p99 ${q(xs, 0.99).toFixed(0)} ms`; };
    const ops: Op[] = ['検索', '照会', '世帯', '転居', '本登録', '証明'];
    const total = ops.reduce((s, o) => s + (latencies.get(o)?.length ?? 0), 0);
    console.log(`\n${CLERKS} clerks for ${SECONDS} s on ${serverUrl ? 'the PostgreSQL server' : 'PGlite'}: ${total} requests, ${(total / SECONDS).toFixed(1)} requests/s`);
    for (const op of ops) console.log(`  ${fmt(op)}`);
    const base = latencies.get('素の応答') ?? [];
    console.log(`  baseline (GET /login, no data, same clients, 5 s): ${(base.length / 5).toFixed(0)} requests/s, p50 ${q(base, 0.5).toFixed(1)} ms; data-mix p50 ÷ baseline p50 = ${(q(ops.flatMap((o) => latencies.get(o) ?? []), 0.5) / q(base, 0.5)).toFixed(1)}`);
    console.log(`  statuses: ${[...statuses].sort().map(([k, v]) => `${k}×${v}`).join(', ')}`);
    console.log(`  writes acknowledged: 転居 ${acknowledged.changes.size}, 本登録 ${acknowledged.approvals.size}, 証明 ${acknowledged.certificates.size}; refused (4xx): 転居 ${refused.changes.size}, 証明 ${refused.certificates.size}; 5xx: ${serverErrors}; access-log entries: ${logged}`);
    console.log(problems.length === 0 ? `  reconciliation: exact (every acknowledged write present once; nothing recorded twice or unacknowledged)` : `  reconciliation FAILED:\n    ${problems.slice(0, 20).join('\n    ')}`);
    if (problems.length || serverErrors) process.exitCode = 1;
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

await main();
