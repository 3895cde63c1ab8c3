// SPDX-License-Identifier: EUPL-1.2
/** A fresh, migrated database per test file: in-memory PGlite, or a copy of the server template. */
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

import { TEMPLATE_DB } from './global-setup.ts';

/** Opens a fresh database; `drop()` removes it (server mode). */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({});
    await migrate(db);
    return Object.assign(db, { drop: () => db.close() });
  }
  const name = `jichi_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // A connection to the template that just closed may linger for a moment on the server side.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const appUrl = process.env.DATABASE_APP_URL ? Object.assign(new URL(process.env.DATABASE_APP_URL), { pathname: `/${name}` }).toString() : undefined;
  const db = await openDatabase({ databaseUrl: u.toString(), databaseAppUrl: appUrl });
  await migrate(db);
  return Object.assign(db, {
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      // Wait for the pool's sockets to close rather than killing them (a killed idle client raises 57P01).
      for (let attempt = 0; ; attempt++) {
        try {
          await a.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 20 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await a.end();
    },
  });
}
