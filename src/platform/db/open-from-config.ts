// SPDX-License-Identifier: EUPL-1.2
/** Opens the configured database, migrated, with the national reference data loaded. */
import path from 'node:path';
import type { Config } from '../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Opens (and for PGlite, locks) the database of the configuration; migrates unless told not to. */
export async function openConfiguredDatabase(config: Config, opts: { migrate?: boolean } = {}): Promise<Database & { applied: string[] }> {
  let release: (() => void) | undefined;
  if (!config.databaseUrl) release = lockDataDir(config.dataDir);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, databaseAppUrl: config.databaseAppUrl, appLogin: config.appLogin, allowPrivilegedAppLogin: config.allowPrivilegedAppLogin, pgliteDir: path.join(config.dataDir, 'pglite') });
  const applied = opts.migrate === false ? [] : await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    applied,
    async close() {
      await close();
      release?.();
    },
  });
}
