// SPDX-License-Identifier: EUPL-1.2
/**
 * Logical backups that work the same on PGlite and on a server: every table of the platform's schemas (not
 * graphile-worker's own, whose queue is transient: the case jobs themselves are in cases.job),
 * read in one repeatable-read snapshot, written as gzip-compressed JSON lines and closed by a SHA-256 of
 * everything before it. Restore checks the whole archive first and then replaces all data in one
 * transaction, so a damaged archive changes nothing.
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
import type { Database } from '../db/database.ts';
import type { DB } from '../db/types.ts';
import { appliedMigrations } from '../db/migrate.ts';

const FORMAT = 'jichi-backup';
const VERSION = 1;

/** Refused: the archive is damaged, truncated, of another format or of another schema version. */
export class BackupInvalidError extends Error {
  readonly exitCode = 2;
  constructor(reason: string) {
    super(`バックアップファイルを復元できません: ${reason}`);
  }
}

interface TableRef { schema: string; name: string; qualified: string }

/** The tables to back up, parents before children (foreign-key order). */
async function listTables(db: Kysely<DB>): Promise<TableRef[]> {
  const tables = (await sql<{ schema: string; name: string }>`
    SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public', 'graphile_worker')
      AND n.nspname NOT LIKE 'pg_temp%' AND NOT (n.nspname = 'platform' AND c.relname = 'schema_migration')
    ORDER BY 1, 2`.execute(db)).rows;
  const deps = (await sql<{ child: string; parent: string }>`
    SELECT cn.nspname || '.' || cc.relname AS child, pn.nspname || '.' || pc.relname AS parent
    FROM pg_constraint k JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
    JOIN pg_class pc ON pc.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE k.contype = 'f'`.execute(db)).rows;
  const refs = tables.map((t) => ({ ...t, qualified: `${t.schema}.${t.name}` }));
  const ordered: TableRef[] = [];
  const placed = new Set<string>();
  while (ordered.length < refs.length) {
    const before = ordered.length;
    for (const t of refs) {
      if (placed.has(t.qualified)) continue;
      const parents = deps.filter((d) => d.child === t.qualified && d.parent !== t.qualified).map((d) => d.parent);
      if (parents.every((p) => placed.has(p))) { ordered.push(t); placed.add(t.qualified); }
    }
    // A cycle (allowed only with DEFERRABLE foreign keys, checked by test/schema-catalog): take the rest as is.
    if (ordered.length === before) for (const t of refs) if (!placed.has(t.qualified)) { ordered.push(t); placed.add(t.qualified); }
  }
  return ordered;
}

const ident = (t: TableRef) => sql.raw(`"${t.schema.replace(/"/g, '""')}"."${t.name.replace(/"/g, '""')}"`);

/** Writes a backup of the whole database to `file` (atomically: a temp file renamed at the end). */
export async function writeBackup(db: Database, file: string): Promise<{ tables: number; rows: number; sha256: string }> {
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
  try {
    await db.owner.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      await sql`SET TRANSACTION READ ONLY`.execute(trx).catch(() => undefined);
      await assertSeesAllRows(trx);
      const tables = await listTables(trx);
      tableCount = tables.length;
      await write({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), database: db.kind, migrations: await appliedMigrations(trx), tables: tables.map((t) => t.qualified) });
      for (const t of tables) {
        await write({ table: t.qualified });
        // Keyset pagination by ctid would not be stable across engines; read in pages of the snapshot instead.
        for (let offset = 0; ; offset += 5000) {
          const page = (await sql<{ j: unknown }>`SELECT row_to_json(x)::text AS j FROM (SELECT * FROM ${ident(t)} ORDER BY 1, 2 LIMIT 5000 OFFSET ${offset}) x`.execute(trx)).rows;
          for (const r of page) await write({ row: typeof r.j === 'string' ? JSON.parse(r.j) : r.j });
          rows += page.length;
          if (page.length < 5000) break;
        }
      }
    });
    const digest = hash.digest('hex');
    gzip.end(`${JSON.stringify({ end: true, rows, sha256: digest })}\n`);
    await done;
    fs.renameSync(tmp, file);
    return { tables: tableCount, rows, sha256: digest };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Backups and restores must see every municipality's rows: refuse a role that row-level security filters. */
async function assertSeesAllRows(db: Kysely<DB>) {
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

interface Header { format: string; version: number; migrations: string[]; tables: string[] }

/** Reads the whole archive once and checks its hash, structure and row count; returns the header. */
export async function checkBackup(file: string): Promise<Header & { rows: number }> {
  const hash = crypto.createHash('sha256');
  let header: Header | undefined;
  let rows = 0;
  let end: { rows: number; sha256: string } | undefined;
  for await (const line of readLines(file)) {
    if (end) throw new BackupInvalidError('終端の後にデータがあります');
    let obj: Record<string, unknown>;
    try { obj = JSON.parse(line) as Record<string, unknown>; } catch { throw new BackupInvalidError('読み取れない行があります'); }
    if (!header) {
      if (obj.format !== FORMAT || obj.version !== VERSION) throw new BackupInvalidError('Jichi のバックアップ形式ではありません');
      header = obj as unknown as Header;
    } else if (obj.end === true) {
      end = obj as unknown as { rows: number; sha256: string };
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
  return { ...header, rows };
}

/** Replaces all data with the archive's, in one transaction, after checking the archive entirely. */
export async function restoreBackup(db: Database, file: string): Promise<{ tables: number; rows: number }> {
  const header = await checkBackup(file);
  const current = await appliedMigrations(db.owner);
  if (JSON.stringify(current) !== JSON.stringify(header.migrations)) {
    throw new BackupInvalidError('スキーマの版が異なります（jichi migrate の状態を揃えてください）');
  }
  let rows = 0;
  await db.owner.transaction().execute(async (trx) => {
    await assertSeesAllRows(trx);
    // Foreign keys in a cycle are DEFERRABLE: check them at commit, once every table is loaded.
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
    const tables = await listTables(trx);
    const known = new Map(tables.map((t) => [t.qualified, t]));
    for (const name of header.tables) if (!known.has(name)) throw new BackupInvalidError(`表 ${name} がありません`);
    for (const t of tables) await sql`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`.execute(trx);
    await sql`TRUNCATE ${sql.join(tables.map(ident))}`.execute(trx);
    let table: TableRef | undefined;
    let batch: unknown[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await sql`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, ${JSON.stringify(batch)}::json)`.execute(trx);
      rows += batch.length;
      batch = [];
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) { first = false; continue; }
      const obj = JSON.parse(line) as { table?: string; row?: unknown; end?: boolean };
      if (obj.table) { await flush(); table = known.get(obj.table); }
      else if (obj.row !== undefined) { batch.push(obj.row); if (batch.length >= 1000) await flush(); }
    }
    await flush();
    for (const t of tables) await sql`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`.execute(trx);
  });
  return { tables: header.tables.length, rows };
}
