// Reads the catalog: every tenant-owned table must be ready for isolation and for distribution (Citus).
import fs from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import type { Database } from '../src/platform/db/database.ts';
import { openTestDatabase } from './test-database.ts';

/** Platform tables that hold no tenant data (reference data and bookkeeping). */
const GLOBAL_TABLES = new Set(['platform.municipality', 'platform.tenant', 'platform.schema_migration', 'insights.peer_month', 'insights.survey', 'insights.survey_result', 'registry.national_postal_code', 'registry.national_town']);

describe('schema catalog', () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => { db = await openTestDatabase(); });
  afterAll(async () => db.drop());

  async function tenantTables() {
    const rows = (await sql<{ name: string; rls: boolean; forced: boolean; hasCode: boolean }>`
      SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
        EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_code' AND NOT a.attisdropped) AS has_code
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`.execute(db.owner)).rows;
    return rows.filter((r) => !GLOBAL_TABLES.has(r.name));
  }

  it('exempts exactly the reference and bookkeeping tables that docs/scaling.md lists for distribution', () => {
    const doc = fs.readFileSync('docs/scaling.md', 'utf8');
    const block = /<!-- reference-tables[^>]*-->([\s\S]*?)<!-- \/reference-tables -->/.exec(doc)?.[1] ?? '';
    const listed = [...block.matchAll(/^- `([a-z_]+\.[a-z_]+)`/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...GLOBAL_TABLES].sort());
  });

  it('finds the tenant-owned tables', async () => {
    const names = (await tenantTables()).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['platform.staff', 'platform.session', 'audit.access_log']));
  });

  it('gives every tenant-owned table a municipality_code and forced row-level security with a policy', async () => {
    const tables = await tenantTables();
    const policies = new Set((await sql<{ name: string }>`SELECT schemaname || '.' || tablename AS name FROM pg_policies`.execute(db.owner)).rows.map((r) => r.name));
    const bad = tables.filter((t) => !t.hasCode || !t.rls || !t.forced || !policies.has(t.name)).map((t) => t.name);
    expect(bad).toEqual([]);
  });

  it('leads every primary key, unique constraint and foreign key of tenant tables with municipality_code', async () => {
    const tenant = new Set((await tenantTables()).map((t) => t.name));
    const constraints = (await sql<{ table: string; name: string; type: string; first: string; refFirst: string | null; refTable: string | null }>`
      SELECT n.nspname || '.' || c.relname AS table, k.conname AS name, k.contype AS type,
        (SELECT attname FROM pg_attribute WHERE attrelid = k.conrelid AND attnum = k.conkey[1]) AS first,
        (SELECT attname FROM pg_attribute WHERE attrelid = k.confrelid AND attnum = k.confkey[1]) AS ref_first,
        (SELECT rn.nspname || '.' || rc.relname FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = k.confrelid) AS ref_table
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype IN ('p', 'u', 'f')`.execute(db.owner)).rows;
    const offending = constraints
      .filter((k) => tenant.has(k.table))
      // A foreign key to global reference data (e.g. platform.tenant) is keyed by the code itself.
      .filter((k) => k.first !== 'municipality_code' || (k.type === 'f' && k.refFirst !== 'municipality_code'))
      .map((k) => `${k.table}.${k.name}`);
    expect(offending).toEqual([]);
  });

  it('unique indexes of tenant tables also lead with municipality_code', async () => {
    const tenant = new Set((await tenantTables()).map((t) => t.name));
    const idx = (await sql<{ table: string; name: string; first: string }>`
      SELECT n.nspname || '.' || c.relname AS table, i.relname AS name,
        (SELECT attname FROM pg_attribute WHERE attrelid = x.indrelid AND attnum = x.indkey[0]) AS first
      FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE x.indisunique`.execute(db.owner)).rows;
    expect(idx.filter((i) => tenant.has(i.table) && i.first !== 'municipality_code').map((i) => i.name)).toEqual([]);
  });

  it('makes every foreign key that closes a cycle between tables DEFERRABLE (backups restore in one pass)', async () => {
    const fks = (await sql<{ name: string; child: string; parent: string; deferrable: boolean }>`
      SELECT k.conname AS name, k.conrelid::regclass::text AS child, k.confrelid::regclass::text AS parent, k.condeferrable AS deferrable
      FROM pg_constraint k WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`.execute(db.owner)).rows;
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      if (from === to) return true;
      if (seen.has(from)) return false;
      seen.add(from);
      return fks.filter((f) => f.child === from).some((f) => reaches(f.parent, to, seen));
    };
    const cyclic = fks.filter((f) => reaches(f.parent, f.child));
    expect(cyclic.filter((f) => !f.deferrable).map((f) => `${f.child}.${f.name}`)).toEqual([]);
  });

  it('lets the row-level security predicate use the primary-key index (no cast of municipality_code)', async () => {
    const plan = await withTenant(db, '202151', async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const rows = (await sql`EXPLAIN SELECT * FROM platform.staff WHERE staff_id = '00000000-0000-0000-0000-000000000000'`.execute(trx)).rows;
      return rows.map((r) => String(Object.values(r as object)[0])).join('\n');
    });
    // An index leading with municipality_code: the primary key, or on an empty table another unique index of the
    // tenant (PostgreSQL may pick staff_oidc_subject_uq once the row is wider, issue #13's new columns).
    expect(plan).toMatch(/Index Cond: \(+municipality_code = /);
    expect(plan).not.toMatch(/municipality_code\)::text/);
  });
});
