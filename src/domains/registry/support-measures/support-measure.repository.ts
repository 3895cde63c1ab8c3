// SPDX-License-Identifier: EUPL-1.2
/** SQL of DV等支援措置 (registry.support_measure). No rules: support-measure.ts decides. */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { SupportMeasure } from './support-measure.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
const COLUMNS = ['supportMeasureId', 'personId', 'kind', 'startsOn', 'endsOn', 'requestingBody', 'note', 'endedOn', 'endReason', 'createdBy', 'createdAt', 'endedBy', 'endedAt'] as const;

/** Persons among `personIds` protected by a measure on `day` (see `isSupportMeasureActive`; same predicate in SQL). */
export async function personsUnderSupportMeasure(trx: TenantTx, personIds: readonly string[], day: string): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await trx.selectFrom('registry.supportMeasure').select('personId').distinct()
    .where('municipalityCode', '=', TENANT).where('personId', 'in', [...personIds]).where('startsOn', '<=', day)
    .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', day)])).execute();
  return new Set(rows.map((r) => r.personId));
}

/** Creates the support-measure repository. */
export function createSupportMeasureRepository() {
  return {
    personsUnderSupportMeasure,
    insert: (trx: TenantTx, m: string, row: Omit<SupportMeasure, 'endedOn' | 'endReason'> & { createdBy: string }) =>
      trx.insertInto('registry.supportMeasure').values({ municipalityCode: m, ...row }).execute(),
    find: (trx: TenantTx, id: string, lock = false) => {
      const q = trx.selectFrom('registry.supportMeasure').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('supportMeasureId', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    ofPerson: (trx: TenantTx, personId: string) =>
      trx.selectFrom('registry.supportMeasure').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('personId', '=', personId).orderBy('startsOn').orderBy('createdAt').execute(),
    ofPersons: (trx: TenantTx, personIds: readonly string[]) => personIds.length === 0 ? Promise.resolve([]) :
      trx.selectFrom('registry.supportMeasure').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('personId', 'in', [...personIds]).orderBy('startsOn').orderBy('createdAt').execute(),
    end: (trx: TenantTx, id: string, e: { endedOn: string; endReason: string; endedBy: string }) =>
      trx.updateTable('registry.supportMeasure').set({ ...e, endedAt: sql`now()` }).where('municipalityCode', '=', TENANT).where('supportMeasureId', '=', id).execute(),
  };
}
export type SupportMeasureRepository = ReturnType<typeof createSupportMeasureRepository>;
