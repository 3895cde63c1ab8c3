// SPDX-License-Identifier: EUPL-1.2
/**
 * Logical backups that work the same on PGlite and on a server: every table of the platform's schemas (not
 * graphile-worker's own, whose queue is transient: the case jobs themselves are in cases.job),
 * read in one repeatable-read snapshot, written as gzip-compressed JSON lines and closed by a SHA-256 of
 * everything before it. Restore checks the whole archive first and then replaces all data in one
 * transaction, so a damaged archive changes nothing. With a scope (one municipality: `jichi tenant export` /
 * `restore`), the archive holds that municipality's rows of every tenant-owned table, and a restore deletes and
 * reloads those rows only, in one transaction, leaving every other municipality's rows as they were.
 *
 * Layout (one JSON document per line):
 *   {"format":"jichi-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…]}
 *   {"table":"platform.tenant"}            then one {"row":{…}} per row, for each table
 *   {"end":true,"rows":N,"sha256":"…"}     hash of all preceding lines, newline included
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';
import type { DB } from '../db/types.ts';
import { appliedMigrations, migrate } from '../db/migrate.ts';
import { logBatchAccess, operatorId } from '../audit/batch-access.ts';

const FORMAT = 'jichi-backup';
const VERSION = 1;

/** Refused: the archive is damaged, truncated, of another format or of another schema version. */
export class BackupInvalidError extends Error {
  readonly exitCode = 2;
  constructor(reason: string) {
    super(`バックアップファイルを復元できません: ${reason}`);
  }
}

export interface TableRef { schema: string; name: string; qualified: string }

/**
 * The tables to back up, parents before children. Only foreign keys checked immediately order the tables:
 * a DEFERRABLE key (the cycle daycare.round ↔ allocation_run) is checked at commit of the restore, once
 * everything is loaded. A cycle of immediate keys cannot be restored in any order and is an error (issue #15:
 * the old fallback to alphabetical order put daycare.application before daycare.household).
 */
export async function listTables(db: Kysely<DB>, tenantOnly = false): Promise<TableRef[]> {
  // A municipality's archive holds the tables keyed by municipality_code (every tenant-owned table).
  const tables = (await sql<{ schema: string; name: string }>`
    SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public', 'graphile_worker')
      AND n.nspname NOT LIKE 'pg_temp%' AND NOT (n.nspname = 'platform' AND c.relname = 'schema_migration')
      AND (NOT ${tenantOnly} OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_code' AND NOT a.attisdropped))
    ORDER BY 1, 2`.execute(db)).rows;
  const deps = (await sql<{ child: string; parent: string }>`
    SELECT cn.nspname || '.' || cc.relname AS child, pn.nspname || '.' || pc.relname AS parent
    FROM pg_constraint k JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
    JOIN pg_class pc ON pc.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE k.contype = 'f' AND NOT k.condeferrable`.execute(db)).rows;
  const refs = tables.map((t) => ({ ...t, qualified: `${t.schema}.${t.name}` }));
  const listed = new Set(refs.map((t) => t.qualified));
  const ordered: TableRef[] = [];
  const placed = new Set<string>();
  while (ordered.length < refs.length) {
    const before = ordered.length;
    for (const t of refs) {
      if (placed.has(t.qualified)) continue;
      // Parents outside the set (platform.municipality, for one municipality's archive) are not loaded.
      const parents = deps.filter((d) => d.child === t.qualified && d.parent !== t.qualified && listed.has(d.parent)).map((d) => d.parent);
      if (parents.every((p) => placed.has(p))) { ordered.push(t); placed.add(t.qualified); }
    }
    if (ordered.length === before) {
      const rest = refs.filter((t) => !placed.has(t.qualified)).map((t) => t.qualified);
      throw new Error(`外部キーが DEFERRABLE でない循環を作っています（${rest.join(', ')}）`);
    }
  }
  return ordered;
}

/** Tables in backup order (exported for the catalog tests). */
export const backupTables = (db: Database, tenantOnly = false) => listTables(db.owner, tenantOnly);

export const ident = (t: TableRef) => sql.raw(`"${t.schema.replace(/"/g, '""')}"."${t.name.replace(/"/g, '""')}"`);

/** Row count and an order-independent checksum of one table's rows (sums of per-row MD5 halves). */
export interface TableChecksum { rows: number; checksum: string }

