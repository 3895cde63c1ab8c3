// SPDX-License-Identifier: EUPL-1.2
/**
 * Opens the database: embedded PGlite under the data directory by default, a PostgreSQL server when
 * DATABASE_URL is set. The same SQL and migrations serve both.
 *
 * Two handles: `owner` for maintenance (migrations, backups, onboarding) and `app` for everything a request
 * does. Application work always goes through `withTenant`, which switches to the role `jichi_app` (not the
 * owner of any table, no BYPASSRLS) and sets the municipality of the transaction for row-level security.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './types.ts';
import { assertUnprivilegedAppLogin, derivedAppUrl, ensureAppLogin } from './app-login.ts';

/** A Kysely instance or transaction over the platform's tables. */
export type Executor = Kysely<DB>;

export interface Database {
  kind: 'pglite' | 'postgres';
  /** Table owner: migrations, backup, restore, onboarding and chain verification only. */
  owner: Kysely<DB>;
  /** Application connections; use only through `withTenant` / `withPlatform`. */
  app: Kysely<DB>;
  /** A label for logs and `jichi` output (never contains a password). */
  describe: string;
  /** Runs a multi-statement SQL script as the owner, in one transaction (migrations, restore). */
  runScript(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  databaseAppUrl?: string;
  /** Directory of the PGlite data, or undefined for an in-memory database (tests). */
  pgliteDir?: string;
  poolSize?: number;
  /** Without `databaseAppUrl`: log in as `jichi_app` with a derived password (default), or the older owner mode. */
  appLogin?: 'derived' | 'owner';
  /** Serve requests on a superuser or BYPASSRLS login all the same (refused by default). */
  allowPrivilegedAppLogin?: boolean;
}

// Parse bigint and numeric as JS numbers where safe; dates stay Date; `date` stays 'YYYY-MM-DD' text.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

const plugins = [new CamelCasePlugin()];

/** Opens the database described by the options. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options);
  return openPglite(options.pgliteDir);
}

/**
 * Listens for lost connections on a pool from its first connection on. An idle connection that the server ends
 * (restart, DROP DATABASE … WITH (FORCE), admin command) emits 'error' on the pool; a connection checked out of it
 * (a transaction between two statements, the start-up checks) emits 'error' on its client, which then has no
 * listener of the pool's: without these, Node ended the whole process (issue #15, found by
 * test/fault-database-outage.int.test.ts). The statement in flight fails by itself (503); the pool drops the client.
 */
function watched(pool: pg.Pool): pg.Pool {
  const lost = (err: Error & { code?: string }) => process.emitWarning(`PostgreSQL connection lost (${err.code ?? err.message})`, 'JichiDatabase');
  pool.on('error', lost);
  pool.on('connect', (client) => { client.on('error', lost); });
  return pool;
}

async function openServer(url: string, options: DatabaseOptions): Promise<Database> {
  const poolSize = options.poolSize ?? 10;
  // A server that does not answer (network cut, failover) fails a request after 10 s instead of holding it forever;
  // the request gets 503 database-unavailable (platform/http/problem.ts) and the pool reconnects when it is back.
  const timeouts = { connectionTimeoutMillis: 10_000 };
  const ownerPool = watched(new pg.Pool({ connectionString: url, max: 3, ...timeouts }));
  // The application logs in as `jichi_app` (src/platform/db/app-login.ts): given, or derived from the owner's URL.
  // In the older owner mode, owner connections start as `jichi_app` via the startup option `role` and every tenant
  // transaction switches to it with SET LOCAL; RLS then rests on no SQL being able to RESET ROLE.
  let appPool: pg.Pool;
  if (options.databaseAppUrl) appPool = watched(new pg.Pool({ connectionString: options.databaseAppUrl, max: poolSize, ...timeouts }));
  else if (options.appLogin === 'owner') appPool = watched(new pg.Pool({ connectionString: url, max: poolSize, options: '-c role=jichi_app', ...timeouts }));
  else {
    try {
      await ensureAppLogin(ownerPool, url);
    } catch (err) {
      await ownerPool.end();
      throw err;
    }
    appPool = watched(new pg.Pool({ connectionString: derivedAppUrl(url), max: poolSize, ...timeouts }));
  }
  if (options.appLogin !== 'owner' || options.databaseAppUrl) {
    try {
      await assertUnprivilegedAppLogin(appPool, options.allowPrivilegedAppLogin ?? false);
    } catch (err) {
      await Promise.all([appPool.end(), ownerPool.end()]);
      throw err;
    }
  }
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }), plugins });
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: appPool }), plugins });
  return {
    kind: 'postgres',
    owner,
    app,
    describe: `PostgreSQL ${redactUrl(url)}`,
    async runScript(text) {
      const client = await ownerPool.connect();
      try {
        await client.query(`BEGIN;\n${text}\n;COMMIT;`);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await app.destroy();
      await owner.destroy();
    },
  };
}

async function openPglite(dir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const client = dir ? await PGlite.create(dir) : await PGlite.create();
  // PGlite has one connection: one Kysely instance serialises every query and transaction on it.
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client), plugins });
  return {
    kind: 'pglite',
    owner: db,
    app: db,
    describe: dir ? `PGlite ${dir}` : 'PGlite (in memory)',
    async runScript(text) {
      // Through the Kysely connection so that it waits for, and blocks, other queries on the one connection.
      await db.connection().execute(async () => {
        await client.transaction(async (tx) => {
          await tx.exec(text);
        });
      });
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Removes a password from a connection URL for display. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
