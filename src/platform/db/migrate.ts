// SPDX-License-Identifier: EUPL-1.2
/**
 * Forward-only migrations: the SQL files of every `migrations` folder under src (platform first, then each
 * domain), applied in name order, each in its own transaction, recorded with their SHA-256.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './types.ts';
import type { Database } from './database.ts';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Migration {
  /** Unique name, e.g. `platform/0001-create-platform`. */
  name: string;
  sql: string;
  checksum: string;
}

/** Lists every migration in apply order: platform first, then domains alphabetically, by file name. */
export function listMigrations(): Migration[] {
  const folders: Array<[string, string]> = [['platform', path.join(srcDir, 'platform/db/migrations')]];
  const domainsDir = path.join(srcDir, 'domains');
  for (const domain of fs.existsSync(domainsDir) ? fs.readdirSync(domainsDir).sort() : []) {
    const dir = path.join(domainsDir, domain, 'migrations');
    if (fs.existsSync(dir)) folders.push([domain, dir]);
  }
  const all: Migration[] = [];
  for (const [prefix, dir] of folders) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      if (!/^[0-9]{4}-[a-z0-9-]+\.sql$/.test(file)) throw new Error(`bad migration file name: ${file}`);
      all.push({ name: `${prefix}/${file.replace(/\.sql$/, '')}`, sql: text, checksum: sha256(text) });
    }
  }
  // Platform first; domain files are ordered by their number so that cross-domain order is explicit.
  return all.sort((a, b) => order(a).localeCompare(order(b)));
}

function order(m: Migration): string {
  const [prefix, file] = m.name.split('/') as [string, string];
  return `${prefix === 'platform' ? '0' : '1'}${file.slice(0, 4)}${prefix}${file}`;
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Applies pending migrations as the table owner; returns the names applied. Refuses edited migrations. */
export async function migrate(db: Database): Promise<string[]> {
  await db.runScript(`CREATE SCHEMA IF NOT EXISTS platform;
    CREATE TABLE IF NOT EXISTS platform.schema_migration (
      name text NOT NULL, checksum char(64) NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT schema_migration_pkey PRIMARY KEY (name));`);
  const applied: string[] = [];
  for (const m of listMigrations()) {
    const prior = await sql<{ checksum: string }>`SELECT checksum FROM platform.schema_migration WHERE name = ${m.name}`
      .execute(db.owner);
    if (prior.rows[0]) {
      if (prior.rows[0].checksum !== m.checksum) throw new Error(`適用済みのマイグレーションが変更されています: ${m.name}`);
      continue;
    }
    // The primary key on schema_migration makes a concurrent migrator fail instead of applying twice;
    // the advisory lock makes it wait instead.
    await db.runScript(`SELECT pg_advisory_xact_lock(727001);\n${m.sql}\n;` +
      `INSERT INTO platform.schema_migration (name, checksum) VALUES ('${m.name}', '${m.checksum}');`);
    applied.push(m.name);
  }
  return applied;
}

/** Names of the applied migrations, in order (used by backups to refuse a mismatched restore). */
export async function appliedMigrations(owner: Kysely<DB>): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM platform.schema_migration ORDER BY name`.execute(owner);
  return rows.rows.map((r) => r.name);
}