export async function checksumTables(trx: Kysely<DB>, tables: TableRef[], scope?: string): Promise<Record<string, TableChecksum>> {
  // The same text a backup holds, rendered in UTC, so that two databases holding the same rows agree.
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
  const out: Record<string, TableChecksum> = {};
  for (const t of tables) {
    const r = (await sql<{ rows: number; checksum: string }>`
      SELECT count(*)::int AS rows,
        coalesce(sum(('x' || substr(h, 1, 15))::bit(60)::bigint), 0)::text || '-' || coalesce(sum(('x' || substr(h, 16, 15))::bit(60)::bigint), 0)::text AS checksum
      FROM (SELECT md5(row_to_json(x)::text) AS h FROM ${ident(t)} x ${where(scope)}) s`.execute(trx)).rows[0]!;
    out[t.qualified] = { rows: Number(r.rows), checksum: r.checksum };
  }
  return out;
}

const where = (scope: string | undefined) => (scope ? sql`WHERE municipality_code = ${scope}` : sql``);

/** Checksums of every table (or of one municipality's rows) in one snapshot, as the owner: what `--verify` compares. */
export async function tableChecksums(db: Database, scope?: string): Promise<Record<string, TableChecksum>> {
  return db.owner.transaction().setIsolationLevel('repeatable read').execute(async (trx) => checksumTables(trx, await listTables(trx, !!scope), scope));
}

/** Who takes a backup and why: recorded in every municipality's access log before the snapshot (issue #15). */
export interface BackupAccess { purpose?: string; operatorId?: string }

/**
 * Writes a backup of the whole database to `file` (atomically: a temp file renamed at the end). The backup reads
 * every municipality's personal data, so it first logs a batch access in each (the entries are in the backup).
 */
export async function writeBackup(db: Database, file: string, access: BackupAccess = {}, scope?: string): Promise<{ tables: number; rows: number; sha256: string }> {
  await logBatchAccess(db, {
    action: scope ? 'platform.tenant-export' : 'platform.backup', purpose: access.purpose ?? 'バックアップ', operatorId: access.operatorId ?? operatorId(),
    myNumberAccessed: true, municipalityCodes: scope ? [scope] : undefined,
  });
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(tmp);
  const done = new Promise<void>((resolve, reject) => { out.on('finish', resolve); out.on('error', reject); gzip.on('error', reject); });
  gzip.pipe(out);
  const hash = crypto.createHash('sha256');
  const write = async (obj: unknown) => {
    const line = `${JSON.stringify(obj)}\n`;
    hash.update(line);
    if (!gzip.write(line)) await new Promise((r) => gzip.once('drain', r));
  };
  let rows = 0;
  let tableCount = 0;
  let checksums: Record<string, TableChecksum> = {};
  try {
    await db.owner.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      await sql`SET TRANSACTION READ ONLY`.execute(trx).catch(() => undefined);
      await assertSeesAllRows(trx);
      const tables = await listTables(trx, !!scope);
      tableCount = tables.length;
      checksums = await checksumTables(trx, tables, scope);
      await write({
        format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), database: db.kind, migrations: await appliedMigrations(trx),
        tables: tables.map((t) => t.qualified), ...(scope ? { municipalityCode: scope } : {}),
      });
      for (const t of tables) {
        await write({ table: t.qualified });
        // Keyset pagination by ctid would not be stable across engines; read in pages of the snapshot instead.
        for (let offset = 0; ; offset += 5000) {
          const page = (await sql<{ j: unknown }>`SELECT row_to_json(x)::text AS j FROM (SELECT * FROM ${ident(t)} ${where(scope)} ORDER BY 1, 2 LIMIT 5000 OFFSET ${offset}) x`.execute(trx)).rows;
          for (const r of page) await write({ row: typeof r.j === 'string' ? JSON.parse(r.j) : r.j });
          rows += page.length;
          if (page.length < 5000) break;
        }
      }
    });
    const digest = hash.digest('hex');
    // The end line carries each table's checksum (computed in the same snapshot) for `jichi backup --verify`.
    gzip.end(`${JSON.stringify({ end: true, rows, sha256: digest, checksums })}\n`);
    await done;
    fs.renameSync(tmp, file);
    return { tables: tableCount, rows, sha256: digest };
  } catch (err) {
    done.catch(() => undefined); // the streams' own errors after destroy() are not the cause
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Backups and restores must see every municipality's rows: refuse a role that row-level security filters. */
export async function assertSeesAllRows(db: Kysely<DB>) {
  const r = (await sql<{ ok: boolean }>`SELECT rolsuper OR rolbypassrls AS ok FROM pg_roles WHERE rolname = current_user`.execute(db)).rows[0];
  if (!r?.ok) throw new Error('バックアップと復元には行単位セキュリティを迂回できるロール（SUPERUSER 又は BYPASSRLS）が必要です');
}

async function* readLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new BackupInvalidError('ファイルがありません');
  // Iterate the gunzip stream itself so that its errors (bad CRC, truncation) reach the caller.
  const gunzip = fs.createReadStream(file).pipe(zlib.createGunzip());
  const decoder = new StringDecoder('utf8'); // a character may straddle two chunks
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, nl);
        rest = rest.slice(nl + 1);
      }
    }
  } catch (err) {
    throw new BackupInvalidError(`圧縮データが壊れています (${(err as Error).message})`);
  }
  if (rest) yield rest;
}

