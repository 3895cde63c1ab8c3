// SPDX-License-Identifier: EUPL-1.2
/**
 * The only way application code touches tenant data: a transaction that runs as the role `jichi_app` with
 * the municipality set for row-level security. A query that forgot its `where municipality_code` still
 * sees only this municipality's rows; code outside such a transaction sees none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/types.ts';
import { assertMunicipalityCode } from './municipality-code.ts';

/**
 * The database role of application transactions: `jichi_app` (LGWAN side, default) or `jichi_public` (the internet
 * side's process, `jichi serve --role public`, issue #14). Set once at start-up.
 */
let appRole: 'jichi_app' | 'jichi_public' = 'jichi_app';

/** Makes every later tenant or platform transaction of this process run as `role`. */
export function useAppRole(role: 'jichi_app' | 'jichi_public'): void {
  appRole = role;
}

/** A transaction bound to one municipality. */
export type TenantTx = Transaction<DB>;

/** Work to do at the end of every tenant transaction of a request, in that transaction, just before it commits. */
export type BeforeCommit = (trx: TenantTx, municipalityCode: string) => Promise<void>;
const beforeCommit = new AsyncLocalStorage<BeforeCommit>();

/** Runs `fn` so that every tenant transaction it opens calls `hook` before committing (e.g. an idempotency marker). */
export function withBeforeCommit<T>(hook: BeforeCommit, fn: () => Promise<T>): Promise<T> {
  return beforeCommit.run(hook, fn);
}

/**
 * 入力場所・入力端末 (spec §1.3.1, §10.2): the terminal and place a staff session's request comes from. Every tenant
 * transaction of the request sets them (`app.terminal_code`, `app.place_code`), and the access log, changes and
 * certificates default their terminal and place columns to them (migration 0022).
 */
/** `screenName`: the 画面名 of a console request (§10.2, migration 0035), '' for the API. */
export interface Workplace { terminalCode: string; placeCode: string; screenName?: string }
const workplace = new AsyncLocalStorage<Workplace>();

/** Runs `fn` so that every tenant transaction it opens records `where` as its terminal and place. */
export function withWorkplace<T>(where: Workplace, fn: () => Promise<T>): Promise<T> {
  return workplace.run(where, fn);
}

/** Runs `fn` in a transaction of the application role scoped to `municipalityCode`. */
export async function withTenant<T>(db: Database, municipalityCode: string, fn: (trx: TenantTx) => Promise<T>): Promise<T> {
  assertMunicipalityCode(municipalityCode);
  const hook = beforeCommit.getStore();
  const where = workplace.getStore();
  return db.app.transaction().execute(async (trx) => {
    await sql`SELECT set_config('role', ${appRole}, true), set_config('app.municipality_code', ${municipalityCode}, true),
      set_config('app.terminal_code', ${where?.terminalCode ?? ''}, true), set_config('app.place_code', ${where?.placeCode ?? ''}, true),
      set_config('app.screen_name', ${where?.screenName ?? ''}, true)`.execute(trx);
    const result = await fn(trx);
    if (hook) await hook(trx, municipalityCode);
    return result;
  });
}

/**
 * Runs `fn` in a tenant transaction of a signed-in resident: also names the resident's session (the hash of its
 * token, `app.resident_session`), by which the internet side's role jichi_public sees only that resident's own rows
 * of online procedures, and only while the session is live (procedures migration 0021).
 */
export function withResident<T>(db: Database, resident: { municipalityCode: string; sessionTokenHash: string }, fn: (trx: TenantTx) => Promise<T>): Promise<T> {
  return withTenant(db, resident.municipalityCode, async (trx) => {
    await sql`SELECT set_config('app.resident_session', ${resident.sessionTokenHash}, true)`.execute(trx);
    return fn(trx);
  });
}

/** Runs `fn` as the application role with no municipality: only platform reference data is visible. */
export async function withPlatform<T>(db: Database, fn: (trx: TenantTx) => Promise<T>): Promise<T> {
  return db.app.transaction().execute(async (trx) => {
    await sql`SELECT set_config('role', ${appRole}, true)`.execute(trx);
    return fn(trx);
  });
}

/**
 * Runs `fn` inside a savepoint of `trx`: kept when `fn` succeeds (unless `alwaysRollBack`), rolled back when it
 * throws — undoing its writes and releasing the row locks it took — while the surrounding transaction stays usable.
 * Returns what `fn` returned, or rethrows what it threw, after the rollback.
 */
export async function inSavepoint<T>(trx: TenantTx, name: string, fn: () => Promise<T>, opts: { alwaysRollBack?: boolean } = {}): Promise<T> {
  if (!/^[a-z_]+$/.test(name)) throw new Error('invalid savepoint name');
  await sql.raw(`SAVEPOINT ${name}`).execute(trx);
  let keep = false;
  try {
    const result = await fn();
    keep = !opts.alwaysRollBack;
    return result;
  } finally {
    if (!keep) await sql.raw(`ROLLBACK TO SAVEPOINT ${name}`).execute(trx);
    await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(trx);
  }
}

/**
 * Runs `fn` inside a savepoint that is always rolled back: whatever `fn` writes is undone (e.g. a trial run whose
 * access log is then written and committed).
 */
export function inRolledBackSavepoint<T>(trx: TenantTx, name: string, fn: () => Promise<T>): Promise<T> {
  return inSavepoint(trx, name, fn, { alwaysRollBack: true });
}
