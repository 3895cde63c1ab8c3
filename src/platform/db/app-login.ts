// SPDX-License-Identifier: EUPL-1.2
/**
 * The application's own login on a PostgreSQL server (issue #15): requests never run on the owner's connection.
 *
 * Without `DATABASE_APP_URL`, Jichi derives one: the same server and database as `DATABASE_URL`, user
 * `jichi_app`, and a password derived from the owner's (HMAC-SHA-256), which the owner sets when the database is
 * opened (`jichi migrate`, `jichi serve`). `jichi_app` owns no table and cannot bypass row-level security, so even
 * an injected `RESET ROLE` stays inside RLS. A login that is a superuser or may bypass RLS is refused unless
 * `JICHI_ALLOW_PRIVILEGED_APP_LOGIN=true` says so; `JICHI_APP_LOGIN=owner` keeps the older mode (owner
 * connections that switch to `jichi_app` per transaction) for servers where the owner may not manage roles.
 */
import crypto from 'node:crypto';
import type pg from 'pg';

export const APP_ROLE = 'jichi_app';

/** Refused: the application's login could not be set up or is privileged. */
export class AppLoginError extends Error {}

/** The password of the derived login: HMAC-SHA-256 of the owner's password; none when the owner has none. */
export function derivedAppPassword(ownerUrl: string): string | undefined {
  const owner = decodeURIComponent(new URL(ownerUrl).password);
  if (!owner) return undefined;
  return crypto.createHmac('sha256', owner).update('jichi_app login').digest('base64url');
}

/** The application's URL derived from the owner's: user jichi_app, the derived password. */
export function derivedAppUrl(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = derivedAppPassword(ownerUrl) ?? '';
  return u.toString();
}

/** Creates `jichi_app` if needed and lets it log in with the derived password, as the owner. */
export async function ensureAppLogin(ownerPool: pg.Pool, ownerUrl: string): Promise<void> {
  const password = derivedAppPassword(ownerUrl);
  const client = await ownerPool.connect();
  try {
    // Roles are shared by the cluster's databases: two processes opening at once may collide ("tuple concurrently
    // updated", or a role created in between), so look again and retry.
    for (let attempt = 0; ; attempt++) {
      const row = (await client.query<{ canlogin: boolean }>('SELECT rolcanlogin AS canlogin FROM pg_roles WHERE rolname = $1', [APP_ROLE])).rows[0];
      // Nothing to change for a login without a password that already exists (trust or peer authentication).
      if (row?.canlogin && !password) return;
      const create = row ? '' : `CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;`;
      // The password is base64url (letters, digits, - and _): safe inside the literal.
      const alter = `ALTER ROLE ${APP_ROLE} LOGIN${password ? ` PASSWORD '${password}'` : ''};`;
      try {
        await client.query(`${create}${alter}`);
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code === '42710' || code === 'XX000') && attempt < 5) { await new Promise((r) => setTimeout(r, 50 * (attempt + 1))); continue; }
        if (code === '42501') {
          throw new AppLoginError(`データベースの所有者がロール ${APP_ROLE} を設定できません（CREATEROLE 権限がありません）。DATABASE_APP_URL で ${APP_ROLE} の接続先を指定するか、JICHI_APP_LOGIN=owner を設定してください / the owner may not manage roles: set DATABASE_APP_URL, or JICHI_APP_LOGIN=owner`);
        }
        throw err;
      }
    }
  } finally {
    client.release();
  }
}

/** Refuses an application login that is a superuser or bypasses RLS, unless allowed. */
export async function assertUnprivilegedAppLogin(appPool: pg.Pool, allowPrivileged: boolean): Promise<void> {
  const r = (await appPool.query<{ name: string; privileged: boolean }>(
    'SELECT rolname AS name, rolsuper OR rolbypassrls AS privileged FROM pg_roles WHERE rolname = session_user')).rows[0];
  if (r?.privileged && !allowPrivileged) {
    throw new AppLoginError(`アプリケーションの接続ユーザー ${r.name} はスーパーユーザー又は行レベルセキュリティを迂回できるため使用しません。${APP_ROLE} で接続してください（許可する場合は JICHI_ALLOW_PRIVILEGED_APP_LOGIN=true） / refusing to serve requests as a privileged login`);
  }
}
