// SPDX-License-Identifier: EUPL-1.2
// Issue #15 (under load and faults): `jichi registry import` is killed with SIGKILL while it writes, then run
// again. Nothing is half-done: a plain re-run is refused (the job is interrupted, not silently restarted), every
// committed batch is whole (persons = the checkpoint's rows), and `--resume` finishes the job so that the registry
// exports byte-for-byte the file that was imported (nothing lost, nothing written twice).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { ADDRESS_DATA_DIR } from '../src/domains/registry/addresses/demo-address-data.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/jichi.js');
const serverUrl = process.env.DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-kill-import-'));
const dbName = `jichi_kill_import_${crypto.randomBytes(4).toString('hex')}`;
const dbUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
const dataDir = path.join(dir, 'data');

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, JICHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete e.DATABASE_APP_URL;
  if (dbUrl) e.DATABASE_URL = dbUrl; else delete e.DATABASE_URL;
  return e;
}

/** Runs `jichi <args>`; with `killWhen`, sends SIGKILL once the predicate holds for the standard error so far. */
function jichi(args: string[], killWhen?: (err: string) => boolean): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // Past validation, the load has started: let a few batches commit, then kill in the middle of the next.
      if (killWhen && !killed && killWhen(err)) { killed = true; setTimeout(() => child.kill('SIGKILL'), 600); }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

describe('kill -9 during a registry import (issue #15)', () => {
  it('leaves only whole batches, refuses a blind re-run, and resumes to exactly the imported file', async () => {
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
    }
    const file = path.join(dir, 'residents.csv');
    expect((await jichi(['registry', 'generate-csv', '--persons', '2500', '--output', file])).code).toBe(0);
    expect((await jichi(['migrate'])).code).toBe(0);
    expect((await jichi(['tenant', 'add', '202151'])).code).toBe(0);
    // The municipality's address masters come first (the CSV's 町字 codes are checked against them).
    expect((await jichi(['registry', 'addresses', 'load', '--municipality', '202151', '--towns', path.join(ADDRESS_DATA_DIR, '202151-nagano-shiojiri.json'),
      '--postal', path.join(ADDRESS_DATA_DIR, '202151-nagano-shiojiri-postal.csv')])).code).toBe(0);
    const rows = fs.readFileSync(file, 'utf8').split('\r\n').slice(1).filter(Boolean).length;

    const first = await jichi(['registry', 'import', '--municipality', '202151', '--input', file, '--batch-size', '25'],
      (err) => err.includes('取込を始めました'));
    expect(first.signal, `the import finished before it could be killed: ${first.out}`).toBe('SIGKILL');

    // What the kill left: whole batches only, and exactly as many persons as the checkpoint says were written.
    const db = await openDatabase(dbUrl ? { databaseUrl: dbUrl } : { pgliteDir: path.join(dataDir, 'pglite') });
    let persons: number;
    try {
      persons = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.person WHERE municipality_code = '202151'`.execute(db.owner)).rows[0]!.n;
      const job = (await sql<{ rowsDone: number; status: string }>`
        SELECT rows_done AS "rowsDone", status FROM registry.import_job WHERE municipality_code = '202151'`.execute(db.owner)).rows;
      expect(job).toHaveLength(1);
      expect(job[0]!.status).not.toBe('done');
      expect(persons).toBe(job[0]!.rowsDone);
      expect(persons).toBeLessThan(rows);
    } finally {
      await db.close();
    }

    // A blind re-run does not start over on top of the half-loaded municipality.
    const blind = await jichi(['registry', 'import', '--municipality', '202151', '--input', file, '--batch-size', '25']);
    expect(blind.code).toBe(2);
    expect(blind.err).toContain('--resume');

    const resumed = await jichi(['registry', 'import', '--municipality', '202151', '--input', file, '--batch-size', '25', '--resume']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toContain('再開');

    const out = path.join(dir, 'out.csv');
    expect((await jichi(['registry', 'export', '--municipality', '202151', '--output', out, '--include-removed', '--include-my-number', '--purpose', '移行の検証'])).code).toBe(0);
    expect(fs.readFileSync(out).equals(fs.readFileSync(file))).toBe(true);
  }, 600_000);
});
