// SPDX-License-Identifier: EUPL-1.2
/**
 * The internet side's database connection (issue #14): a login that is a member of `jichi_public` and nothing else
 * (DATABASE_PUBLIC_URL). No owner handle: this process never migrates, backs up or onboards; the LGWAN side does.
 */
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import type { DB } from './types.ts';

/** Refused: the public process was given a login that could do more than jichi_public. */
export class PrivilegedPublicLoginError extends Error {}

/** Opens the public connection pool and checks that its login can become jichi_public and cannot bypass row-level security. */
export async function openPublicDatabase(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const who = (await sql<{ super: boolean; bypass: boolean; member: boolean; appMember: boolean }>`
    SELECT r.rolsuper AS super, r.rolbypassrls AS bypass, pg_has_role(current_user, 'jichi_public', 'MEMBER') AS member,
      pg_has_role(current_user, 'jichi_app', 'MEMBER') AS "appMember"
    FROM pg_roles r WHERE r.rolname = current_user`.execute(app)).rows[0];
  if (!who || who.super || who.bypass || !who.member || who.appMember) {
    await app.destroy();
    throw new PrivilegedPublicLoginError('DATABASE_PUBLIC_URL must log in as a member of jichi_public only (no superuser, no BYPASSRLS, not jichi_app)');
  }
  const host = (() => { try { const u = new URL(url); return `${u.hostname}:${u.port || 5432}${u.pathname}`; } catch { return 'postgres'; } })();
  return {
    kind: 'postgres', owner: app, app, describe: `PostgreSQL ${host} (public role)`,
    runScript: () => Promise.reject(new Error('the public process does not run scripts')),
    close: () => app.destroy(),
  } as unknown as Database;
}
