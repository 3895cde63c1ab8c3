// SPDX-License-Identifier: EUPL-1.2
/** SQL of the idempotency keys. No rules. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { TenantTx } from '../tenancy/tenant-transaction.ts';

/** Whose key it is. */
export interface KeyScope { municipalityCode: string; staffId: string; key: string }

/** Creates the repository of platform.idempotency_key. */
export function createIdempotencyRepository() {
  const where = (s: KeyScope) => ({ municipalityCode: s.municipalityCode, staffId: s.staffId, idemKey: s.key });
  return {
    /** Reserves the key; false when it exists. */
    async reserve(trx: TenantTx, s: KeyScope, fingerprint: string): Promise<boolean> {
      const row = await trx.insertInto('platform.idempotencyKey').values({ ...where(s), fingerprint })
        .onConflict((oc) => oc.doNothing()).returning('idemKey').executeTakeFirst();
      return row !== undefined;
    },
    find: (trx: TenantTx, s: KeyScope) => trx.selectFrom('platform.idempotencyKey')
      .select(['fingerprint', 'statusCode', 'headers', 'body', 'createdAt', 'effectCommittedAt'])
      .where('municipalityCode', '=', s.municipalityCode).where('staffId', '=', s.staffId).where('idemKey', '=', s.key)
      .executeTakeFirst(),
    async complete(trx: TenantTx, s: KeyScope, r: { statusCode: number; headers: Record<string, string>; body: Buffer | null }) {
      await trx.updateTable('platform.idempotencyKey').set({ statusCode: r.statusCode, headers: JSON.stringify(r.headers), body: r.body, completedAt: new Date() })
        .where('municipalityCode', '=', s.municipalityCode).where('staffId', '=', s.staffId).where('idemKey', '=', s.key).execute();
    },
    /** Records, in the request's own transaction, that the request committed something. */
    async markEffect(trx: TenantTx, s: KeyScope) {
      await trx.updateTable('platform.idempotencyKey').set({ effectCommittedAt: sql<Date>`clock_timestamp()` })
        .where('municipalityCode', '=', s.municipalityCode).where('staffId', '=', s.staffId).where('idemKey', '=', s.key)
        .where('effectCommittedAt', 'is', null).execute();
    },
    /** Takes over a key whose request died before committing anything (reserved before `staleBefore`); false otherwise. */
    async takeOver(trx: TenantTx, s: KeyScope, fingerprint: string, staleBefore: Date): Promise<boolean> {
      const row = await trx.updateTable('platform.idempotencyKey').set({ createdAt: new Date() })
        .where('municipalityCode', '=', s.municipalityCode).where('staffId', '=', s.staffId).where('idemKey', '=', s.key)
        .where('fingerprint', '=', fingerprint).where('statusCode', 'is', null).where('effectCommittedAt', 'is', null)
        .where('createdAt', '<', staleBefore).returning('idemKey').executeTakeFirst();
      return row !== undefined;
    },
    async release(trx: TenantTx, s: KeyScope) {
      await trx.deleteFrom('platform.idempotencyKey')
        .where('municipalityCode', '=', s.municipalityCode).where('staffId', '=', s.staffId).where('idemKey', '=', s.key).execute();
    },
    /** Forgets this staff member's keys older than `before` (an expired key may be used again). */
    async deleteExpired(trx: TenantTx, s: KeyScope, before: Date) {
      await trx.deleteFrom('platform.idempotencyKey')
        .where('municipalityCode', '=', s.municipalityCode).where('staffId', '=', s.staffId).where('createdAt', '<', before).execute();
    },
  };
}

/**
 * Forgets every municipality's keys older than `before` (the daily purge; maintenance as the owner, like backups).
 * Keys are also dropped lazily when their staff member sends a request, but a clerk who left would keep theirs.
 */
export async function purgeExpiredKeys(owner: Kysely<DB>, before: Date): Promise<number> {
  const r = await owner.deleteFrom('platform.idempotencyKey').where('createdAt', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
