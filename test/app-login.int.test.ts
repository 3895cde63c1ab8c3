// Issue #15, item 6: on a server, requests never run on the owner's connection. Without DATABASE_APP_URL the
// application logs in as jichi_app with a password derived from the owner's; a privileged login is refused.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './test-database.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { AppLoginError, derivedAppPassword, derivedAppUrl } from '../src/platform/db/app-login.ts';

const server = process.env.DATABASE_URL;

describe('the application login', () => {
  it('derives the password from the owner password, and none without one', () => {
    const a = derivedAppPassword('postgres://owner:s3cret@db.example/jichi');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(derivedAppPassword('postgres://owner:s3cret@db.example/other')).toBe(a);
    expect(derivedAppPassword('postgres://owner:other@db.example/jichi')).not.toBe(a);
    expect(derivedAppPassword('postgres://owner@db.example/jichi')).toBeUndefined();
    const u = new URL(derivedAppUrl('postgres://owner:s3cret@db.example:6543/jichi?sslmode=require'));
    expect([u.username, u.password, u.host, u.pathname, u.search]).toEqual(['jichi_app', a, 'db.example:6543', '/jichi', '?sslmode=require']);
  });
});

describe.skipIf(!server)('the application login on a PostgreSQL server', () => {
  let base: Database & { drop(): Promise<void> };
  let url = '';
  beforeAll(async () => {
    base = await openTestDatabase();
    const name = (await sql<{ n: string }>`SELECT current_database() AS n`.execute(base.owner)).rows[0]!.n;
    url = Object.assign(new URL(server!), { pathname: `/${name}` }).toString();
  });
  afterAll(async () => base.drop());

  const whoami = async (db: Database) => (await sql<{ user: string; superuser: boolean }>`
    SELECT session_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser`.execute(db.app)).rows[0]!;

  it('logs in as jichi_app by default, and a RESET ROLE stays inside row-level security', async () => {
    const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      expect(await whoami(db)).toEqual({ user: 'jichi_app', superuser: false });
      // What an injected statement could try: leave the role and read another municipality's staff.
      await sql`INSERT INTO platform.tenant (municipality_code) SELECT '131041' WHERE NOT EXISTS (SELECT 1 FROM platform.tenant WHERE municipality_code = '131041')`.execute(db.owner).catch(() => undefined);
      const rows = await db.app.connection().execute(async (c) => {
        await sql`RESET ROLE`.execute(c);
        return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.staff`.execute(c)).rows[0]!.n;
      });
      expect(rows).toBe(0);
      await expect(sql`SELECT count(*) FROM registry.person_current`.execute(db.app.withoutPlugins())).resolves.toBeDefined();
      await expect(sql`ALTER TABLE platform.staff DISABLE ROW LEVEL SECURITY`.execute(db.app)).rejects.toThrow(/must be owner/);
    } finally {
      await db.close();
    }
  });

  it('refuses a superuser as the application login unless allowed', async () => {
    await expect(openDatabase({ databaseUrl: url, databaseAppUrl: url, poolSize: 1 })).rejects.toThrow(AppLoginError);
    await expect(openDatabase({ databaseUrl: url, databaseAppUrl: url, poolSize: 1 })).rejects.toThrow(/スーパーユーザー/);
    const allowed = await openDatabase({ databaseUrl: url, databaseAppUrl: url, poolSize: 1, allowPrivilegedAppLogin: true });
    try {
      expect((await whoami(allowed)).superuser).toBe(true);
    } finally {
      await allowed.close();
    }
  });

  it('keeps the older owner mode when asked (JICHI_APP_LOGIN=owner)', async () => {
    const db = await openDatabase({ databaseUrl: url, poolSize: 1, appLogin: 'owner' });
    try {
      const r = (await sql<{ sessionUser: string; currentUser: string }>`SELECT session_user AS session_user, current_user AS current_user`.execute(db.app)).rows[0]!;
      expect(r).toEqual({ sessionUser: new URL(url).username || 'postgres', currentUser: 'jichi_app' });
    } finally {
      await db.close();
    }
  });
});