interface Header { format: string; version: number; migrations: string[]; tables: string[]; municipalityCode?: string }

/** Reads the whole archive once and checks its hash, structure and row count; returns the header. */
export async function checkBackup(file: string): Promise<Header & { rows: number; checksums?: Record<string, TableChecksum> }> {
  const hash = crypto.createHash('sha256');
  let header: Header | undefined;
  let rows = 0;
  let end: { rows: number; sha256: string; checksums?: Record<string, TableChecksum> } | undefined;
  for await (const line of readLines(file)) {
    if (end) throw new BackupInvalidError('終端の後にデータがあります');
    let obj: Record<string, unknown>;
    try { obj = JSON.parse(line) as Record<string, unknown>; } catch { throw new BackupInvalidError('読み取れない行があります'); }
    if (!header) {
      if (obj.format !== FORMAT || obj.version !== VERSION) throw new BackupInvalidError('Jichi のバックアップ形式ではありません');
      header = obj as unknown as Header;
    } else if (obj.end === true) {
      end = obj as unknown as { rows: number; sha256: string; checksums?: Record<string, TableChecksum> };
      continue;
    } else if ('row' in obj) {
      rows += 1;
    } else if (!('table' in obj)) {
      throw new BackupInvalidError('不明な行があります');
    }
    hash.update(`${line}\n`);
  }
  if (!header) throw new BackupInvalidError('空のファイルです');
  if (!end) throw new BackupInvalidError('ファイルが途中で切れています');
  if (end.sha256 !== hash.digest('hex')) throw new BackupInvalidError('チェックサムが一致しません（改変又は破損）');
  if (end.rows !== rows) throw new BackupInvalidError('行数が一致しません');
  return { ...header, rows, checksums: end.checksums };
}

/**
 * Replaces all data with the archive's, in one transaction, after checking the archive entirely. With `access`,
 * each restored municipality's access log then records who restored it and why.
 */
