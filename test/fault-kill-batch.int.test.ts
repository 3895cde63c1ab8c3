// SPDX-License-Identifier: EUPL-1.2
// Issue #15 (under load and faults): the server is killed with SIGKILL while a 住所一括変更 (hundreds of households,
// one 職権 change each) and a daycare allocation run are in flight. Nothing may be half-done: after the restart each
// is either wholly there or wholly absent, and a retry with the same Idempotency-Key completes it exactly once.
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
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-kill-batch-'));
const dbName = `jichi_kill_batch_${crypto.randomBytes(4).toString('hex')}`;
const dbUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
const NOTE = `kill-batch-${crypto.randomBytes(3).toString('hex')}`;
const ROUND = 'kill-round';

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, JICHI_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JICHI_DEMO_RESIDENTS: '3000',
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

interface Session { cookie: string; csrf: string }
async function signIn(url: string, loginId: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: '202151', loginId, password: 'shiojiri-demo-2026' }) });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
const post = (url: string, s: Session, p: string, body: unknown, key?: string) => fetch(`${url}/api/v1${p}`, {
  method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body),
});
const get = (url: string, s: Session, p: string) => fetch(`${url}/api/v1${p}`, { headers: { cookie: s.cookie } });

async function inDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(dbUrl ? { databaseUrl: dbUrl } : { pgliteDir: path.join(dataDir, 'pglite') });
  try { return await fn(db); } finally { await db.close(); }
}
const stateNow = () => inDatabase(async (db) => ({
  changes: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.change WHERE note = ${NOTE}`.execute(db.owner)).rows[0]!.n,
  runs: (await sql<{ runNo: number; children: number }>`
    SELECT run_no AS "runNo", jsonb_array_length((result_json::jsonb)->'assignments') AS children FROM daycare.allocation_run
    WHERE round_id = ${ROUND} ORDER BY run_no`.execute(db.owner)).rows,
  round: (await sql<{ status: string; currentRunNo: number | null }>`SELECT status, current_run_no AS "currentRunNo" FROM daycare.round WHERE round_id = ${ROUND}`.execute(db.owner)).rows[0]!,
}));

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

describe('kill -9 during 住所一括変更 and an allocation run (issue #15)', () => {
  it('leaves each wholly done or wholly undone, and a keyed retry completes it exactly once', async () => {
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      for (let attempt = 0; ; attempt++) {
        try { await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB}`); break; } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 100) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await admin.end();
    }
    const first = await startServer();
    const clerk = await signIn(first.url, 'madoguchi');
    const daycare = await signIn(first.url, 'hoiku');

    // The twelve largest 町字 of the demo; every household there gets a new address (住居表示).
    const stats = (await (await get(first.url, clerk, '/registry-statistics')).json()) as { byTown: Array<{ townCode: string | null; townName: string; households: number }> };
    const towns = stats.byTown.filter((t) => t.townCode).sort((a, b) => b.households - a.households);
    const bulk = (dryRun: boolean) => ({ dryRun, cause: '住居表示', occurredOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()), note: NOTE,
      rules: towns.slice(0, 12).map((t) => ({ from: { townCode: t.townCode! }, to: { townCode: towns[12]!.townCode! } })) });
    const t0 = performance.now();
    const trial = await post(first.url, clerk, '/address-changes', bulk(true));
    const trialMs = performance.now() - t0;
    expect(trial.status).toBe(200);
    const households = ((await trial.json()) as { items: unknown[] }).items.length;
    expect(households).toBeGreaterThan(200);

    expect((await post(first.url, daycare, '/daycare-demo-rounds', { roundId: ROUND, name: '強制終了の試験', preset: 'city', seed: 7 })).status).toBe(201);

    // Both heavy requests in flight; the process is killed while at least one of them has not answered.
    const inFlight = [
      post(first.url, clerk, '/address-changes', bulk(false), `${NOTE}-address`).then((r) => r.status, () => 'connection lost' as const),
      post(first.url, daycare, `/daycare-rounds/${ROUND}/allocation-runs`, {}, `${NOTE}-run`).then((r) => r.status, () => 'connection lost' as const),
    ];
    await new Promise((r) => setTimeout(r, Math.max(120, trialMs * 0.5)));
    first.child.kill('SIGKILL');
    const [addressAnswer, runAnswer] = await Promise.all(inFlight);
    expect([addressAnswer, runAnswer], 'both requests finished before the kill: make the workload larger').toContain('connection lost');
    for (const answer of [addressAnswer, runAnswer]) expect([201, 'connection lost']).toContain(answer);
    await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r));

    // Wholly done or wholly undone; an acknowledged one wholly done.
    const after = await stateNow();
    expect(addressAnswer === 201 ? [households] : [0, households]).toContain(after.changes);
    expect(after.runs.length).toBeLessThanOrEqual(1);
    if (runAnswer === 201) expect(after.runs).toHaveLength(1);
    expect(after.round.currentRunNo).toBe(after.runs.at(-1)?.runNo ?? null);
    expect(after.round.status).toBe(after.runs.length ? 'allocated' : 'open');

    // A retry with the same keys, after the lease: done now if nothing had committed, never done twice.
    const second = await startServer();
    try {
      await new Promise((r) => setTimeout(r, 1100));
      const clerk2 = await signIn(second.url, 'madoguchi');
      const daycare2 = await signIn(second.url, 'hoiku');
      const a = await post(second.url, clerk2, '/address-changes', bulk(false), `${NOTE}-address`);
      const r = await post(second.url, daycare2, `/daycare-rounds/${ROUND}/allocation-runs`, {}, `${NOTE}-run`);
      // Nothing committed → done now (201); committed (answered or not) → its stored answer replayed (201,
      // Idempotent-Replayed) or, when the answer was not stored, 409 idempotency-key-outcome-unknown. Never run twice.
      for (const [res, committed] of [[a, after.changes > 0], [r, after.runs.length > 0]] as const) {
        if (!committed) expect(res.status).toBe(201);
        else if (res.status === 201) expect(res.headers.get('idempotent-replayed')).toBe('true');
        else expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([409, 'idempotency-key-outcome-unknown']);
      }
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
    const final = await stateNow();
    expect(final.changes).toBe(households);
    expect(final.runs).toHaveLength(1);
    expect(final.runs[0]!.children).toBeGreaterThan(100);
    expect(final.round).toEqual({ status: 'allocated', currentRunNo: final.runs[0]!.runNo });
  }, 400_000);
});
