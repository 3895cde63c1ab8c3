// SPDX-License-Identifier: EUPL-1.2
/** SQL of the search history (spec §2.1.1). No rules: the search service decides what is kept and for how long. */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { SavedCriteria } from './search-criteria.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** Records a search of a staff member: a new entry, or the same criteria's entry with its time and count updated. */
export async function recordSearch(trx: TenantTx, m: string, staffId: string, key: string, criteria: SavedCriteria, hitCount: number) {
  await trx.insertInto('registry.searchHistory')
    .values({ municipalityCode: m, searchId: crypto.randomUUID(), staffId, criteriaKey: key, criteria: JSON.stringify(criteria), hitCount })
    .onConflict((oc) => oc.columns(['municipalityCode', 'staffId', 'criteriaKey']).doUpdateSet({
      hitCount, times: sql`registry.search_history.times + 1`, searchedAt: sql`now()`,
    })).execute();
}

/** A staff member's latest searches, newest first. */
export function searchesOf(trx: TenantTx, staffId: string, limit: number) {
  return trx.selectFrom('registry.searchHistory').select(['searchId', 'criteria', 'hitCount', 'times', 'firstSearchedAt', 'searchedAt'])
    .where('municipalityCode', '=', TENANT).where('staffId', '=', staffId).orderBy('searchedAt', 'desc').limit(limit).execute();
}

/** One entry of a staff member's history (another staff member's entry is not found). */
export function searchOf(trx: TenantTx, staffId: string, searchId: string) {
  return trx.selectFrom('registry.searchHistory').select(['searchId', 'criteria', 'searchedAt'])
    .where('municipalityCode', '=', TENANT).where('staffId', '=', staffId).where('searchId', '=', searchId).executeTakeFirst();
}

/** Deletes a municipality's entries last used before the cutoff; returns how many. */
export async function purgeSearchesBefore(trx: TenantTx, cutoff: Date): Promise<number> {
  const r = await trx.deleteFrom('registry.searchHistory').where('municipalityCode', '=', TENANT).where('searchedAt', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Municipalities with entries last used before the cutoff (read as the owner by the periodic purge). */
export async function municipalitiesWithSearchesBefore(owner: Executor, cutoff: Date): Promise<string[]> {
  const r = await sql<{ m: string }>`SELECT DISTINCT municipality_code AS m FROM registry.search_history WHERE searched_at < ${cutoff} ORDER BY 1`.execute(owner);
  return r.rows.map((x) => x.m.trim());
}