export async function restoreBackup(db: Database, file: string, access?: BackupAccess, scope?: string): Promise<{ tables: number; rows: number }> {
  const header = await checkBackup(file);
  if (!scope && header.municipalityCode) throw new BackupInvalidError(`自治体 ${header.municipalityCode} だけのアーカイブです（jichi tenant restore で復元してください）`);
  if (scope && header.municipalityCode !== scope) {
    throw new BackupInvalidError(header.municipalityCode ? `自治体 ${header.municipalityCode} のアーカイブです（${scope} には復元できません）` : '全体のバックアップです（自治体単位の復元には jichi tenant export のアーカイブを使ってください）');
  }
  const current = await appliedMigrations(db.owner);
  if (JSON.stringify(current) !== JSON.stringify(header.migrations)) {
    throw new BackupInvalidError('スキーマの版が異なります（jichi migrate の状態を揃えてください）');
  }
  let rows = 0;
  await db.owner.transaction().execute(async (trx) => {
    await assertSeesAllRows(trx);
    // Foreign keys in a cycle are DEFERRABLE: check them at commit, once every table is loaded.
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
    const tables = await listTables(trx, !!scope);
    const known = new Map(tables.map((t) => [t.qualified, t]));
    for (const name of header.tables) if (!known.has(name)) throw new BackupInvalidError(`表 ${name} がありません`);
    for (const t of tables) await sql`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`.execute(trx);
    if (scope) {
      // One municipality: delete its rows only, children first; every other municipality's rows stay untouched.
      for (const t of [...tables].reverse()) await sql`DELETE FROM ${ident(t)} WHERE municipality_code = ${scope}`.execute(trx);
    } else {
      await sql`TRUNCATE ${sql.join(tables.map(ident))}`.execute(trx);
    }
    // Each table is loaded through an unconstrained staging copy and then inserted in one statement, so that
    // a key referring to another row of the same table (registry.change cancels, daycare.round previous) is
    // checked at the end of that statement, whatever the rows' order in the archive.
    let table: TableRef | undefined;
    let staged = 0;
    const stage = sql.raw('pg_temp.jichi_restore_stage');
    const begin = async (t: TableRef) => {
      table = t;
      staged = 0;
      await sql`DROP TABLE IF EXISTS ${stage}`.execute(trx);
      await sql`CREATE TEMP TABLE jichi_restore_stage (LIKE ${ident(t)}) ON COMMIT DROP`.execute(trx);
    };
    let batch: unknown[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await sql`INSERT INTO ${stage} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, ${JSON.stringify(batch)}::json)`.execute(trx);
      staged += batch.length;
      batch = [];
    };
    const finish = async () => {
      await flush();
      if (!table) return;
      if (scope && staged > 0) {
        const foreign = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${stage} WHERE municipality_code IS DISTINCT FROM ${scope}`.execute(trx)).rows[0]!;
        if (Number(foreign.n) > 0) throw new BackupInvalidError(`表 ${table.qualified} に他の自治体の行があります`);
      }
      if (staged > 0) await sql`INSERT INTO ${ident(table)} SELECT * FROM ${stage}`.execute(trx);
      rows += staged;
      table = undefined;
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) { first = false; continue; }
      const obj = JSON.parse(line) as { table?: string; row?: unknown; end?: boolean };
      if (obj.table) { await finish(); await begin(known.get(obj.table)!); }
      else if (obj.row !== undefined) { batch.push(obj.row); if (batch.length >= 1000) await flush(); }
    }
    await finish();
    await sql`DROP TABLE IF EXISTS ${stage}`.execute(trx);
    // Check the deferred keys now: ALTER TABLE refuses to run with pending deferred trigger events (issue #15).
    await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
    for (const t of tables) await sql`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`.execute(trx);
  });
  if (access) {
    await logBatchAccess(db, {
      action: scope ? 'platform.tenant-restore' : 'platform.restore', purpose: access.purpose ?? 'バックアップからの復元', operatorId: access.operatorId ?? operatorId(),
      myNumberAccessed: true, municipalityCodes: scope ? [scope] : undefined,
    });
  }
  return { tables: header.tables.length, rows };
}

/** What `jichi backup --verify` found: the archive restored into a scratch database and its tables compared. */
export interface VerifyResult { ok: boolean; tables: number; rows: number; error?: string; mismatches: Array<{ table: string; expected?: TableChecksum; actual?: TableChecksum }> }

/**
 * Proves that an archive restores: restores it into a scratch database (in-memory PGlite, or a temporary
 * database on the same server as `databaseUrl`) and compares every table's checksum with the one recorded
 * when the backup was written. The scratch database is removed afterwards.
 */
export async function verifyBackup(file: string, opts: { databaseUrl?: string }): Promise<VerifyResult> {
  const header = await checkBackup(file);
  const scratch = await openScratchDatabase(opts.databaseUrl);
  try {
    await migrate(scratch);
    let restored: { tables: number; rows: number };
    try {
      restored = await restoreBackup(scratch, file);
    } catch (err) {
      return { ok: false, tables: 0, rows: 0, error: (err as Error).message, mismatches: [] };
    }
    const actual = await tableChecksums(scratch);
    const expected = header.checksums ?? {};
    const mismatches: VerifyResult['mismatches'] = [];
    for (const table of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const e = expected[table];
      const a = actual[table];
      if (!e || !a || e.rows !== a.rows || e.checksum !== a.checksum) mismatches.push({ table, expected: e, actual: a });
    }
    return { ok: mismatches.length === 0 && restored.rows === header.rows, tables: restored.tables, rows: restored.rows, mismatches };
  } finally {
    await scratch.drop();
  }
}

async function openScratchDatabase(databaseUrl: string | undefined): Promise<Database & { drop(): Promise<void> }> {
  if (!databaseUrl) {
    const db = await openDatabase({});
    return Object.assign(db, { drop: () => db.close() });
  }
  const name = `jichi_verify_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try { await admin.query(`CREATE DATABASE ${name}`); } finally { await admin.end(); }
  const u = new URL(databaseUrl);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
  return Object.assign(db, {
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: databaseUrl });
      await a.connect();
      try { await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await a.end(); }
    },
  });
}
