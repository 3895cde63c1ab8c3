// SPDX-License-Identifier: EUPL-1.2
/**
 * With DATABASE_URL set (a PostgreSQL server), migrates a template database once; each test file then
 * gets its own copy (CREATE DATABASE … TEMPLATE). Without it, tests use in-memory PGlite.
 */
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

/** The template's name; JICHI_TEST_TEMPLATE_DB lets two checkouts run the server tests at once. */
export const TEMPLATE_DB = process.env.JICHI_TEST_TEMPLATE_DB ?? 'jichi_test_template';

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${TEMPLATE_DB}`;
  const db = await openDatabase({ databaseUrl: u.toString() });
  await migrate(db);
  await db.close();
}
