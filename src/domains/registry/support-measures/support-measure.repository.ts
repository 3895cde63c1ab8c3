// SPDX-License-Identifier: EUPL-1.2
/** SQL of DV等支援措置 (registry.support_measure). No rules: support-measure.ts decides. */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { SupportMeasure } from './support-measure.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
const COLUMNS = ['supportMeasureId', 'personId', 'kind', 'startsOn', 'endsOn', 'requestingBody', 'note', 'endedOn', 'endReason', 'createdBy', 'createdAt', 'endedBy', 'endedAt', 'applicant', 'provisional'] as const;
const PARTY_COLUMNS = ['partyId', 'supportMeasureId', 'role', 'personId', 'name', 'nameKana', 'birthDate', 'sex', 'address', 'note'] as const;

/**
 * Persons among `personIds` protected by a measure on `day` (see `isSupportMeasureActive`; same predicate in SQL): the
 * 申出者 and the 併せて支援を求める者 of every measure in force.
 */
export async function personsUnderSupportMeasure(trx: TenantTx, personIds: readonly string[], day: string): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const active = (eb: any) => eb.and([eb('m.startsOn', '<=', day), eb.or([eb('m.endedOn', 'is', null), eb('m.endedOn', '>=', day)])]); // eslint-disable-line @typescript-eslint/no-explicit-any
  const own = await trx.selectFrom('registry.supportMeasure as m').select('m.personId').distinct()
    .where('m.municipalityCode', '=', TENANT).where('m.personId', 'in', [...personIds]).where(active).execute();
  const co = await trx.selectFrom('registry.supportMeasureParty as p')
    .innerJoin('registry.supportMeasure as m', (j) => j.onRef('m.municipalityCode', '=', 'p.municipalityCode').onRef('m.supportMeasureId', '=', 'p.supportMeasureId'))
    .select('p.personId').distinct().where('p.municipalityCode', '=', TENANT).where('p.role', '=', 'co-protected').where('p.personId', 'in', [...personIds]).where(active).execute();
  return new Set([...own.map((r) => r.personId), ...co.map((r) => r.personId!)]);
}

/** The 加害者 (local residents) of the measures in force on `day` that protect any of `personIds`: their requests are refused. */
export async function perpetratorsOf(trx: TenantTx, personIds: readonly string[], day: string): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const coIn = (await trx.selectFrom('registry.supportMeasureParty').select('supportMeasureId').where('municipalityCode', '=', TENANT)
    .where('role', '=', 'co-protected').where('personId', 'in', [...personIds]).execute()).map((r) => r.supportMeasureId);
  const measures = (await trx.selectFrom('registry.supportMeasure').select('supportMeasureId').where('municipalityCode', '=', TENANT)
    .where((eb) => eb.or([eb('personId', 'in', [...personIds]), ...(coIn.length > 0 ? [eb('supportMeasureId', 'in', coIn)] : [])]))
    .where('startsOn', '<=', day).where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', day)])).execute()).map((r) => r.supportMeasureId);
  if (measures.length === 0) return new Set();
  const rows = await trx.selectFrom('registry.supportMeasureParty').select('personId').distinct().where('municipalityCode', '=', TENANT)
    .where('role', '=', 'perpetrator').where('personId', 'is not', null).where('supportMeasureId', 'in', measures).execute();
  return new Set(rows.map((r) => r.personId!));
}

/** Creates the support-measure repository. */
export function createSupportMeasureRepository() {
  return {
    personsUnderSupportMeasure,
    perpetratorsOf,
    insert: (trx: TenantTx, m: string, row: Omit<SupportMeasure, 'endedOn' | 'endReason'> & { createdBy: string; applicant: Record<string, unknown>; provisional: boolean }) =>
      trx.insertInto('registry.supportMeasure').values({ municipalityCode: m, ...row, applicant: JSON.stringify(row.applicant) }).execute(),
    insertParty: (trx: TenantTx, m: string, row: { partyId: string; supportMeasureId: string; role: string; personId: string | null; name: string; nameKana: string;
      birthDate: string | null; sex: string | null; address: string; note: string; createdBy: string }) =>
      trx.insertInto('registry.supportMeasureParty').values({ municipalityCode: m, ...row }).execute(),
    partiesOf: (trx: TenantTx, ids: readonly string[]) => ids.length === 0 ? Promise.resolve([]) :
      trx.selectFrom('registry.supportMeasureParty').select([...PARTY_COLUMNS]).where('municipalityCode', '=', TENANT).where('supportMeasureId', 'in', [...ids])
        .orderBy('role').orderBy('createdAt').orderBy('partyId').execute(),
    /** Measures where the person is 併せて支援を求める者. */
    idsWhereCoProtected: async (trx: TenantTx, personId: string) => (await trx.selectFrom('registry.supportMeasureParty').select('supportMeasureId')
      .where('municipalityCode', '=', TENANT).where('role', '=', 'co-protected').where('personId', '=', personId).execute()).map((r) => r.supportMeasureId),
    extend: async (trx: TenantTx, m: string, row: { extensionId: string; supportMeasureId: string; previousEndsOn: string; newEndsOn: string; requestedOn: string; createdBy: string }) => {
      await trx.insertInto('registry.supportMeasureExtension').values({ municipalityCode: m, ...row }).execute();
      await trx.updateTable('registry.supportMeasure').set({ endsOn: row.newEndsOn }).where('municipalityCode', '=', TENANT).where('supportMeasureId', '=', row.supportMeasureId).execute();
    },
    extensionsOf: (trx: TenantTx, ids: readonly string[]) => ids.length === 0 ? Promise.resolve([]) :
      trx.selectFrom('registry.supportMeasureExtension').select(['supportMeasureId', 'previousEndsOn', 'newEndsOn', 'requestedOn', 'createdBy']).where('municipalityCode', '=', TENANT)
        .where('supportMeasureId', 'in', [...ids]).orderBy('createdAt').orderBy('newEndsOn').execute(),
    confirm: (trx: TenantTx, id: string) =>
      trx.updateTable('registry.supportMeasure').set({ provisional: false }).where('municipalityCode', '=', TENANT).where('supportMeasureId', '=', id).execute(),
    /** Every measure not ended (for the 終了通知 list). */
    notEnded: (trx: TenantTx) =>
      trx.selectFrom('registry.supportMeasure').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('endedOn', 'is', null).orderBy('endsOn').execute(),
    byIds: (trx: TenantTx, ids: readonly string[]) => ids.length === 0 ? Promise.resolve([]) :
      trx.selectFrom('registry.supportMeasure').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('supportMeasureId', 'in', [...ids]).orderBy('startsOn').execute(),
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
