// SPDX-License-Identifier: EUPL-1.2
/** SQL of resident accounts and sessions (platform.resident_account, platform.resident_session), in tenant transactions. */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

/** A stored session row. */
export interface ResidentSessionRow {
  municipalityCode: string;
  tokenHash: string;
  residentId: string;
  csrfToken: string;
  assurance: string;
  displayName: string;
  personId: string | null;
  atenaNo: string | null;
  householdId: string | null;
  householdNo: string | null;
  isHouseholdHead: boolean | null;
  unmatchedReason: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Creates the repository. */
export function createResidentSessionRepository() {
  return {
    /** The account of a provider subject, created on first sign-in; returns its id. */
    async upsertAccount(trx: TenantTx, municipalityCode: string, issuer: string, subject: string): Promise<string> {
      const found = await trx.selectFrom('platform.residentAccount').select('residentId')
        .where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
      if (found) {
        await trx.updateTable('platform.residentAccount').set({ lastSignInAt: sql`now()` }).where('residentId', '=', found.residentId).execute();
        return found.residentId;
      }
      const residentId = crypto.randomUUID();
      // A parallel first sign-in of the same subject inserts nothing and reads the other's row.
      await trx.insertInto('platform.residentAccount').values({ municipalityCode, residentId, issuer, subject })
        .onConflict((oc) => oc.columns(['municipalityCode', 'issuer', 'subject']).doNothing()).execute();
      const row = await trx.selectFrom('platform.residentAccount').select('residentId')
        .where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirstOrThrow();
      return row.residentId;
    },

    insertSession: (trx: TenantTx, row: Omit<ResidentSessionRow, 'lastSeenAt'>) =>
      trx.insertInto('platform.residentSession').values(row).execute(),

    /** The unexpired session of a token hash, with its account's provider and subject. */
    findSession: async (trx: TenantTx, tokenHash: string) =>
      (await trx.selectFrom('platform.residentSession as s')
        .innerJoin('platform.residentAccount as a', (j) => j.onRef('a.municipalityCode', '=', 's.municipalityCode').onRef('a.residentId', '=', 's.residentId'))
        .selectAll('s').select(['a.issuer', 'a.subject'])
        .where('s.tokenHash', '=', tokenHash).where('s.expiresAt', '>', sql<Date>`now()`).executeTakeFirst()) as (ResidentSessionRow & { issuer: string; subject: string }) | undefined,

    touchSession: (trx: TenantTx, tokenHash: string) =>
      trx.updateTable('platform.residentSession').set({ lastSeenAt: sql`now()` }).where('tokenHash', '=', tokenHash).execute(),

    deleteSession: (trx: TenantTx, tokenHash: string) =>
      trx.deleteFrom('platform.residentSession').where('tokenHash', '=', tokenHash).execute(),

    /** Removes expired sessions and those idle longer than `idleSeconds`; returns how many. */
    async deleteStale(trx: TenantTx, idleSeconds: number): Promise<number> {
      const res = await trx.deleteFrom('platform.residentSession')
        .where((eb) => eb.or([
          eb('expiresAt', '<=', sql<Date>`now()`),
          eb('lastSeenAt', '<', sql<Date>`now() - make_interval(secs => ${idleSeconds})`),
        ])).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

export type ResidentSessionRepository = ReturnType<typeof createResidentSessionRepository>;
