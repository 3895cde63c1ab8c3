// SPDX-License-Identifier: EUPL-1.2
/**
 * A fresh, migrated database for one bench run: PGlite on disk (as `npm start` runs it — an in-memory PGlite would
 * hold a 1,000,000-resident registry in the WebAssembly heap), or, with a server URL, a database of its own on that
 * server, dropped by `drop()`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

export async function freshBenchDatabase(serverUrl: string | undefined, poolSize: number): Promise<{ db: Database; url?: string; drop(): Promise<void> }> {
  if (!serverUrl) {
    const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-bench-pglite-'));
    const db = await openDatabase({ pgliteDir });
    await migrate(db);
    return { db, async drop() { await db.close(); fs.rmSync(pgliteDir, { recursive: true, force: true }); } };
  }
  const pg = (await import('pg')).default;
  const name = `jichi_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try { await c.query(statement); } finally { await c.end(); }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const db = await openDatabase({ databaseUrl: url, poolSize });
  await migrate(db);
  return { db, url, async drop() { await db.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}
