// SPDX-License-Identifier: EUPL-1.2
/** SQL of the change feed: the sequence of committed changes (registry.feed_counter, change.feed_seq), pages, consumers. No rules. */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { KIND_CHANGE_REMOVALS, type PersonRecord } from '../registry-model.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** A consumer as stored (without its token hash). */
export interface FeedConsumerRow {
  consumerId: string; name: string; kind: string; purpose: string; scopes: string[]; createdBy: string; createdAt: Date; revokedBy: string | null; revokedAt: Date | null;
}
const CONSUMER_COLUMNS = ['consumerId', 'name', 'kind', 'purpose', 'scopes', 'createdBy', 'createdAt', 'revokedBy', 'revokedAt'] as const;

/** Creates the feed repository. */
export function createFeedRepository() {
  return {
    /**
     * Gives the changes, in this order, the next feed numbers of the municipality. Must be the last statement of the
     * finalising transaction: the counter row stays locked until commit, so the numbers become visible in order.
     */
    async allocate(trx: TenantTx, m: string, changeIds: string[]): Promise<void> {
      if (changeIds.length === 0) return;
      const n = changeIds.length;
      const last = Number((await sql<{ last: string }>`
        INSERT INTO registry.feed_counter AS f (municipality_code, last_seq) VALUES (${m}, ${n})
        ON CONFLICT (municipality_code) DO UPDATE SET last_seq = f.last_seq + ${n}
        RETURNING last_seq::text AS last`.execute(trx)).rows[0]!.last);
      const seqs = changeIds.map((_, i) => String(last - n + 1 + i));
      await sql`UPDATE registry.change c SET feed_seq = u.seq
        FROM unnest(${`{${changeIds.join(',')}}`}::uuid[], ${`{${seqs.join(',')}}`}::bigint[]) AS u(id, seq)
        WHERE c.municipality_code = ${TENANT} AND c.change_id = u.id`.execute(trx);
    },

    /** The last committed feed number (0 before the first). */
    async lastSeq(trx: TenantTx): Promise<number> {
      const r = await trx.selectFrom('registry.feedCounter').select('lastSeq').where('municipalityCode', '=', TENANT).executeTakeFirst();
      return r ? Number(r.lastSeq) : 0;
    },

    /** Committed changes after a feed number, in feed order. */
    changesAfter: (trx: TenantTx, after: number, limit: number) =>
      trx.selectFrom('registry.change').select(['changeId', 'feedSeq', 'kind', 'reasonCode', 'occurredOn', 'decidedAt'])
        .where('municipalityCode', '=', TENANT).where('feedSeq', '>', String(after)).orderBy('feedSeq').limit(limit).execute(),

    /** The snapshots the changes wrote, with their 宛名番号. */
    snapshotsOf: async (trx: TenantTx, changeIds: string[]) => changeIds.length === 0 ? [] :
      (await trx.selectFrom('registry.personSnapshot').select(['changeId', 'personId', 'historyNo', 'record'])
        .where('municipalityCode', '=', TENANT).where('changeId', 'in', changeIds).orderBy('personId').execute())
        .map((s) => ({ ...s, record: s.record as unknown as PersonRecord })),

    /** A page of current records (本登録 only) in 宛名番号 order, after a 宛名番号. */
    currentPage: async (trx: TenantTx, afterAtenaNo: string, limit: number) =>
      (await trx.selectFrom('registry.personCurrent as c').innerJoin('registry.person as p', (j) => j.onRef('p.municipalityCode', '=', 'c.municipalityCode').onRef('p.personId', '=', 'c.personId'))
        .select(['c.personId', 'c.historyNo', 'c.record', 'p.atenaNo'])
        // A record removed by 帰化・国籍喪失 is followed by the new one under the same 宛名番号: one record per 宛名番号.
        .where('c.municipalityCode', '=', TENANT).where('p.atenaNo', '>', afterAtenaNo)
        .where((eb) => eb.or([eb('c.removalReason', 'is', null), eb('c.removalReason', 'not in', [...KIND_CHANGE_REMOVALS])]))
        // …and a 除票 of an earlier period of residence is followed by the record of the later one (spec §1.1.5).
        .where(sql<boolean>`(c.removed_on IS NULL OR NOT EXISTS (SELECT 1 FROM registry.person p2 JOIN registry.person_current c2
          ON c2.municipality_code = p2.municipality_code AND c2.person_id = p2.person_id
          WHERE p2.municipality_code = c.municipality_code AND p2.atena_no = p.atena_no AND p2.person_id <> c.person_id
            AND (c2.removed_on IS NULL OR c2.removed_on > c.removed_on)))`)
        .orderBy('p.atenaNo').limit(limit).execute())
        .map((s) => ({ ...s, record: s.record as unknown as PersonRecord })),

    /** Sealed 個人番号 by blind index. */
    vaultMany: (trx: TenantTx, indexes: string[]) => indexes.length === 0 ? Promise.resolve([]) :
      trx.selectFrom('registry.myNumberVault').select(['keyId', 'ciphertext', 'myNumberIndex']).where('municipalityCode', '=', TENANT).where('myNumberIndex', 'in', indexes).execute(),

    insertConsumer: (trx: TenantTx, m: string, row: { consumerId: string; name: string; kind: string; purpose: string; scopes: string[]; tokenHash: string; createdBy: string }) =>
      trx.insertInto('registry.feedConsumer').values({ municipalityCode: m, ...row }).onConflict((oc) => oc.doNothing()).returning('consumerId').executeTakeFirst(),

    consumers: (trx: TenantTx): Promise<FeedConsumerRow[]> =>
      trx.selectFrom('registry.feedConsumer').select([...CONSUMER_COLUMNS]).where('municipalityCode', '=', TENANT).orderBy('name').execute(),

    consumerByName: (trx: TenantTx, name: string): Promise<FeedConsumerRow | undefined> =>
      trx.selectFrom('registry.feedConsumer').select([...CONSUMER_COLUMNS]).where('municipalityCode', '=', TENANT).where('name', '=', name).executeTakeFirst(),

    consumerByTokenHash: (trx: TenantTx, tokenHash: string): Promise<FeedConsumerRow | undefined> =>
      trx.selectFrom('registry.feedConsumer').select([...CONSUMER_COLUMNS]).where('municipalityCode', '=', TENANT).where('tokenHash', '=', tokenHash).where('revokedAt', 'is', null).executeTakeFirst(),

    revokeConsumer: async (trx: TenantTx, consumerId: string, by: string) =>
      Number((await trx.updateTable('registry.feedConsumer').set({ revokedBy: by, revokedAt: sql`now()` })
        .where('municipalityCode', '=', TENANT).where('consumerId', '=', consumerId).where('revokedAt', 'is', null).executeTakeFirst()).numUpdatedRows),
  };
}
export type FeedRepository = ReturnType<typeof createFeedRepository>;
